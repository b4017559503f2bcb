using Microsoft.Extensions.Time.Testing;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>Moves a fake clock on until work that waits on it is done, so that minutes of waiting take a moment.</summary>
internal static class FakeClock
{
    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> while <paramref name="work"/> runs, letting it settle between steps.</summary>
    /// <returns>The work's result and how far the clock moved.</returns>
    public static async Task<TimeSpan> RunAsync(FakeTimeProvider time, Task work, TimeSpan step, TimeSpan? limit = null)
    {
        var start = time.GetUtcNow();
        var most = limit ?? TimeSpan.FromDays(2);
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            // A governor that never lets a call go would hang the test: give up after minutes of real time instead.
            if (real.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"The work was still waiting after {real.Elapsed} of real time and {time.GetUtcNow() - start} on the fake clock.");
            }

            await Task.Delay(3);
            if (work.IsCompleted)
            {
                break;
            }

            if (time.GetUtcNow() - start > most)
            {
                throw new TimeoutException($"The work was still waiting after {most} on the fake clock.");
            }

            time.Advance(step);
        }

        await work;
        return time.GetUtcNow() - start;
    }
}

/// <summary>
/// Runs the tests that move a fake clock while real tasks wait on it after the parallel tests, on their own: beside the
/// CPU-bound tests (the property runs, the compilations) their continuations queue behind long work items, each step of
/// the clock takes seconds of real time, and a workload of minutes on the fake clock outlasts the real-time guard.
/// </summary>
[CollectionDefinition(nameof(FakeClockCollection), DisableParallelization = true)]
public sealed class FakeClockCollection
{
}
