using BenchmarkDotNet.Running;

namespace XeroErrors.Generators.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/XeroErrors.Generators.Benchmarks -- --filter '*'</c>.
/// Results and the targets they are held against are in docs/performance.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
}
