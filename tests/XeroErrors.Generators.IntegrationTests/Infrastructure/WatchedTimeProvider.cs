using Microsoft.Extensions.Time.Testing;

namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when a timer is started, so that a test advances the clock only
/// once Polly waits on it (advancing earlier would leave the wait due later than intended).
/// </summary>
public sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _dueTimes = new();
    private TaskCompletionSource<TimeSpan> _next = NewSource();

    /// <summary>The due times of the timers started so far.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return _dueTimes.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            TaskCompletionSource<TimeSpan> started;
            lock (_gate)
            {
                _dueTimes.Add(dueTime);
                started = _next;
                _next = NewSource();
            }

            started.TrySetResult(dueTime);
        }

        return timer;
    }

    /// <summary>Waits (in real time, at most <paramref name="timeout"/>) for the next timer to start; returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan timeout)
    {
        Task<TimeSpan> next;
        lock (_gate)
        {
            next = _next.Task;
        }

        return await next.WaitAsync(timeout).ConfigureAwait(false);
    }

    private static TaskCompletionSource<TimeSpan> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
