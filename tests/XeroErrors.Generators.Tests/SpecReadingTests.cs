using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The spec is read in one pass of the YAML parser, which also guards the loader: what the guards stop is reported
/// at its place in the spec, as one XERR001, and the types every spec has are still generated.
/// </summary>
public sealed class SpecReadingTests
{
    [Theory]
    [InlineData("[", 1, 64)] // the root mapping is the first level, so the 64th '[' opens the 65th
    [InlineData("{a: ", 1, 253)] // and the 64th "{a: " (63 before it, four characters each)
    public void NestingDeeperThanTheLimitIsOneSyntaxErrorWhereTheLimitIsPassedEvenForAHugeDepth(string level, int line, int column)
    {
        // 200,000 levels would overflow the stack of a recursive loader; the guard stops the parser at the 65th.
        var spec = "responses: " + string.Concat(Enumerable.Repeat(level, 200_000));

        var run = GeneratorHarness.Run(spec);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR001", error.Id);
        Assert.Contains("nested deeper than 64 levels", error.GetMessage(), StringComparison.Ordinal);
        var at = error.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column + "responses: ".Length), (at.Line + 1, at.Character + 1));
        Assert.Empty(run.CompilationProblems());
        Assert.NotNull(run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseClassifier"));
    }

    [Fact]
    public void SixtyFourLevelsAreStillASpec()
    {
        // The root mapping, 'responses:' and each entry are three levels; a description nests the rest.
        var nested = string.Concat(Enumerable.Repeat("[", 61)) + "x" + string.Concat(Enumerable.Repeat("]", 61));
        var spec = $"responses:\n  - name: A\n    status: 404\n    summary: S\n    example: {nested}\n";

        var run = GeneratorHarness.Run(spec);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "XERR001");
        Assert.NotNull(run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind")!.GetMembers("A").SingleOrDefault());
    }

    [Fact]
    public void AnAliasToNoAnchorIsASyntaxErrorAtTheAlias()
    {
        const string spec = "responses:\n  - name: A\n    status: 404\n    summary: *missing\n";

        var run = GeneratorHarness.Run(spec);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(("XERR001", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Equal((4, 14), (error.Location.GetLineSpan().StartLinePosition.Line + 1, error.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Contains("the alias '*missing' names no anchor", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void AnAliasToAnAnchorBeforeItReadsAsTheAnchoredValue()
    {
        const string spec = "responses:\n  - name: A\n    status: 404\n    summary: &gone Gone for good\n  - name: B\n    status: 410\n    summary: *gone\n";

        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Gone for good", run.Source("ResponseKind.g.cs").Split("B = ")[0].Split("A = ")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntaxErrorCostsItsEntryAndTheRestOfTheSpecStillGenerates()
    {
        const string spec = """
            responses:
              - name: NotFound
                status: 404
                summary: Not Found
              - name: Broken
                status: 400
                summary: "unclosed
              - name: Gone
                status: 410
                summary: Gone
            """;

        var run = GeneratorHarness.Run(spec);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR001", error.Id);
        var kinds = run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind")!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ToList();
        Assert.Contains("NotFound", kinds);
        Assert.DoesNotContain("Broken", kinds);
        Assert.Empty(run.CompilationProblems());
    }
}
