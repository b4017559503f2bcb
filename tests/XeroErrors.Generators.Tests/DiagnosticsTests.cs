using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>A broken spec is a diagnostic at the offending YAML position; errors stop generation, warnings do not.</summary>
public class DiagnosticsTests
{
    /// <summary>Ids covered by their own tests below rather than by <see cref="DiagnosticCases"/>.</summary>
    private static readonly string[] TestedElsewhere = ["XERR020", "XERR021", "XERR028", "XERR103", "XERR107", "XERR109", "XERR110", "XERR112", "XERR113", "XERR999"];

    public static TheoryData<string, string, int, int> Cases()
    {
        var data = new TheoryData<string, string, int, int>();
        foreach (var (id, spec, line, column) in DiagnosticCases.All)
        {
            data.Add(id, spec, line, column);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachDiagnosticPointsIntoTheSpec(string id, string spec, int line, int column)
    {
        var run = GeneratorHarness.Run(spec);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SpecPath, position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        Assert.Equal(DiagnosticCatalog.Find(id).DefaultSeverity, diagnostic.Severity);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
        Assert.Equal(DiagnosticDescriptors.HelpBaseUri + "#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");

        // Errors fail the build, but what is generated still compiles: the build shows the spec's mistakes, not follow-up errors.
        if (id != "XERR102")
        {
            Assert.Contains(run.Sources, s => s.HintName.EndsWith("ResponseClassifier.g.cs", StringComparison.Ordinal));
            Assert.Empty(run.CompilationProblems());
        }
    }

    [Fact]
    public void EveryIdInTheCatalogueIsTestedAndDocumented()
    {
        var tested = DiagnosticCases.All.Select(c => c.Id).Concat(TestedElsewhere).ToHashSet();
        var docs = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ShippedSpec.Path)!, "..", "docs", "diagnostics.md"));

        Assert.All(DiagnosticCatalog.All, descriptor =>
        {
            Assert.Contains(descriptor.Id, tested);
            Assert.Contains($"<a id=\"{descriptor.Id.ToLowerInvariant()}\"></a>", docs, StringComparison.Ordinal);
            Assert.StartsWith("XERR", descriptor.Id, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheIdsTheBuildTargetsReportAreDocumentedAndNoDescriptorTakesThem()
    {
        var repo = Path.Combine(Path.GetDirectoryName(ShippedSpec.Path)!, "..");
        var docs = File.ReadAllText(Path.Combine(repo, "docs", "diagnostics.md"));
        var props = File.ReadAllText(Path.Combine(repo, "src", "XeroErrors.Generators", "build", "XeroErrors.Generators.props"));

        Assert.All(DiagnosticCatalog.BuildTargetIds, id =>
        {
            Assert.DoesNotContain(DiagnosticCatalog.All, d => d.Id == id);
            Assert.Contains($"Code=\"{id}\"", props, StringComparison.Ordinal);
            Assert.Contains($"<a id=\"{id.ToLowerInvariant()}\"></a>", docs, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AProjectWithoutASpecGetsOneWarningWithoutAFilePosition()
    {
        var none = GeneratorHarness.Run(Array.Empty<AdditionalText>());
        var notSpecs = GeneratorHarness.Run([new InMemoryAdditionalText("/project/spec/errors.yml", ShippedSpec.Text), new InMemoryAdditionalText("/project/notes.yaml", "a: 1")]);
        var one = GeneratorHarness.Run(ShippedSpec.Text);

        foreach (var run in new[] { none, notSpecs })
        {
            var warning = Assert.Single(run.Diagnostics);
            Assert.Equal("XERR107", warning.Id);
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Equal(Location.None, warning.Location);
            Assert.Contains("spec/errors.yaml", warning.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(".errors.yaml", warning.GetMessage(), StringComparison.Ordinal);
            Assert.Empty(run.Sources);
        }

        Assert.DoesNotContain(one.Diagnostics, d => d.Id == "XERR107");
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(404, "Not Found")]
    [InlineData(499, "<a short title>")]
    public void AMissingSummarySuggestsTheStatusesOwnPhrase(int status, string phrase)
    {
        var run = GeneratorHarness.Run($"responses:\n  - name: A\n    status: {status}\n");

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "XERR005");
        Assert.Contains($"Add 'summary: {phrase}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    status: \"404\"\n    summary: S\n", "XERR010", "write 404 without quotes")]
    [InlineData("    status: 503\n    summary: S\n    retry: { after: '300' }\n", "XERR015", "write 300 without quotes")]
    public void AQuotedNumberSaysToRemoveTheQuotes(string entry, string id, string hint)
    {
        var run = GeneratorHarness.Run("responses:\n  - name: A\n" + entry);

        Assert.Contains(hint, Assert.Single(run.Diagnostics, d => d.Id == id).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("responses:\n  - name: A\n    status: 503\n    summary: S\n    retries: { after: 5 }\n", "retries", "retry")]
    [InlineData("bodys: []\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", "bodys", "bodies")]
    [InlineData("responses:\n  - name: A\n    status: 503\n    summary: S\n    retry: { trasnient: true }\n", "trasnient", "transient")]
    [InlineData("responses:\n  - name: A\n    status: 503\n    summary: S\n    Default: true\n", "Default", "default")]
    [InlineData("responses:\n  - name: A\n    status: 503\n    summary: S\n    match: { header_values: [] }\n", "header_values", "header-values")]
    public void AnUnknownKeySuggestsTheKnownKeyItIsNear(string spec, string key, string meant)
    {
        var warning = Assert.Single(GeneratorHarness.Run(spec).Diagnostics, d => d.Id == "XERR100");

        Assert.Contains($"The key '{key}' is not known in ", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains($"and is ignored. Did you mean '{meant}'? Allowed keys: ", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltEntryKeyGetsTheWholeMessageTheDocsShow()
    {
        const string spec = "responses:\n  - name: OrganisationOffline\n    status: 503\n    summary: Organisation Offline\n    retries:\n      transient: true\n      after: 300\n";

        var warning = Assert.Single(GeneratorHarness.Run(spec).Diagnostics);

        Assert.Equal((5, 5), (warning.Location.GetLineSpan().StartLinePosition.Line + 1, warning.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Equal(
            "The key 'retries' is not known in entry 'OrganisationOffline' and is ignored. Did you mean 'retry'? Allowed keys: name, status, summary, description, notes, example, source, match, default, body, retry.",
            warning.GetMessage());
    }

    [Theory]
    [InlineData("responses:\n  - name: A\n    status: 503\n    summary: S\n    retry: { delay: 300 }\n")] // a synonym, not a typo: 'after'
    [InlineData("colour: blue\nresponses:\n  - name: A\n    status: 404\n    summary: S\n")]
    [InlineData("responses:\n  - name: A\n    status: 404\n    summary: S\n    namespace: X\n")] // starts like 'name', but is another word
    [InlineData("responses:\n  - name: A\n    status: 404\n    summary: S\n    on: entry\n")] // a key of body fields, and no misspelling of an entry's key
    public void AnUnknownKeyFarFromEveryKnownKeySuggestsNothing(string spec)
    {
        var warning = Assert.Single(GeneratorHarness.Run(spec).Diagnostics, d => d.Id == "XERR100");

        Assert.DoesNotContain("Did you mean", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("and is ignored. Allowed keys: ", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondEntryOfAStatusNamesTheEntryToMarkAsTheDefault()
    {
        // A 409 entry told apart by its body, added after the existing Conflict: Conflict is the one to make the default.
        const string spec = "responses:\n  - name: Conflict\n    status: 409\n    summary: Conflict\n  - name: DuplicateStatement\n    status: 409\n    summary: Duplicate Statement\n    match:\n      body: [\"duplicate-statement\"]\n";

        var run = GeneratorHarness.Run(spec);

        Assert.Equal(["XERR011", "XERR013"], run.Diagnostics.Select(d => d.Id).Order());
        var noMatch = Assert.Single(run.Diagnostics, d => d.Id == "XERR013");
        Assert.Equal(2, noMatch.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(
            "'Conflict' shares status 409 with other entries but has no 'match' and is not the default, so it can never be chosen. It is the only entry of status 409 without a 'match': mark it 'default: true', to choose it when no 'match' hits.",
            noMatch.GetMessage());
        Assert.Equal(
            "Status 409 is shared by Conflict, DuplicateStatement but none is marked 'default: true'. 'Conflict' is the only one without a 'match': mark it 'default: true', to choose it when no 'match' hits.",
            Assert.Single(run.Diagnostics, d => d.Id == "XERR011").GetMessage());
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void TwoEntriesOfAStatusWithoutMatchesMakeTheFirstTheDefaultAndTheOtherNeedAMatch()
    {
        const string spec = "responses:\n  - name: Conflict\n    status: 409\n    summary: Conflict\n  - name: DuplicateStatement\n    status: 409\n    summary: Duplicate Statement\n";

        var run = GeneratorHarness.Run(spec);

        Assert.Equal(
            "Status 409 is shared by Conflict, DuplicateStatement but none is marked 'default: true'. Mark 'Conflict' 'default: true', to choose it when no 'match' hits, and give 'DuplicateStatement' a 'match'.",
            Assert.Single(run.Diagnostics, d => d.Id == "XERR011").GetMessage());
        var messages = run.Diagnostics.Where(d => d.Id == "XERR013").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.EndsWith("can never be chosen. Mark it 'default: true', to choose it when no 'match' hits, and give 'DuplicateStatement' a 'match'.", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("'DuplicateStatement' shares status 409", messages[1], StringComparison.Ordinal);
        Assert.EndsWith("can never be chosen. Add 'match: { body: [...] }' or 'match: { headers: [...] }', and mark 'Conflict' 'default: true'.", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryWithoutAMatchBesideADefaultIsToldToAddAMatch()
    {
        const string spec = "responses:\n  - name: Conflict\n    status: 409\n    summary: Conflict\n    default: true\n  - name: DuplicateStatement\n    status: 409\n    summary: Duplicate Statement\n";

        var run = GeneratorHarness.Run(spec);

        var noMatch = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR013", noMatch.Id);
        Assert.EndsWith("can never be chosen. Add 'match: { body: [...] }' or 'match: { headers: [...] }'.", noMatch.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")] // the line removed: the entries fall under the key before them
    [InlineData("\nerrors:\n")] // the key misspelt: an unknown key, but it is the missing one
    public void ResponsesWithoutTheirKeyGiveOneXerr003AndNothingElse(string replacement)
    {
        var broken = ShippedSpec.Text.Replace("\nresponses:\n", replacement, StringComparison.Ordinal);
        Assert.NotEqual(ShippedSpec.Text, broken);

        var run = GeneratorHarness.Run(broken);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR003", diagnostic.Id);
        Assert.Contains("Put them under 'responses:'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("    summary: Organisation Offline")]
    [InlineData("  - name: OrganisationOffline")]
    [InlineData("    retry:")]
    [InlineData("      after: 300")]
    public void ATabInOneEntryIsReportedOnceAtTheTabAndCostsOnlyThatEntry(string line)
    {
        // Tabs where YamlDotNet gives up a line or two early, or at the start of the file (before '- name:').
        var lines = ShippedSpec.Text.Split('\n');
        var entry = Array.IndexOf(lines, "  - name: OrganisationOffline");
        var at = Array.IndexOf(lines, line, entry);
        Assert.True(entry > 0 && at >= entry, $"The shipped spec's OrganisationOffline entry has no line `{line}`.");
        lines[at] = "\t" + line.TrimStart();

        var run = GeneratorHarness.Run(string.Join('\n', lines));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR001", diagnostic.Id);
        Assert.Equal((at, 0), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("Indent with spaces, not tabs", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
        var kinds = run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind")!.MemberNames.ToList();
        Assert.Contains("BadRequest", kinds);
        Assert.Contains("NotAvailable", kinds);
        Assert.Contains("Forbidden", kinds);
        Assert.DoesNotContain("OrganisationOffline", kinds);
        Assert.NotNull(run.Output.GetTypeByMetadataName("XeroErrors.XeroBadRequestException"));
    }

    [Fact]
    public void OneBuildShowsEveryMistakeInTheFile()
    {
        const string spec = "responses:\n  - name: class\n    status: 42\n    summary: S\n  - name: B\n    status: 404\n    retry: { after: x }\n";

        var ids = GeneratorHarness.Run(spec).Diagnostics.Select(d => d.Id).Order().ToList();

        Assert.Equal(["XERR005", "XERR007", "XERR010", "XERR015"], ids);
    }

    [Theory]
    [InlineData("XeroErrorsAccessibility", "protected", "XERR020")]
    [InlineData("XeroErrorsNamespace", "Bad Namespace", "XERR016")]
    [InlineData("XeroErrorsNamespace", "class.Errors", "XERR016")]
    public void ABadMsBuildOptionNamesTheProperty(string property, string value, string id)
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, new Dictionary<string, string> { [property] = value });

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        // About the project file, not the spec: no position in errors.yaml, and said once however many specs there are.
        Assert.Equal(Location.None, diagnostic.Location);
        var twoSpecs = GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text), new InMemoryAdditionalText("/project/other.errors.yaml", "namespace: Other\nprefix: Other\nresponses:\n  - { name: Gone, status: 410, summary: Gone }\n")], new Dictionary<string, string> { [property] = value });
        Assert.Single(twoSpecs.Diagnostics, d => d.Id == id);
        Assert.Contains(property, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(value, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.NotNull(run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind"));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void TwoSpecsThatWouldGenerateTheSameTypesAreAnError()
    {
        var run = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/project/spec/errors.yaml", ShippedSpec.Text),
            new InMemoryAdditionalText("/project/spec/accounting.errors.yaml", ShippedSpec.Text),
        ]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR021", diagnostic.Id);
        Assert.Equal("/project/spec/accounting.errors.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("prefix: XERO\n", "XeroErrors.XEROResponseKind")]
    [InlineData("prefix: XeroRate\nheaders: []\n", "XeroErrors.XeroRateLimitExceededException")]
    public void SpecsWhoseTypesDifferOnlyInCaseOrOverlapCollideToo(string second, string type)
    {
        var run = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/project/spec/errors.yaml", ShippedSpec.Text),
            new InMemoryAdditionalText("/project/spec/b.errors.yaml", second + "responses:\n  - name: LimitExceeded\n    status: 429\n    summary: S\n"),
        ]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("XERR021", diagnostic.Id);
        Assert.Contains(type.Substring(type.LastIndexOf('.') + 1), diagnostic.GetMessage(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("headers: []\n")]
    [InlineData("headers:\n")]
    public void ASpecWithNoHeadersCompiles(string headers)
    {
        var run = GeneratorHarness.Run(headers + "responses:\n  - name: NotFound\n    status: 404\n    summary: Not Found\n", compilation: GeneratorHarness.CreateCompilation(warningsAsErrors: true));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("headers:\n  - { name: Xero-Correlation-Id, property: correlationId, type: string }\n")]
    [InlineData("headers:\n  - { name: Retry-After, property: RetryAfter, type: delay }\n  - { name: X-Foo, property: retryAfter, type: string }\n")]
    [InlineData("headers:\n  - { name: A2, property: P1, type: string }\n  - { name: A, property: P2, type: string }\n  - { name: A-, property: P3, type: string }\n")]
    [InlineData("prefix: \"\"\nheaders:\n  - { name: X-Problem, property: Problem, type: enum, values: [{ value: day, member: Day }] }\n")]
    public void HeaderNamesThatOnlyLookAlikeStillCompile(string headers)
    {
        var run = GeneratorHarness.Run(headers + "responses:\n  - name: NotFound\n    status: 404\n    summary: Not Found\n", compilation: GeneratorHarness.CreateCompilation(version: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, warningsAsErrors: true));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("XeroResponseClassifier")]
    [InlineData("XeroResponseBodies")]
    [InlineData("XeroOther")]
    public void AHeaderPropertyNamedLikeAGeneratedTypeIsAnError(string property)
    {
        var spec = "headers:\n  - { name: X-Other, property: Other, type: enum, values: [{ value: a, member: A }] }\n"
            + $"  - {{ name: X-Foo, property: {property}, type: string }}\n"
            + "responses:\n  - name: BadRequest\n    status: 400\n    summary: Bad Request\n    body: validation\n";

        var run = GeneratorHarness.Run(spec);

        // XERR108: the spec leans on the built-in 'validation' to make the bodies file appear.
        Assert.Equal(["XERR019", "XERR108"], run.Diagnostics.Select(d => d.Id).Order());
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void ABuiltInShapeIsReportedOnceAndDeclaringItInTheSpecSilencesTheWarning()
    {
        const string entries = """
            responses:
              - name: BadRequest
                status: 400
                summary: Bad Request
                body: validation
              - name: Conflict
                status: 409
                summary: Conflict
                body: validation
            """;
        const string declared = """
            records:
              - name: ValidationError
                members:
                  - name: Message
                    required: true
                  - name: Field
            bodies:
              - name: validation
                format: json
                fields:
                  - property: ValidationErrors
                    type: records
                    record: ValidationError
                    scope: base
                    from:
                      - path: "modelState{}[]"
                        members: { Field: $key, Message: . }
                  - property: ValidationMessage
                    path: message

            """;

        var relying = GeneratorHarness.Run(entries);
        var declaring = GeneratorHarness.Run(declared + entries);

        var warning = Assert.Single(relying.Diagnostics);
        Assert.Equal("XERR108", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'BadRequest' lists the body shape 'validation'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(declaring.Diagnostics);
        foreach (var run in new[] { relying, declaring })
        {
            Assert.Empty(run.CompilationProblems());
            Assert.NotEmpty(run.Output.GetTypeByMetadataName("XeroErrors.XeroApiException")!.GetMembers("ValidationErrors"));
        }
    }

    [Fact]
    public void TheOldScopeKeyOnStillBuildsTheSameCodeWithAWarningThatSaysWhatToWrite()
    {
        const string spec = """
            bodies:
              - name: accounting
                format: json
                fields:
                  - { property: ErrorNumber, type: int, path: ErrorNumber, SCOPE_KEY: base }
                  - { property: Detail, path: Message }
            responses:
              - name: BadRequest
                status: 400
                summary: Bad Request
                body: accounting
            """;

        var renamed = GeneratorHarness.Run(spec.Replace("SCOPE_KEY", "scope", StringComparison.Ordinal));
        var old = GeneratorHarness.Run(spec.Replace("SCOPE_KEY", "on", StringComparison.Ordinal));

        Assert.Empty(renamed.Diagnostics);
        var warning = Assert.Single(old.Diagnostics);
        Assert.Equal(("XERR111", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(5, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("Write 'scope: base' instead", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(old.CompilationProblems());
        Assert.Equal(
            renamed.Sources.Select(s => (s.HintName, s.SourceText.ToString())),
            old.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.NotEmpty(old.Output.GetTypeByMetadataName("XeroErrors.XeroApiException")!.GetMembers("ErrorNumber"));
    }

    [Fact]
    public void AnExceptionInsideTheGeneratorBecomesOneInternalError()
    {
        var result = InternalError.Guard("/project/spec/errors.yaml", () => throw new InvalidOperationException("something broke"));

        var info = Assert.Single(result.Diagnostics);
        var diagnostic = info.ToDiagnostic();
        Assert.Equal("XERR999", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("System.InvalidOperationException", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("something broke", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.NotNull(result.Model);
        Assert.Empty(result.Model.Responses);
    }

    [Fact]
    public void AnEntryWithAnErrorIsLeftOutAndTheRestStillGenerates()
    {
        var spec = ShippedSpec.Text.Replace("  - name: NotFound\n    status: 404\n", "  - name: NotFound\n    status: 4040\n", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(spec);

        Assert.Equal("XERR010", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompilationProblems());
        var kind = run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind")!;
        Assert.Contains(kind.GetMembers(), m => m.Name == "OrganisationOffline");
        Assert.DoesNotContain(kind.GetMembers(), m => m.Name == "NotFound");
        Assert.Null(run.Output.GetTypeByMetadataName("XeroErrors.XeroNotFoundException"));
    }

    [Fact]
    public void FilesWithOtherNamesAreNotSpecs()
    {
        var run = GeneratorHarness.Run("not: [valid", path: "/project/config.yaml");

        // Not read, so its broken YAML is no error; the project then has no spec, which is said once.
        Assert.Equal(["XERR107"], run.Diagnostics.Select(d => d.Id));
        Assert.Empty(run.Sources);
    }
}
