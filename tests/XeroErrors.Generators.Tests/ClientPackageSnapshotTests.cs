using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The shipped spec's output where every client package is referenced (Polly, the standard resilience handler, Refit,
/// Flurl.Http, RestSharp): the files those packages add or change are pinned by snapshot, and the rest must be the
/// same bytes as without them, so a client's glue cannot leak into everybody's code.
/// </summary>
public class ClientPackageSnapshotTests
{
    private static readonly string[] ClientAssemblyPrefixes = ["Polly", "Microsoft.Extensions.", "Refit", "Flurl", "RestSharp"];

    /// <summary>The runtime's assemblies and the client packages' own, as the test host loaded them.</summary>
    private static readonly IReadOnlyList<MetadataReference> WithClients = GeneratorHarness.References
        .Concat(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => ClientAssemblyPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
        .ToList();

    [Fact]
    public void ClientPackageFiles()
    {
        var plain = GeneratorHarness.Run(ShippedSpec.Text);
        var clients = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: WithClients));

        Assert.Empty(clients.Diagnostics);
        // CS1701/CS1702 (a package built against an older framework's assembly version) are off in every SDK build.
        Assert.DoesNotContain(clients.CompilationProblems(), d => d.Id is not ("CS1701" or "CS1702"));
        var plainTexts = plain.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = clients.Sources
            .Where(s => !plainTexts.TryGetValue(s.HintName, out var text) || text != s.SourceText.ToString())
            .ToList();

        // Exactly the files the packages are for; every other file is byte for byte the plain one.
        Assert.Equal(
            ["XeroErrors.XeroResponseClassifier.Flurl.g.cs", "XeroErrors.XeroResponseClassifier.Refit.g.cs", "XeroErrors.XeroResponseClassifier.RestSharp.g.cs", "XeroErrors.XeroRetryStrategy.g.cs"],
            changed.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Empty(plain.Sources.Select(s => s.HintName).Except(clients.Sources.Select(s => s.HintName)));

        var failures = changed
            .Select(source => Snapshot.Check(source.HintName.Replace(".cs", string.Empty, StringComparison.Ordinal), source.SourceText.ToString()))
            .OfType<string>()
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }
}
