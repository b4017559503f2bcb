using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace XeroErrors.Generators.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/XeroErrors.Generators.Benchmarks -- --filter '*'</c>,
/// the load benchmark with <c>-- load</c>,
/// the start-up profile with <c>-- startup</c>, the cost of compiling the generated code with <c>-- compile</c>, or the rate-limit workload with <c>-- ratelimits</c>. Results and the targets they are held against are in docs/performance.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            return await Load.LoadBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "compile")
        {
            return Compile.GeneratedCodeCompile.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "ratelimits")
        {
            return await RateLimits.RateLimitWorkload.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "startup")
        {
            return Startup.StartupProfile.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
        return 0;
    }
}
