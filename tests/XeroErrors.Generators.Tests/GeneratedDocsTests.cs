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
