using System;
using System.Threading;

namespace XeroErrors.Generators.Benchmarks.RateLimits;

/// <summary>
/// The system clock, run faster: every timestamp, date and timer is <see cref="Speed"/> times the real one. Real timers
/// and real thread scheduling, so the workload meets what a real one would, but a minute's window takes seconds.
/// </summary>
internal sealed class ScaledTime : TimeProvider
{
    private readonly long _originTimestamp = System.GetTimestamp();
    private readonly DateTimeOffset _originTime = System.GetUtcNow();

    public ScaledTime(double speed) => Speed = speed;

    public double Speed { get; }

    public override long TimestampFrequency => System.TimestampFrequency;

    public override long GetTimestamp() => _originTimestamp + (long)((System.GetTimestamp() - _originTimestamp) * Speed);

    public override DateTimeOffset GetUtcNow() => _originTime + (System.GetUtcNow() - _originTime) * Speed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    /// <summary>A real span from a scaled one; infinite stays infinite.</summary>
    public TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Speed;
}
