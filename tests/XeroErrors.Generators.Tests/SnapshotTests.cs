using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// Every file generated from the shipped spec, compared with its reviewed snapshot; the machinery, which is the
/// XeroErrors.Machinery project's source with a banner, is checked against that source in <see cref="MachineryTests"/>.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void ShippedSpecFiles()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text);

        Assert.Empty(run.Diagnostics);
        var specFiles = run.Sources.Where(s => !ConfigurationSnapshotTests.IsMachinery(s)).ToList();
        var failures = specFiles
            .Select(source => Snapshot.Check(source.HintName.Replace(".cs", string.Empty, StringComparison.Ordinal), source.SourceText.ToString()))
            .OfType<string>()
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));

        var snapshots = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(SourcePath())!, "Snapshots"), "SnapshotTests.ShippedSpecFiles#*.verified.cs")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        var generated = specFiles
            .Select(s => $"SnapshotTests.ShippedSpecFiles#{s.HintName.Replace(".cs", string.Empty, StringComparison.Ordinal)}.verified.cs")
            .Order(StringComparer.Ordinal);
        Assert.Equal(snapshots, generated);
    }

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
