using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Benchmarks.Infrastructure;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Benchmarks.Generator;

/// <summary>
/// How a full run's time divides: the generator's own two stages without the driver (reading and checking the
/// spec; emitting the files as text), and the driver alone taking the same files from a generator that does
/// nothing else.
/// </summary>
[MemoryDiagnoser]
public class GeneratorStagesBenchmarks
{
    /// <summary>What the harness's compilation has: nullable references, HttpClient and System.Text.Json, no Polly.</summary>
    private static readonly ConsumerCapabilities Capabilities = new(SupportsNullable: true, HasHttp: true, HasSystemTextJson: true, HasPolly: false, HasBrotli: true, HasXml: true, HasRegex: true);

    private SourceText _text = null!;
    private SpecModel _model = null!;
    private IReadOnlyList<GeneratedFile> _files = null!;
    private CSharpCompilation _compilation = null!;

    [Params(Specs.Shipped, Specs.ProjectsOnly, "1000", "10000")]
    public string Spec { get; set; } = "1000";

    [GlobalSetup]
    public void Setup()
    {
        _text = SourceText.From(Specs.Text(Spec));
        _model = SpecParser.Parse(GeneratorRunner.SpecPath, _text, default).Model
            ?? throw new InvalidOperationException($"The {Spec} spec has errors.");
        _files = Emitter.Emit(_model, Capabilities, GeneratorRunner.SpecPath);
        _compilation = GeneratorRunner.CreateCompilation();
    }

    [Benchmark]
    public object ParseSpec() => SpecParser.Parse(GeneratorRunner.SpecPath, _text, default);

    [Benchmark]
    public int EmitFiles() => Emitter.Emit(_model, Capabilities, GeneratorRunner.SpecPath).Count;

    [Benchmark]
    public GeneratorDriver DriverAddsFiles() => CSharpGeneratorDriver
        .Create(new[] { new PrecomputedFilesGenerator(_files).AsSourceGenerator() }, parseOptions: GeneratorRunner.ParseOptions)
        .RunGenerators(_compilation);
}
