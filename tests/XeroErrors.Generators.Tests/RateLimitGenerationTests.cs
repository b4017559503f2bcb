using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>Where the governor is generated: only with System.Threading.RateLimiting, and once per project.</summary>
public sealed class RateLimitGenerationTests
{
    private const string PayrollWithLimits = """
        namespace: Contoso.Payroll
        prefix: Payroll
        headers:
          - name: X-Rate-Limit-Problem
            property: RateLimitProblem
            type: enum
            values:
              - { value: minute, member: Minute }
        rate_limits:
          status: 429
          problem_header: X-Rate-Limit-Problem
          limits:
            - { name: AppCallsPerMinute, scope: app, calls: 100, window: 60, problem: minute }
        responses:
          - { name: TooMany, status: 429, summary: Too Many Requests }
        """;

    [Fact]
    public void WithoutTheRateLimitingPackageTheSpecWarnsWhereItDeclaresTheLimitsAndTheRestIsGenerated()
    {
        var references = GeneratorHarness.References.Where(r => Path.GetFileNameWithoutExtension(r.Display) != "System.Threading.RateLimiting").ToList();
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: references));

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal(("XERR112", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        var line = ShippedSpec.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("rate_limits:", StringComparison.Ordinal));
        Assert.Equal(line, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("System.Threading.RateLimiting", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("RateLimit", StringComparison.Ordinal) && !s.HintName.Contains("RateLimitProblem", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName == "XeroErrors.XeroErrorHandler.g.cs");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void WithThePackageTheGovernorAndItsMachineryAreGeneratedAndCompile()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var names = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("XeroErrors.XeroRateLimits.g.cs", names);
        Assert.Contains("XeroErrors.XeroRateLimitHandler.g.cs", names);
        Assert.Contains("XeroErrors.Machinery.RateGovernor.g.cs", names);
    }

    [Fact]
    public void WithoutSystemNetHttpTheGovernorComesWithoutItsHandler()
    {
        var references = GeneratorHarness.MinimalReferences
            .Concat(GeneratorHarness.References.Where(r => Path.GetFileNameWithoutExtension(r.Display) is "System.Threading.RateLimiting" or "System.Threading"))
            .ToList();
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: references));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "XERR112");
        Assert.Empty(run.CompilationProblems());
        var names = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("XeroErrors.XeroRateLimits.g.cs", names);
        Assert.DoesNotContain("XeroErrors.XeroRateLimitHandler.g.cs", names);
        Assert.DoesNotContain("HttpResponseMessage", run.Sources.Single(s => s.HintName == "XeroErrors.XeroRateLimits.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSpecsThatDeclareLimitsKeepOneCountFromTheFirst()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text), new InMemoryAdditionalText("/project/spec/payroll.errors.yaml", PayrollWithLimits)]);

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal(("XERR113", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.EndsWith("payroll.errors.yaml", warning.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("XeroRateLimits from 'errors.yaml'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var names = run.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("XeroErrors.XeroRateLimits.g.cs", names);
        Assert.DoesNotContain(names, n => n is "Contoso.Payroll.PayrollRateLimits.g.cs" or "Contoso.Payroll.PayrollRateLimitHandler.g.cs" or "Contoso.Payroll.PayrollRateLimitOptions.g.cs");
        Assert.Contains("Contoso.Payroll.PayrollResponseClassifier.g.cs", names);
        Assert.Single(names, n => n == "XeroErrors.Machinery.RateGovernor.g.cs");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void ASecondSpecWithLimitsAloneGetsItsOwnGovernor()
    {
        var run = GeneratorHarness.Run(PayrollWithLimits);

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Contoso.Payroll.PayrollRateLimits.g.cs");
        Assert.Empty(run.CompilationProblems());
    }
}
