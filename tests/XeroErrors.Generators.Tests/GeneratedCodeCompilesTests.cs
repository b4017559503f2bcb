using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>The generated code compiles without a warning in the kinds of projects consumers have.</summary>
public class GeneratedCodeCompilesTests
{
    public static TheoryData<LanguageVersion, NullableContextOptions> Settings => new()
    {
        { LanguageVersion.Latest, NullableContextOptions.Enable },
        { LanguageVersion.Latest, NullableContextOptions.Disable },
        { LanguageVersion.CSharp8, NullableContextOptions.Enable },
        { LanguageVersion.CSharp7_3, NullableContextOptions.Disable },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void ShippedSpecCompilesWithoutWarnings(LanguageVersion version, NullableContextOptions nullable)
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(version: version, nullable: nullable, warningsAsErrors: true));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Contains(run.Sources, s => s.HintName == "XeroErrors.XeroErrorHandler.g.cs");
    }

    [Fact]
    public void WithoutHttpOrJsonTheRestStillGeneratesAndAWarningNamesThePackage()
    {
        var compilation = GeneratorHarness.CreateCompilation(references: GeneratorHarness.MinimalReferences);

        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: compilation);

        Assert.Empty(run.CompilationProblems());
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("ErrorHandler", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Http.", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName == "XeroErrors.XeroResponseClassifier.g.cs");
        var warnings = run.Diagnostics.Where(d => d.Id == "XERR103").ToList();
        Assert.Single(warnings); // Said once, at the first entry whose body shapes read JSON (BadRequest).
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.All(warnings, w => Assert.Contains("System.Text.Json", w.GetMessage(), StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.EndsWith("errors.yaml", w.Location.GetLineSpan().Path, StringComparison.Ordinal));
    }

    [Fact]
    public void SameSpecGivesTheSameBytes()
    {
        var first = GeneratorHarness.Run(ShippedSpec.Text).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = GeneratorHarness.Run(ShippedSpec.Text.ReplaceLineEndings("\r\n")).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        Assert.Equal(first, second);
        Assert.All(first, f => Assert.DoesNotContain('\r', f.Item2));
    }

    [Fact]
    public void InternalAccessibilityAndNamespaceOverride()
    {
        var properties = new Dictionary<string, string> { ["XeroErrorsAccessibility"] = "internal", ["XeroErrorsNamespace"] = "Contoso.Xero" };

        var run = GeneratorHarness.Run(ShippedSpec.Text, properties);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var kind = run.Output.GetTypeByMetadataName("Contoso.Xero.XeroResponseKind");
        Assert.NotNull(kind);
        Assert.Equal(Accessibility.Internal, kind.DeclaredAccessibility);
    }
}
