using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>
/// The check every harness run ends with: after a C# edit that has nothing to do with the spec, each tracked step and
/// each output is <see cref="IncrementalStepRunReason.Cached"/> or <see cref="IncrementalStepRunReason.Unchanged"/>,
/// and the output is what it was. A model that loses equality (a list compared by reference, a Roslyn object kept)
/// fails here in whichever test first builds it.
/// </summary>
internal static class CachingCheck
{
    private static readonly IncrementalStepRunReason[] NoWork = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    public static void AssertUnrelatedEditDoesNoWork(GeneratorDriver driver, Compilation compilation, GeneratorRunResult first)
    {
        var options = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? GeneratorHarness.ParseOptions();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer.Unrelated { internal sealed class Edit { } }", options, path: "/project/Unrelated.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertNoWork(second.TrackedSteps.Where(s => TrackingNamesOf.Generator.Contains(s.Key)));
        AssertNoWork(second.TrackedOutputSteps);
        Assert.Equal(
            first.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    public static void AssertNoWork(IEnumerable<KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>> steps)
    {
        foreach (var (name, runs) in steps)
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(NoWork.Contains(output.Reason), $"After an unrelated edit, step '{name}' reported {output.Reason}.");
            }
        }
    }
}

/// <summary>The generator's <c>TrackingNames</c> constants, read once.</summary>
internal static class TrackingNamesOf
{
    public static readonly string[] Generator = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
