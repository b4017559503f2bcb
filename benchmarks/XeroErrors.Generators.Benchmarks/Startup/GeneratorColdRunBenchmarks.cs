using System;
using System.IO;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Benchmarks.Infrastructure;

namespace XeroErrors.Generators.Benchmarks.Startup;

/// <summary>
/// The generator's first run in a fresh process, as a build without the compiler server pays it on every project:
/// each launch is a new process whose one measured call is the first, so assembly loading and JIT are in it. The
/// setup warms Roslyn's driver with an empty generator first, as the generators that run before this one do in a
/// build. The baseline is the SDK's own <c>ComInterfaceGenerator</c>, run cold the same way on the same compilation.
/// The Short job beside it gives the warm figures of the same calls.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, id: "ColdStart")]
[MemoryDiagnoser]
public class GeneratorColdRunBenchmarks
{
    private AdditionalText _spec = null!;
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spec = Specs.AdditionalText(Specs.Shipped);
        _compilation = GeneratorRunner.CreateCompilation();
        CSharpGeneratorDriver.Create(new EmptyGenerator()).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver ComInterface() => CSharpGeneratorDriver
        .Create(new[] { SdkGenerator("Microsoft.Interop.ComInterfaceGenerator", "Microsoft.Interop.ComInterfaceGenerator") }, parseOptions: GeneratorRunner.ParseOptions)
        .RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver XeroErrors() => GeneratorRunner.CreateDriver(_spec).RunGenerators(_compilation);

    /// <summary>A generator of the SDK's targeting pack, from the pack that matches the running runtime's major version.</summary>
    private static ISourceGenerator SdkGenerator(string assembly, string type)
    {
        // The runtime lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/; its analyzers in <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers.
        var runtimeDirectory = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var dotnetRoot = runtimeDirectory.Parent!.Parent!.Parent!.FullName;
        var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"))
            .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
            .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .LastOrDefault()
            ?? throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref {major}x pack under {dotnetRoot}.");
        var path = Path.Combine(pack, "analyzers", "dotnet", "cs", assembly + ".dll");
        var generator = Activator.CreateInstance(Assembly.LoadFrom(path).GetType(type, throwOnError: true)!)!;
        return generator as ISourceGenerator ?? ((IIncrementalGenerator)generator).AsSourceGenerator();
    }

    /// <summary>A generator that registers nothing: running it warms the driver without running this project's code.</summary>
    internal sealed class EmptyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }
}
