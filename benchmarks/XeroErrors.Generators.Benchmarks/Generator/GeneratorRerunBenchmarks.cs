using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Benchmarks.Infrastructure;
using XeroErrors.Generators.Consumer;

namespace XeroErrors.Generators.Benchmarks.Generator;

/// <summary>
/// The run after an unrelated C# edit, against a full run on the same edited compilation (the baseline, so the
/// Ratio column is the re-run's share of a full run). Both receive a compilation made new by the edit on every call,
/// as the compiler hands one over after each keystroke; <see cref="EditOnly"/> is what making it costs, and
/// <see cref="CapabilitiesAfterEdit"/> the one step of the generator that runs again after such an edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorRerunBenchmarks
{
    private AdditionalText _spec = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _original = null!;
    private SyntaxTree _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(Specs.Shipped, "1000")]
    public string Spec { get; set; } = Specs.Shipped;

    [GlobalSetup]
    public void Setup()
    {
        _spec = Specs.AdditionalText(Spec);
        _compilation = GeneratorRunner.CreateCompilation();
        _original = GeneratorRunner.RetryTree(_compilation);
        _edited = GeneratorRunner.EditedRetryTree();
        GeneratorRunner.RunAndValidate(_spec, _compilation, $"the {Spec} spec");

        // The driver as the compiler keeps it: it has run once, on the compilation before the edit.
        _warmDriver = GeneratorRunner.CreateDriver(_spec).RunGenerators(_compilation);
        CheckRerunIsCached();
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => GeneratorRunner.CreateDriver(_spec).RunGenerators(Edit());

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(Edit());

    [Benchmark]
    public Compilation EditOnly() => Edit();

    /// <summary>The pipeline's Capabilities step alone (its type look-ups), on the compilation after the edit.</summary>
    [Benchmark]
    public object CapabilitiesAfterEdit() => CapabilitiesReader.Read(Edit());

    private CSharpCompilation Edit() => _compilation.ReplaceSyntaxTree(_original, _edited);

    /// <summary>
    /// Makes sure the re-run measures what it claims: after the edit only the compilation-derived step runs again,
    /// and no output is regenerated.
    /// </summary>
    private void CheckRerunIsCached()
    {
        var rerun = GeneratorRunner.CreateDriver(_spec, trackSteps: true).RunGenerators(_compilation).RunGenerators(Edit());
        var result = rerun.GetRunResult().Results.Single();
        var regenerated = result.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        if (regenerated.Count > 0)
        {
            throw new InvalidOperationException($"After an unrelated edit, {regenerated.Count} output(s) of the generator ran again ({string.Join(", ", regenerated.Select(o => o.Reason).Distinct())}).");
        }

        Console.WriteLine($"// {Spec} spec: after the edit, all {result.TrackedOutputSteps.Sum(s => s.Value.Length)} output step(s) are cached.");
    }
}
