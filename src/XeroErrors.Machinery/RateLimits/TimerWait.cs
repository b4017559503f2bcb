namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>Waits on a <see cref="TimeProvider"/> without blocking a thread, so that a test's clock drives every wait.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal static class TimerWait
    {
        /// <summary>
        /// The longest a timer is set for: timers take at most about 49 days, and a longer wait (a hold of months, a
        /// MaxWait of TimeSpan.MaxValue) only wakes the caller to look again.
        /// </summary>
        private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

        /// <summary>A timer that cancels <paramref name="source"/> after <paramref name="delay"/> (at most a day) on <paramref name="time"/>; dispose it when the wait ends.</summary>
        public static ITimer CancelAfter(TimeProvider time, CancellationTokenSource source, TimeSpan delay)
        {
            return time.CreateTimer(
                state =>
                {
                    try
                    {
                        ((CancellationTokenSource)state).Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                        // The wait ended as the timer fired.
                    }
                },
                source,
                Due(delay),
                Timeout.InfiniteTimeSpan);
        }

        /// <summary>Until <paramref name="delay"/> has passed (never, when null; at most a day) or <paramref name="wake"/> completes; cancellation throws.</summary>
        public static async Task UntilAsync(TimeProvider time, TimeSpan? delay, Task wake, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            ITimer timer = null;
            if (delay.HasValue)
            {
                timer = time.CreateTimer(state => ((TaskCompletionSource<bool>)state).TrySetResult(true), done, Due(delay.Value), Timeout.InfiniteTimeSpan);
            }

            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state).TrySetCanceled(), done))
            {
                try
                {
                    await Task.WhenAny(done.Task, wake).ConfigureAwait(false);
                }
                finally
                {
                    timer?.Dispose();
                }
            }

            // Cancelled while woken: cancellation wins, so a cancelled call never takes a permit.
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>A delay a timer can take: none below zero, and at most <see cref="LongestTimer"/>.</summary>
        private static TimeSpan Due(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestTimer ? LongestTimer : delay;
    }
}
