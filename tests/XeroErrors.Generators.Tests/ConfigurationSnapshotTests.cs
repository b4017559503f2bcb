using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The shipped spec's output in every configuration the generator shapes its output for. Each test pins, by snapshot,
/// only the files that differ from the plain output (<see cref="SnapshotTests"/>) and requires every other file to be
/// the same bytes, so a configuration cannot change more than it is for. Each result must compile without warnings.
/// </summary>
public class ConfigurationSnapshotTests
{
    private static readonly string[] ClientAssemblyPrefixes = ["Polly", "Microsoft.Extensions.", "Refit", "Flurl", "RestSharp", "Xero.NetStandard.OAuth2"];

    /// <summary>The runtime's assemblies and the client packages' own, as the test host loaded them.</summary>
    internal static readonly IReadOnlyList<MetadataReference> WithClients = GeneratorHarness.References
        .Concat(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => ClientAssemblyPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
        .ToList();

    /// <summary>Polly, the standard resilience handler, Refit, Flurl.Http, RestSharp and Xero's SDK referenced: their glue and the retry strategy.</summary>
    [Fact]
    public void WithClientPackages()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: WithClients));

        Assert.Empty(run.Diagnostics);
        var difference = CompareWithPlain(run, ShippedSpec.Text);
        Assert.Equal(
            // The kinds' and exceptions' docs link the retry strategy where there is one.
            // The governor takes the SDK's responses too.
            ["XeroErrors.XeroExceptions.g.cs", "XeroErrors.XeroRateLimits.g.cs", "XeroErrors.XeroResponseClassifier.Flurl.g.cs", "XeroErrors.XeroResponseClassifier.Refit.g.cs", "XeroErrors.XeroResponseClassifier.RestSharp.g.cs", "XeroErrors.XeroResponseClassifier.XeroSdk.g.cs", "XeroErrors.XeroResponseKind.g.cs", "XeroErrors.XeroRetryStrategy.g.cs"],
            difference.ChangedNames);
        Assert.Empty(difference.Absent);
        AssertSnapshots(difference.Changed);
    }

    /// <summary>
    /// Neither System.Net.Http nor System.Text.Json referenced: the HttpClient parts and the body reader are left out,
    /// and nothing else changes.
    /// </summary>
    [Fact]
    public void WithoutHttpOrJson()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: GeneratorHarness.MinimalReferences));

        // Each entry whose body is JSON says, once, that those properties stay empty without System.Text.Json; and the
        // rate limits, once, that they need System.Threading.RateLimiting.
        Assert.NotEmpty(run.Diagnostics);
        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(["XERR103", "XERR112"], run.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Single(run.Diagnostics, d => d.Id == "XERR112");
        var difference = CompareWithPlain(run, ShippedSpec.Text);
        // The machinery's readers of JSON, XML and patterns compile to "reads nothing" without their assemblies.
        // Without a governor, the exception has no message for a call it refused.
        Assert.Equal(["XeroErrors.Machinery.BodyPaths.g.cs", "XeroErrors.Machinery.BodyRead.g.cs", "XeroErrors.Machinery.JsonBodyParser.g.cs", "XeroErrors.Machinery.XmlBodyParser.g.cs", "XeroErrors.XeroApiException.g.cs", "XeroErrors.XeroResponseBodies.g.cs"], difference.ChangedNames);
        Assert.Equal(
            RateLimitFiles.Concat(["XeroErrors.Machinery.HttpResponseClassifier.g.cs", "XeroErrors.Machinery.ResponseBodyReads.g.cs", "XeroErrors.XeroErrorHandler.g.cs", "XeroErrors.XeroResponseClassifier.Http.g.cs"]).Order(StringComparer.Ordinal),
            difference.Absent.Order(StringComparer.Ordinal));
        AssertSnapshots(difference.Changed);
    }

    /// <summary>A C# 7.3 consumer, where nullable annotations do not exist.</summary>
    [Fact]
    public void CSharp73WithNullableOff()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(version: LanguageVersion.CSharp7_3, nullable: NullableContextOptions.Disable));

        // Nullable annotations go from every file, and nothing else changes.
        Assert.Empty(run.Diagnostics);
        var difference = CompareWithPlain(run, ShippedSpec.Text);
        // The machinery is written for C# 7.3 already, so it is the same bytes.
        Assert.Equal(GeneratorHarness.Run(ShippedSpec.Text).Sources.Where(s => !IsMachinery(s)).Select(s => s.HintName).Order(StringComparer.Ordinal), difference.ChangedNames);
        Assert.Empty(difference.Absent);
        Assert.All(difference.Changed, s => Assert.DoesNotContain("#nullable", s.SourceText.ToString(), StringComparison.Ordinal));
        AssertSnapshots(difference.Changed);
    }

    /// <summary><c>XeroErrorsAccessibility=internal</c> and <c>XeroErrorsNamespace</c> set in the project: every file changes, in those two ways only (checked against the plain output, not a snapshot).</summary>
    [Fact]
    public void InternalInAnotherNamespace()
    {
        var properties = new Dictionary<string, string>
        {
            ["XeroErrorsAccessibility"] = "internal",
            ["XeroErrorsNamespace"] = "Contoso.Billing.Xero",
        };
        var run = GeneratorHarness.Run(ShippedSpec.Text, properties);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        // Exactly the plain output with its namespace renamed, each top-level type's 'public' made 'internal' and
        // without the marker that public types carry for other assemblies: compared whole, so no snapshot copies the plain files.
        var expected = GeneratorHarness.Run(ShippedSpec.Text).Sources.Where(s => !IsMachinery(s)).Select(s => (
            "Contoso.Billing.Xero." + s.HintName["XeroErrors.".Length..],
            Regex.Replace(Regex.Replace(Regex.Replace(s.SourceText.ToString(), @"^// This assembly holds the public types.*\n\[assembly: .*\n\n", string.Empty, RegexOptions.Multiline).Replace("namespace XeroErrors\n", "namespace Contoso.Billing.Xero\n", StringComparison.Ordinal), @"global::XeroErrors\.(?!Machinery\.)", "global::Contoso.Billing.Xero."), @"^    public (?=(?:sealed |static |partial |readonly )*(?:class|enum|struct) )", "    internal ", RegexOptions.Multiline)));
        Assert.Equal(
            expected.OrderBy(f => f.Item1, StringComparer.Ordinal),
            run.Sources.Where(s => !IsMachinery(s)).Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(f => f.HintName, StringComparer.Ordinal));

        // The machinery is the same whatever the spec's namespace and accessibility: internal, in its own namespace.
        Assert.Equal(
            GeneratorHarness.Run(ShippedSpec.Text).Sources.Where(IsMachinery).Select(s => (s.HintName, s.SourceText.ToString())),
            run.Sources.Where(IsMachinery).Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.All(run.Sources, s => Assert.DoesNotMatch(@"\bpublic (?:sealed |static |abstract |partial |readonly )*(?:class|enum|struct|interface)\b", s.SourceText.ToString()));
    }

    /// <summary>A spec without <c>headers:</c>: no typed header properties, no rate-limit enum, and matching by body alone.</summary>
    [Fact]
    public void SpecWithoutHeaders()
    {
        var spec = WithoutHeaders(ShippedSpec.Text);
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.Diagnostics);
        var difference = CompareWithPlain(run, ShippedSpec.Text);
        Assert.Equal(
            ["XeroErrors.XeroApiException.g.cs", "XeroErrors.XeroExceptions.g.cs", "XeroErrors.XeroResponseClassification.g.cs", "XeroErrors.XeroResponseClassifier.g.cs", "XeroErrors.XeroResponseHeaders.g.cs", "XeroErrors.XeroResponseKind.g.cs"],
            difference.ChangedNames);
        Assert.Equal(RateLimitFiles.Append("XeroErrors.XeroRateLimitProblem.g.cs").Order(StringComparer.Ordinal), difference.Absent.Order(StringComparer.Ordinal));
        AssertSnapshots(difference.Changed);
    }

    /// <summary>The governor's files, which only a spec with rate limits in a project with System.Threading.RateLimiting has.</summary>
    private static readonly string[] RateLimitFiles =
    [
        "XeroErrors.Machinery.GovernorLease.g.cs", "XeroErrors.Machinery.GovernorRateLimiter.g.cs", "XeroErrors.Machinery.RateGovernor.g.cs", "XeroErrors.Machinery.RateLimitNotice.g.cs",
        "XeroErrors.Machinery.RateLimitRefusal.g.cs", "XeroErrors.Machinery.RateLimitRule.g.cs", "XeroErrors.Machinery.RateLimitSettings.g.cs",
        "XeroErrors.Machinery.RateScope.g.cs", "XeroErrors.Machinery.TimerWait.g.cs", "XeroErrors.Machinery.WindowCount.g.cs",
        "XeroErrors.XeroRateLimitEventArgs.g.cs", "XeroErrors.XeroRateLimitHandler.g.cs", "XeroErrors.XeroRateLimitOptions.g.cs", "XeroErrors.XeroRateLimits.g.cs",
    ];

    internal static bool IsMachinery(GeneratedSourceResult source) => source.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal);

    /// <summary>The shipped spec with its <c>headers:</c> and <c>rate_limits:</c> sections and every <c>match: headers:</c> condition taken out.</summary>
    internal static string WithoutHeaders(string spec)
    {
        var withoutSection = Regex.Replace(spec, @"^(?:# Response headers[^\n]*\n)?headers:\n(?:(?: [^\n]*)?\n)*", string.Empty, RegexOptions.Multiline);
        // rate_limits: names response headers (its problem header and the headers of calls left), so it goes with them.
        var withoutRateLimits = Regex.Replace(withoutSection, @"^(?:# [^\n]*\n)?rate_limits:\n(?:(?: [^\n]*)?\n)*", string.Empty, RegexOptions.Multiline);
        var withoutConditions = Regex.Replace(withoutRateLimits, @"^      headers: \[[^\n]*\]\n", string.Empty, RegexOptions.Multiline);
        // request_headers: is about the request, not the response's headers, and stays.
        Assert.DoesNotMatch(new Regex("(?<!request_)headers:"), withoutConditions);
        return withoutConditions;
    }

    /// <summary>The files of a run that differ from (or are not in) the plain run of the same spec, and the plain files it lacks.</summary>
    private sealed record Difference(IReadOnlyList<GeneratedSourceResult> Changed, IReadOnlyList<string> Absent)
    {
        public IEnumerable<string> ChangedNames => Changed.Select(s => s.HintName).Order(StringComparer.Ordinal);
    }

    /// <summary>Checks the run compiles cleanly and compares it file by file with the plain run of <paramref name="plainSpec"/>.</summary>
    private static Difference CompareWithPlain(GeneratorRun run, string plainSpec)
    {
        // CS1701/CS1702 (a package built against an older framework's assembly version) are off in every SDK build.
        Assert.DoesNotContain(run.CompilationProblems(), d => d.Id is not ("CS1701" or "CS1702"));

        var plain = GeneratorHarness.Run(plainSpec).Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = run.Sources
            .Where(s => !plain.TryGetValue(s.HintName, out var text) || text != s.SourceText.ToString())
            .ToList();
        Assert.NotEmpty(changed);
        var absent = plain.Keys.Except(run.Sources.Select(s => s.HintName)).Order(StringComparer.Ordinal).ToList();
        return new Difference(changed, absent);
    }

    private static void AssertSnapshots(IEnumerable<GeneratedSourceResult> sources, [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        // The machinery is the XeroErrors.Machinery project's source with a banner, checked as such in MachineryTests.
        var failures = sources
            .Where(source => !IsMachinery(source))
            .Select(source => Snapshot.Check(source.HintName.Replace(".cs", string.Empty, StringComparison.Ordinal), source.SourceText.ToString(), file, method))
            .OfType<string>()
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }
}
