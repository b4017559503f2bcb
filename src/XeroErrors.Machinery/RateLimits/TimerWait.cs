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
        /// <summary>Until <paramref name="delay"/> has passed (never, when null) or <paramref name="wake"/> completes; cancellation throws.</summary>
        public static async Task UntilAsync(TimeProvider time, TimeSpan? delay, Task wake, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            ITimer timer = null;
            if (delay.HasValue)
            {
                timer = time.CreateTimer(state => ((TaskCompletionSource<bool>)state).TrySetResult(true), done, delay.Value, Timeout.InfiniteTimeSpan);
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
    }
}
