using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The spec's <c>rate_limits:</c> is read into <see cref="SpecModel.RateLimits"/>: a limit with an error is left out
/// (XERR027) and the others kept; a section that cannot be kept as a whole (XERR026), or has no valid limit, is none.
/// </summary>
public sealed class RateLimitSpecTests
{
    private const string Headers = """
        headers:
          - name: X-Rate-Limit-Problem
            property: RateLimitProblem
            type: enum
            values:
              - { value: minute, member: Minute }
              - { value: Day, member: Day }
          - name: X-MinLimit-Remaining
            property: MinLimitRemaining
            type: int
        request_headers:
          - name: Xero-Tenant-Id
            property: TenantId

        """;

    private const string Responses = """
        responses:
          - name: A
            status: 429
            summary: S

        """;

    [Fact]
    public void TheShippedSpecReadsIntoItsFourLimits()
    {
        var (model, diagnostics) = Read(ShippedSpec.Text);

        Assert.Empty(diagnostics);
        var limits = model.RateLimits!;
        Assert.Equal(429, limits.RefusedStatus);
        Assert.Equal(model.Headers.Single(h => h.Name == "X-Rate-Limit-Problem"), limits.ProblemHeader);
        Assert.Equal(model.RequestHeaders.Single(h => h.Name == "xero-tenant-id"), limits.ScopeHeader);
        Assert.Equal(
            new[]
            {
                new RateLimitModel("TenantCallsInProgress", true, RateLimitKind.InProgress, 5, 0, null, null, false, "Calls to one organisation that may be in progress at once."),
                new RateLimitModel("TenantCallsPerMinute", true, RateLimitKind.Window, 60, 60, Header("X-MinLimit-Remaining"), "minute", false, "Calls to one organisation in any minute."),
                new RateLimitModel("TenantCallsPerDay", true, RateLimitKind.Window, 5000, 86400, Header("X-DayLimit-Remaining"), "day", true, "Calls to one organisation in a day. Reached, it lasts for hours, so calls fail at once instead of waiting."),
                new RateLimitModel("AppCallsPerMinute", false, RateLimitKind.Window, 10000, 60, Header("X-AppMinLimit-Remaining"), "appminute", false, "Calls of the whole application, across all organisations, in any minute."),
            },
            limits.Limits);

        HeaderModel Header(string name) => model.Headers.Single(h => h.Name == name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rate_limits:\n")]
    [InlineData("rate_limits: ~\n")]
    public void ASpecWithoutRateLimitsHasNone(string section)
    {
        var (model, diagnostics) = Read(Headers + section + Responses);

        Assert.Empty(diagnostics);
        Assert.Null(model.RateLimits);
    }

    [Fact]
    public void NamesOfHeadersAndProblemValuesMatchCaseInsensitivelyAndTheModelKeepsTheSpellingOfTheirDeclarations()
    {
        const string section = """
            rate_limits:
              status: 429
              problem_header: x-rate-limit-problem
              limits:
                - { name: PerMinute, scope: xero-tenant-id, calls: 60, window: 60, remaining_header: x-minlimit-remaining, problem: MINUTE }
                - { name: PerDay, scope: XERO-TENANT-ID, calls: 5000, window: 86400, problem: day, when_reached: refuse }

            """;

        var (model, diagnostics) = Read(Headers + section + Responses);

        Assert.Empty(diagnostics);
        var limits = model.RateLimits!;
        Assert.Equal("X-Rate-Limit-Problem", limits.ProblemHeader.Name);
        Assert.Equal("Xero-Tenant-Id", limits.ScopeHeader!.Name);
        Assert.Equal(new[] { "minute", "Day" }, limits.Limits.Select(l => l.Problem));
        Assert.Equal("X-MinLimit-Remaining", limits.Limits[0].RemainingHeader!.Name);
        Assert.Equal(new[] { false, true }, limits.Limits.Select(l => l.Refuses));
        Assert.All(limits.Limits, l => Assert.True(l.PerScope));
    }

    [Fact]
    public void LimitsOfTheWholeApplicationAloneHaveNoScopeHeader()
    {
        const string section = "rate_limits:\n  status: 503\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: Concurrent, scope: app, in_progress: 2 }\n    - { name: PerMinute, scope: app, calls: 100, window: 60, when_reached: wait }\n";

        var (model, diagnostics) = Read(Headers + section + Responses);

        Assert.Empty(diagnostics);
        Assert.Equal(503, model.RateLimits!.RefusedStatus);
        Assert.Null(model.RateLimits.ScopeHeader);
        Assert.Equal(
            new[]
            {
                new RateLimitModel("Concurrent", false, RateLimitKind.InProgress, 2, 0, null, null, false, null),
                new RateLimitModel("PerMinute", false, RateLimitKind.Window, 100, 60, null, null, false, null),
            },
            model.RateLimits.Limits);
    }

    [Fact]
    public void ALimitWithAnErrorIsLeftOutAndTheOthersStay()
    {
        const string section = """
            rate_limits:
              status: 429
              problem_header: X-Rate-Limit-Problem
              limits:
                - name: First
                  scope: app
                  in_progress: 5
                - name: Broken
                  scope: app
                  calls: 60
                - name: Last
                  scope: xero-tenant-id
                  calls: 60
                  window: 60
                  problem: minute

            """;

        var (model, diagnostics) = Read(Headers + section + Responses);

        var error = Assert.Single(diagnostics);
        Assert.Equal("XERR027", error.Id);
        Assert.Equal((23, 14), Position(error));
        Assert.Equal(
            "The rate limit 'Broken' is not valid: 'calls' needs 'window:', the window in seconds that the calls are counted in, for example 'window: 60'.",
            error.ToDiagnostic().GetMessage());
        Assert.Equal(new[] { "First", "Last" }, model.RateLimits!.Limits.Select(l => l.Name));
        Assert.Equal("Xero-Tenant-Id", model.RateLimits.ScopeHeader!.Name);
    }

    [Fact]
    public void ALimitLeftOutTakesNoNameNorProblemFromTheLimitsAfterIt()
    {
        const string section = "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: nowhere, calls: 1, window: 1, problem: minute }\n    - { name: A, scope: app, calls: 60, window: 60, problem: minute }\n";

        var (model, diagnostics) = Read(Headers + section + Responses);

        Assert.Equal(new[] { "XERR027" }, diagnostics.Select(d => d.Id));
        Assert.Equal("A", Assert.Single(model.RateLimits!.Limits).Name);
    }

    [Theory]
    [InlineData("rate_limits:\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n", "'status' is missing; add the status of a refusal, for example 'status: 429'")]
    [InlineData("rate_limits:\n  status: 429\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n", "'problem_header' is missing; add the name of the 'type: enum' header of 'headers:' whose values name the limit a refusal hit, for example 'problem_header: X-Rate-Limit-Problem'")]
    [InlineData("rate_limits:\n  status: 429\n  problem_header: X-MinLimit-Remaining\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n", "'problem_header: X-MinLimit-Remaining' is a 'type: int' header; name a 'type: enum' header of 'headers:', whose values name the limit a refusal hit, or write one of: X-Rate-Limit-Problem")]
    [InlineData("rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n", "'limits' is missing; add 'limits:', a sequence of '- name: ...' with 'scope:', and 'in_progress:' or 'calls:' with 'window:'")]
    [InlineData("rate_limits: [429]\n", "it is a sequence; write a mapping with 'status: 429', 'problem_header:' and 'limits:' below 'rate_limits:'")]
    public void ABrokenSectionIsOneErrorAndNoRateLimits(string section, string problem)
    {
        var (model, diagnostics) = Read(Headers + section + Responses);

        var error = Assert.Single(diagnostics);
        Assert.Equal("XERR026", error.Id);
        Assert.Equal($"The 'rate_limits' section is not valid: {problem}.", error.ToDiagnostic().GetMessage());
        Assert.Null(model.RateLimits);
    }

    [Fact]
    public void ABrokenSectionStillReportsTheErrorsOfItsLimits()
    {
        const string section = "rate_limits:\n  status: 4290\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: app, in_progress: 5, calls: 5 }\n";

        var (model, diagnostics) = Read(Headers + section + Responses);

        Assert.Equal(new[] { "XERR026", "XERR027" }, diagnostics.Select(d => d.Id));
        Assert.Contains("'status: 4290' is not an HTTP status from 100 to 599; write for example 'status: 429'", diagnostics[0].ToDiagnostic().GetMessage(), StringComparison.Ordinal);
        Assert.Null(model.RateLimits);
    }

    [Fact]
    public void NoValidLimitIsNoRateLimits()
    {
        const string section = "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: int, scope: app, in_progress: 5 }\n";

        var (model, diagnostics) = Read(Headers + section + Responses);

        var error = Assert.Single(diagnostics);
        Assert.Equal(
            "The rate limit 'int' is not valid: 'name: int' is a C# keyword; choose another name, for example 'name: IntLimit'.",
            error.ToDiagnostic().GetMessage());
        Assert.Null(model.RateLimits);
    }

    [Theory]
    [InlineData("{ name: A, scope: app, in_progress: \"5\" }", "'in_progress' is in quotes, so YAML reads it as text; write 'in_progress: 5' without quotes")]
    [InlineData("{ name: A, scope: app, calls: 60, window: 2592001 }", "'window: 2592001' is not a number of seconds from 1 to 2592000 (30 days); write for example 'window: 60'")]
    [InlineData("{ name: A, scope: app, calls: many, window: 60 }", "'calls: many' is not a whole number of at least 1; write for example 'calls: 60'")]
    [InlineData("{ name: A, scope: app }", "it has neither 'in_progress:' nor 'calls:'; write 'in_progress: 5' for the calls that may be in progress at once, or 'calls: 60' with 'window: 60' for the calls allowed in a window of seconds")]
    [InlineData("{ name: A, scope: tenant, in_progress: 5 }", "'scope: tenant' is neither 'app' nor a header of 'request_headers:'; write 'scope: app' for a limit of the whole application, or the request header it is kept per: Xero-Tenant-Id")]
    [InlineData("{ name: A, scope: app, calls: 60, window: 60, remaining_header: X-Rate-Limit-Problem }", "'remaining_header: X-Rate-Limit-Problem' is a 'type: enum' header; name a 'type: int' header of 'headers:', which says how many calls the window has left, or write one of: X-MinLimit-Remaining")]
    [InlineData("{ name: A, scope: app, calls: 60, window: 60, problem: hour }", "'problem: hour' is not a value of the 'X-Rate-Limit-Problem' header; write one of: minute, Day, or add it to the header's 'values:'")]
    [InlineData("{ name: ToString, scope: app, in_progress: 5 }", "'name: ToString' is a member the generated options have already (TimeProvider, MaxWait, QueueLimit, WindowMargin, ProbeInterval, Equals, GetHashCode, ToString, GetType, MemberwiseClone); choose another name, for example 'name: ToStringLimit'")]
    public void ABadLimitSaysWhatToWrite(string limit, string problem)
    {
        var section = "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - " + limit + "\n    - { name: Kept, scope: app, in_progress: 1 }\n";

        var (model, diagnostics) = Read(Headers + section + Responses);

        var error = Assert.Single(diagnostics);
        Assert.Equal("XERR027", error.Id);
        Assert.EndsWith($": {problem}.", error.ToDiagnostic().GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Kept", Assert.Single(model.RateLimits!.Limits).Name);
    }

    [Fact]
    public void AHeaderWithAnErrorOfItsOwnIsNotCalledUndeclared()
    {
        const string spec = "headers:\n  - { name: X-Rate-Limit-Problem, property: Message, type: enum, values: [{ value: minute, member: Minute }] }\n"
            + "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n" + Responses;

        var (_, diagnostics) = Read(spec);

        Assert.Contains(diagnostics, d => d.Id == "XERR019");
        Assert.Contains("names a header of 'headers:' that has an error of its own and is left out; fix that header", Assert.Single(diagnostics, d => d.Id == "XERR026").ToDiagnostic().GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKeyOfALimitIsAWarningAndTheLimitIsKept()
    {
        const string section = "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: app, calls: 60, window: 60, when_reachd: refuse }\n";

        var (model, diagnostics) = Read(Headers + section + Responses);

        var warning = Assert.Single(diagnostics);
        Assert.Equal("XERR100", warning.Id);
        Assert.Contains("Did you mean 'when_reached'?", warning.ToDiagnostic().GetMessage(), StringComparison.Ordinal);
        Assert.Equal("A", Assert.Single(model.RateLimits!.Limits).Name);
    }

    [Fact]
    public void ASpecWithRateLimitsStillGeneratesCodeThatCompiles()
    {
        var run = GeneratorHarness.Run(Headers + "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: bogus, in_progress: 5 }\n" + Responses);

        Assert.Equal(new[] { "XERR027" }, run.Diagnostics.Select(d => d.Id));
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("XERR026")]
    [InlineData("XERR027")]
    public void TheBrokenExampleOfTheDocsGivesTheMessageTheyShowAndTheFixedOneNone(string id)
    {
        var docs = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ShippedSpec.Path)!, "..", "docs", "diagnostics.md"));
        var section = docs.Split($"<a id=\"{id.ToLowerInvariant()}\"></a>")[1].Split("<a id=")[0];
        var blocks = Regex.Matches(section, "```(?:yaml|text)\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

        var error = Assert.Single(GeneratorHarness.Run(blocks[0]).Diagnostics);
        var at = error.Location.GetLineSpan().StartLinePosition;
        Assert.Equal(blocks[2].Trim(), $"errors.yaml({at.Line + 1},{at.Character + 1}): error {error.Id}: {error.GetMessage()}");
        Assert.Empty(GeneratorHarness.Run(blocks[1]).Diagnostics);
    }

    private static (SpecModel Model, IReadOnlyList<DiagnosticInfo> Diagnostics) Read(string spec)
    {
        var result = SpecParser.Parse(GeneratorHarness.SpecPath, SourceText.From(spec), default);
        return (result.Model!, result.Diagnostics.ToList());
    }

    private static (int Line, int Column) Position(DiagnosticInfo diagnostic)
    {
        var start = diagnostic.ToDiagnostic().Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }
}
