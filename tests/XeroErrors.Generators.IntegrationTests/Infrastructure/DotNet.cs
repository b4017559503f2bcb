using System.Diagnostics;
using System.Text;

namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>The outcome of one <c>dotnet</c> command: its exit code and everything it printed.</summary>
public sealed record DotNetResult(string Command, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The lines that report a warning, without NuGet's NU1603 (the registry here serves some dependencies only at a later patch).</summary>
    public IReadOnlyList<string> Warnings => Lines.Where(l => l.Contains(": warning ", StringComparison.Ordinal) && !l.Contains("NU1603", StringComparison.Ordinal)).Distinct().ToList();

    public IReadOnlyList<string> Errors => Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>Every line printed.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>Text for an assertion message: the command, how it ended, and its output.</summary>
    public string Describe() =>
        $"`dotnet {Command}` in {WorkingDirectory} {(TimedOut ? "timed out" : "exited " + ExitCode)} after {Elapsed.TotalSeconds:F1}s.{Environment.NewLine}{Output}";
}

/// <summary>Runs the dotnet CLI as a child process with a timeout, capturing its output.</summary>
public static class DotNet
{
    /// <summary>Long enough for a first restore from the registry on a cold machine; a build that hangs still fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Options every build and pack gets: no MSBuild node reuse and no compiler server, so that no process
    /// outlives the command (and none holds its output open), and no logo.
    /// </summary>
    public const string BuildOptions = "-nologo --disable-build-servers";

    private static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<DotNetResult> RunAsync(string arguments, string workingDirectory, TimeSpan? timeout = null) =>
        RunAsync(Executable, arguments, workingDirectory, environment: null, timeout);

    /// <summary>
    /// A shell script run by bash, as a user types it, with the dotnet CLI on the PATH and
    /// <paramref name="environment"/> added (for example a HOME of its own, to stand for a fresh machine).
    /// </summary>
    public static Task<DotNetResult> RunScriptAsync(string script, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "xeroerrors-script-" + Guid.NewGuid().ToString("N")[..12] + ".sh");
        File.WriteAllText(path, "set -euo pipefail\n" + script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        var withDotNet = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        if (Path.GetDirectoryName(Executable) is { Length: > 0 } folder)
        {
            withDotNet["PATH"] = folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        return RunAndDeleteAsync();

        async Task<DotNetResult> RunAndDeleteAsync()
        {
            try
            {
                return await RunAsync("bash", $"\"{path}\"", workingDirectory, withDotNet, timeout).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<DotNetResult> RunAsync(string executable, string arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into a separate build.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["NUGET_XMLDOC_MODE"] = "skip";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var cts = new CancellationTokenSource(timeout ?? DefaultTimeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended on its own meanwhile.
                }

                process.WaitForExit(10_000);
            }
        }

        watch.Stop();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new DotNetResult(arguments, workingDirectory, timedOut ? -1 : process.ExitCode, text, watch.Elapsed, timedOut);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
