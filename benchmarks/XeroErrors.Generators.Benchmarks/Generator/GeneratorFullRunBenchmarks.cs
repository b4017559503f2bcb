using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Benchmarks.Infrastructure;

namespace XeroErrors.Generators.Benchmarks.Generator;

/// <summary>
/// A full run: a new driver (nothing cached) on the shipped spec and on synthetic specs of 100, 1,000 and 10,000
/// entries. It covers everything the generator does for a build: reading the YAML, checking it, emitting every file,
/// and the driver parsing what was emitted.
/// </summary>
[MemoryDiagnoser]
public class GeneratorFullRunBenchmarks
{
    private AdditionalText _spec = null!;
    private CSharpCompilation _compilation = null!;

    [Params(Specs.Shipped, Specs.ProjectsOnly, "100", "1000", "10000")]
    public string Spec { get; set; } = Specs.Shipped;

    [GlobalSetup]
    public void Setup()
    {
        _spec = Specs.AdditionalText(Spec);
        _compilation = GeneratorRunner.CreateCompilation();
        var result = GeneratorRunner.RunAndValidate(_spec, _compilation, $"the {Spec} spec");
        Console.WriteLine($"// {Spec} spec: {_spec.GetText()!.Length:N0} characters, {result.GeneratedTrees.Length:N0} generated files, {result.Diagnostics.Length} diagnostics.");
    }

    [Benchmark]
    public GeneratorDriver FullRun() => GeneratorRunner.CreateDriver(_spec).RunGenerators(_compilation);
}
