using System.Reflection;
using System.Xml.Linq;

namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>Paths in the repository and the settings it was built with, found at run time.</summary>
public static class Repo
{
    public const string SolutionFile = "XeroErrors.Generators.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyVersions = new(ReadPackageVersions);

    /// <summary>The folder holding XeroErrors.Generators.sln, found by walking up from the test assembly.</summary>
    public static string Root => LazyRoot.Value;

    public static string GeneratorProject => Path.Combine(Root, "src", "XeroErrors.Generators", "XeroErrors.Generators.csproj");

    /// <summary>The runtime library's project, which is also the package's (it packs the generator under analyzers/).</summary>
    public static string PackageProject => Path.Combine(Root, "src", "XeroErrors.Machinery", "XeroErrors.Machinery.csproj");

    public static string GeneratorProps => Path.Combine(Root, "src", "XeroErrors.Generators", "build", "XeroErrors.Generators.props");

    public static string ShippedSpec => Path.Combine(Root, "spec", "errors.yaml");

    public static string Readme => Path.Combine(Root, "README.md");

    /// <summary>
    /// A package folder beside the repository for packages the feed may not serve (Xero's SDK), as the test projects
    /// name it; the consumer projects the tests write restore from it too when it exists.
    /// </summary>
    public static string LocalPackagesFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "packages"));

    /// <summary>The configuration this test assembly (and so the generator next to it) was built in.</summary>
    public static string Configuration =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "XeroErrors.Configuration")?.Value ?? "Debug";

    /// <summary>A version from Directory.Packages.props, so that the consumer projects use what the repository pins.</summary>
    public static string PackageVersion(string id) =>
        LazyVersions.Value.TryGetValue(id, out var version)
            ? version
            : throw new InvalidOperationException($"Directory.Packages.props has no PackageVersion for {id}.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyDictionary<string, string> ReadPackageVersions()
    {
        var document = XDocument.Load(Path.Combine(Root, "Directory.Packages.props"));
        return document.Descendants("PackageVersion")
            .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);
    }
}
