using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>The XML docs of the generated API read as a user sees them in the IDE, which joins the lines of a paragraph.</summary>
public class GeneratedDocsTests
{
    private static readonly Lazy<(IReadOnlyList<(string Member, XElement Doc)> Docs, IReadOnlySet<string> TypeNames)> Generated = new(() =>
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text);
        var generated = run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToHashSet();
        var symbols = new List<ISymbol>();
        void Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member.DeclaredAccessibility != Accessibility.Public || !member.Locations.Any(l => l.SourceTree is not null && generated.Contains(l.SourceTree)) || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                symbols.Add(member);
                if (member is INamespaceOrTypeSymbol inner)
                {
                    Walk(inner);
                }
            }
        }

        Walk(run.Output.GlobalNamespace);
        IReadOnlyList<(string, XElement)> docs = symbols
            .Select(s => (s.ToDisplayString(), s.GetDocumentationCommentXml()))
            .Where(d => !string.IsNullOrEmpty(d.Item2))
            .Select(d => (d.Item1, XElement.Parse(d.Item2!)))
            .ToList();
        IReadOnlySet<string> types = symbols.OfType<INamedTypeSymbol>().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return (docs, types);
    });

    private static readonly Lazy<IReadOnlyList<(string Member, XElement Summary)>> Summaries = new(() =>
        Generated.Value.Docs
            .Select(d => (d.Member, d.Doc.Element("summary")))
            .Where(d => d.Item2 is not null)
            .Select(d => (d.Member, d.Item2!))
            .ToList());

    /// <summary>What the IDE shows of a member's summary: its text with every run of white space one space, links as their target's name.</summary>
    private static string Shown(XElement summary) =>
        Regex.Replace(string.Concat(summary.DescendantNodes().Select(n => n switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.')[^1] ?? string.Empty,
            _ => string.Empty,
        })), @"\s+", " ").Trim();

    private static string KindDocs(string member) => Shown(Summaries.Value.Single(s => s.Member == member).Summary);

    [Fact]
    public void EveryKindAndExceptionSaysWhetherItIsTransient()
    {
        var kinds = Summaries.Value.Where(s => s.Member.StartsWith("XeroErrors.XeroResponseKind.", StringComparison.Ordinal)).ToList();
        var exceptions = Summaries.Value.Where(s => Regex.IsMatch(s.Member, @"^XeroErrors\.Xero\w+Exception$") && s.Member != "XeroErrors.XeroApiException").ToList();

        Assert.Equal(18, kinds.Count); // Unknown and the shipped spec's 17 entries
        Assert.Equal(14, exceptions.Count); // the entries that are not 2xx
        Assert.All(kinds.Concat(exceptions), s =>
        {
            // The summary's last paragraph (Unknown's summary has one sentence for it): the IDE starts a line there.
            var last = s.Summary.Elements("para").LastOrDefault() ?? s.Summary;
            Assert.Matches(@"^(A status the spec does not list\. )?(Transient|Not transient)\b", Shown(last));
        });
    }

    [Theory]
    [InlineData("XeroErrors.XeroResponseKind.OrganisationOffline", "Transient: worth retrying; wait 5 minutes unless Retry-After says otherwise.")]
    [InlineData("XeroErrors.XeroOrganisationOfflineException", "Transient: worth retrying; wait 5 minutes unless Retry-After says otherwise.")]
    [InlineData("XeroErrors.XeroResponseKind.BadRequest", "Not transient: retrying the same request will not help.")]
    [InlineData("XeroErrors.XeroBadRequestException", "Not transient: retrying the same request will not help.")]
    [InlineData("XeroErrors.XeroResponseKind.NotImplemented", "Not transient: retrying the same request will not help.")] // a 5xx the spec says is not
    [InlineData("XeroErrors.XeroResponseKind.Ok", "Not transient: a success is never retried.")]
    [InlineData("XeroErrors.XeroResponseKind.NotAvailable", "Transient: worth retrying; wait what Retry-After says, when the response has it.")]
    [InlineData("XeroErrors.XeroResponseKind.RateLimitExceeded", "Transient: worth retrying; wait what Retry-After says, when the response has it. Not transient when X-Rate-Limit-Problem is \"day\".")]
    [InlineData("XeroErrors.XeroResponseKind.Unknown", "Transient for 408, 429 and 5xx; not transient for other statuses.")]
    public void AKindsDocsSayWhetherToRetryAndHowLongToWait(string member, string advice) =>
        Assert.EndsWith(advice, KindDocs(member), StringComparison.Ordinal);

    [Fact]
    public void WherePollyIsReferencedTheDocsLinkTheRetryStrategy()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: ConfigurationSnapshotTests.WithClients));
        var kind = run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind")!.GetMembers("OrganisationOffline").Single();
        var exception = run.Output.GetTypeByMetadataName("XeroErrors.XeroOrganisationOfflineException")!;

        Assert.DoesNotContain(run.CompilationProblems(), d => d.Id is not ("CS1701" or "CS1702"));
        foreach (var symbol in new ISymbol[] { kind, exception })
        {
            var summary = XElement.Parse(symbol.GetDocumentationCommentXml()!).Element("summary")!;
            Assert.EndsWith("Transient: retried by XeroRetryStrategy; wait 5 minutes unless Retry-After says otherwise.", Shown(summary), StringComparison.Ordinal);
            Assert.Contains(summary.Descendants("see"), see => (string?)see.Attribute("cref") == "T:XeroErrors.XeroRetryStrategy");
        }
    }

    [Fact]
    public void NoGeneratedFileOrSpecTextSpeaksOfASeed()
    {
        var plain = GeneratorHarness.Run(ShippedSpec.Text);
        var withClients = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: ConfigurationSnapshotTests.WithClients));

        // A word of this project's history that a user of the generated API cannot know.
        var files = plain.Sources.Concat(withClients.Sources).ToList();
        Assert.True(files.Count > 20, $"Only {files.Count} generated files.");
        Assert.All(files, file => Assert.DoesNotMatch(@"(?i)\bseed", file.SourceText.ToString()));
        Assert.DoesNotMatch(@"(?i)\bseed", ShippedSpec.Text);
    }

    [Fact]
    public void TheBadRequestDocsShowTheAccountingBodyAndPointAtValidationErrors()
    {
        var doc = Generated.Value.Docs.Single(d => d.Member == "XeroErrors.XeroResponseKind.BadRequest").Doc;
        var remarks = doc.Element("remarks")!.Value;
        var example = doc.Descendants("code").Single().Value;

        Assert.Contains("{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\",\"Elements\":[{\"ValidationErrors\":[{\"Message\":\"Email address must be valid\"}]}]}", example, StringComparison.Ordinal);
        Assert.Contains("\"modelState\"", example, StringComparison.Ordinal);
        Assert.True(example.IndexOf("ErrorNumber", StringComparison.Ordinal) < example.IndexOf("modelState", StringComparison.Ordinal), "The Accounting body comes first.");
        var validationErrors = remarks.IndexOf("ValidationErrors", StringComparison.Ordinal);
        Assert.True(validationErrors >= 0 && validationErrors < remarks.IndexOf("ModelState", StringComparison.Ordinal) && validationErrors < remarks.IndexOf("ValidationMessage", StringComparison.Ordinal), remarks);
    }

    [Fact]
    public void TheGeneratedApiIsDocumented() => Assert.True(Summaries.Value.Count > 100, $"Only {Summaries.Value.Count} documented members.");

    [Fact]
    public void NoSummaryRunsTwoSentencesTogether()
    {
        var problems = new List<string>();
        foreach (var (member, summary) in Summaries.Value)
        {
            // Text directly in the summary or in one paragraph: where the IDE puts a space for a line break.
            foreach (var block in new[] { summary }.Concat(summary.Elements("para")))
            {
                var text = string.Concat(block.Nodes().OfType<XText>().Select(t => t.Value));
                var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                for (var i = 1; i < lines.Count; i++)
                {
                    if (char.IsLetterOrDigit(lines[i - 1][^1]) && char.IsUpper(lines[i][0]))
                    {
                        problems.Add($"{member}: \"…{lines[i - 1][^Math.Min(30, lines[i - 1].Length)..]} {lines[i][..Math.Min(30, lines[i].Length)]}…\"");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ExceptionSummariesLinkTheirKind()
    {
        var exceptions = Summaries.Value.Where(s => Regex.IsMatch(s.Member, @"^XeroErrors\.Xero\w+Exception$") && s.Member != "XeroErrors.XeroApiException").ToList();

        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, e =>
        {
            var cref = e.Summary.Descendants("see").Select(s => (string?)s.Attribute("cref")).FirstOrDefault();
            Assert.StartsWith("F:XeroErrors.XeroResponseKind.", cref);
            Assert.DoesNotContain("classified as XeroResponseKind", e.Summary.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void GeneratedTypeNamesInProseAreCrefs()
    {
        var (docs, types) = Generated.Value;
        var problems = new List<string>();
        foreach (var (member, doc) in docs)
        {
            // Text outside <see>, <c>, <paramref> and <code>: a type named there is plain text in the IDE, not a link.
            var prose = doc.DescendantNodes().OfType<XText>()
                .Where(t => !t.Ancestors().Any(a => a.Name.LocalName is "see" or "seealso" or "c" or "code" or "paramref" or "typeparamref"));
            foreach (var text in prose)
            {
                foreach (Match word in Regex.Matches(text.Value, @"\b[A-Z]\w+\b"))
                {
                    if (types.Contains(word.Value))
                    {
                        problems.Add($"{member}: '{word.Value}' in \"{text.Value.Trim()}\"");
                    }
                }
            }
        }

        Assert.True(types.Count > 20, $"Only {types.Count} generated types.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
