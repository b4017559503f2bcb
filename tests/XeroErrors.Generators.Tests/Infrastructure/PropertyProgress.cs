using System.Diagnostics;
using System.Globalization;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>
/// Progress of a long property run, so that an hour's run is not a silent one: every interval, a line with the cases
/// done, the cases a second, the failures so far and the process's peak memory, on standard error and, when
/// XEROERRORS_PROPERTY_LOG names a file, appended to it (<c>tail -f</c> it while the test host's output is captured).
/// </summary>
internal sealed class PropertyProgress : IDisposable
{
    public const string LogVariable = "XEROERRORS_PROPERTY_LOG";

    /// <summary>Runs shorter than this (CI's fixed cases) report nothing.</summary>
    private const long QuietBelow = 50_000;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly long _total;
    private readonly string? _log;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private long _passed;
    private long _failed;

    private PropertyProgress(long total, bool report)
    {
        _total = total;
        _log = Environment.GetEnvironmentVariable(LogVariable);
        if (report || !string.IsNullOrEmpty(_log))
        {
            _timer = new Timer(_ => Report("running"), null, Interval, Interval);
        }
    }

    public static PropertyProgress Start(long total) => new(total, total >= QuietBelow);

    public void Passed() => Interlocked.Increment(ref _passed);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Dispose()
    {
        _timer?.Dispose();
        if (_timer is not null)
        {
            Report("finished");
        }
    }

    private void Report(string state)
    {
        var done = Interlocked.Read(ref _passed) + Interlocked.Read(ref _failed);
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        using var process = Process.GetCurrentProcess();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[property {state}] {done:N0}/{_total:N0} cases, {done / seconds:F1} a second, {Interlocked.Read(ref _failed)} failed, {_clock.Elapsed:hh\\:mm\\:ss} elapsed, peak {process.PeakWorkingSet64 / (1024 * 1024):N0} MB");
        Console.Error.WriteLine(line);
        if (!string.IsNullOrEmpty(_log))
        {
            try
            {
                File.AppendAllText(_log, line + Environment.NewLine);
            }
            catch (IOException)
            {
                // Progress is a courtesy: a log that cannot be written never fails the run.
            }
        }
    }
}
