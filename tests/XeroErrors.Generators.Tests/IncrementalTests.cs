using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>The pipeline does no work on edits that do not matter, and the right work on those that do.</summary>
public class IncrementalTests
{
    private static readonly string[] TrackedNames = TrackingNamesOf.Generator;

    [Fact]
    public void AnUnrelatedCSharpEditDoesNoWork()
    {
        var spec = new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver([spec], trackSteps: true).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources;

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal sealed class Added { } }", GeneratorHarness.ParseOptions()));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(TrackedNames, name => Assert.Contains(name, result.TrackedSteps.Keys));
        CachingCheck.AssertNoWork(result.TrackedSteps.Where(s => TrackedNames.Contains(s.Key)));
        CachingCheck.AssertNoWork(result.TrackedOutputSteps);
        Assert.Equal(before.Select(s => s.SourceText.ToString()), result.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("whitespace")]
    [InlineData("key order")]
    public void ASpecEditThatChangesNothingThatMattersLeavesTheOutputUnchanged(string edit)
    {
        var text = ShippedSpec.Text;
        var changed = edit switch
        {
            "comment" => "# A new comment at the top.\n" + text.Replace("  - name: NotFound\n", "  # the 404 entry\n  - name: NotFound\n", StringComparison.Ordinal),
            "whitespace" => text.Replace("responses:\n", "responses:\n\n\n", StringComparison.Ordinal).Replace("    status: 404\n", "    status:    404   \n", StringComparison.Ordinal),
            _ => text.Replace("    status: 404\n    summary: Not Found\n", "    summary: Not Found\n    status: 404\n", StringComparison.Ordinal),
        };
        Assert.NotEqual(text, changed);
        var original = new InMemoryAdditionalText(GeneratorHarness.SpecPath, text);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver([original], trackSteps: true).RunGenerators(compilation);

        var result = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.SpecPath, changed))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        CachingCheck.AssertNoWork(result.TrackedOutputSteps);
    }

    [Fact]
    public void AnEditOfOneEntryGivesWhatAFreshRunGives()
    {
        var original = new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text);
        var editedText = ShippedSpec.Text.Replace("summary: Not Found", "summary: Nothing Here", StringComparison.Ordinal);
        var edited = new InMemoryAdditionalText(GeneratorHarness.SpecPath, editedText);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver([original], trackSteps: true).RunGenerators(compilation);

        var incremental = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();
        var fresh = GeneratorHarness.Run(editedText).Generator;

        Assert.Equal(
            fresh.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            incremental.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.Contains("Nothing Here", incremental.GeneratedSources.Single(s => s.HintName.EndsWith("XeroResponseClassifier.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoStepHoldsACompilationSymbolSyntaxOrLocation()
    {
        var spec = new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text + "colour: blue\n");
        var result = GeneratorHarness.CreateDriver([spec], trackSteps: true)
            .RunGenerators(GeneratorHarness.CreateCompilation())
            .GetRunResult().Results.Single();

        var outputs = result.TrackedSteps
            .Where(s => TrackedNames.Contains(s.Key))
            .SelectMany(s => s.Value)
            .SelectMany(step => step.Outputs)
            .Select(o => o.Value)
            .ToList();

        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            ModelGraph.AssertHoldsNoRoslynObjects(output);
        }
    }
}

/// <summary>Walks an object graph and fails on anything that would pin a compilation in memory or defeat caching.</summary>
internal static class ModelGraph
{
    private static readonly Type[] Forbidden = [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Diagnostic), typeof(SemanticModel)];

    public static void AssertHoldsNoRoslynObjects(object? root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, "root", seen);
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} is a {type.FullName}.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is Array items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", seen);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }
    }
}
