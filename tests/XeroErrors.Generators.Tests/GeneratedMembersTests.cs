using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The catalogue the spec checks read (<see cref="GeneratedMembers"/>) names every member the generated types have
/// whatever the spec says, so that no property a spec declares can collide with one unseen.
/// </summary>
public sealed class GeneratedMembersTests
{
    [Theory]
    [InlineData("XeroErrors.XeroApiException")]
    [InlineData("XeroErrors.XeroResponseClassification")]
    [InlineData("XeroErrors.XeroResponseHeaders")]
    public void EveryMemberThatTheSpecDoesNotDecideIsInTheCatalogue(string typeName)
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text);
        var model = SpecParser.Parse(GeneratorHarness.SpecPath, Microsoft.CodeAnalysis.Text.SourceText.From(ShippedSpec.Text), default).Model!;
        var fromSpec = model.Headers.SelectMany(h => new[] { h.Property, h.Property + "Text", "ParseEnum" + h.Property })
            .Concat(model.RequestHeaders.Select(h => h.Property))
            .Concat(model.Shapes.SelectMany(s => s.Fields).Select(f => f.Property))
            .ToHashSet(StringComparer.Ordinal);
        var catalogue = GeneratedMembers.ReservedForHeaders.Concat(GeneratedMembers.ReservedForBodyFields).ToHashSet(StringComparer.Ordinal);

        var type = run.Output.GetTypeByMetadataName(typeName)!;
        var members = type.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: not MethodKind.Ordinary })
            .Select(m => m.Name)
            .Where(name => !fromSpec.Contains(name) && !(name.StartsWith("Has", StringComparison.Ordinal) && name.EndsWith("Header", StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.NotEmpty(members);
        Assert.All(members, name => Assert.Contains(name, catalogue));
    }

    [Theory]
    [InlineData("headers:\n  - { name: X-Find, property: Find, type: string }\nresponses:\n  - { name: A, status: 404, summary: S }\n", "XERR019")]
    [InlineData("request_headers:\n  - { name: x-find, property: WithInnerException }\nresponses:\n  - { name: A, status: 404, summary: S }\n", "XERR025")]
    [InlineData("bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: Describe, path: d }\nresponses:\n  - { name: A, status: 400, summary: S, body: a }\n", "XERR022")]
    [InlineData("bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: Map, type: map, path: m }\nresponses:\n  - { name: A, status: 400, summary: S, body: a }\n", "XERR022")]
    public void APropertyNamedLikeAGeneratedMemberIsRefusedAndTheRestCompiles(string spec, string id)
    {
        var run = GeneratorHarness.Run(spec);

        Assert.Contains(run.Diagnostics, d => d.Id == id);
        Assert.Empty(run.CompilationProblems());
    }
}
