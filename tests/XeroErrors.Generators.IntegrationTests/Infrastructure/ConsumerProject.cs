namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>A consumer project written into a temporary folder, built and run with the real dotnet CLI.</summary>
public sealed class ConsumerProject
{
    public ConsumerProject(string directory, string projectFileName)
    {
        Directory = directory;
        ProjectFile = Path.Combine(directory, projectFileName);
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public ConsumerProject Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public Task<DotNetResult> BuildAsync(string extraArguments = "") =>
        DotNet.RunAsync($"build \"{ProjectFile}\" {DotNet.BuildOptions} {extraArguments}", Directory);

    public Task<DotNetResult> RunAsync(string extraArguments = "") =>
        DotNet.RunAsync($"run --project \"{ProjectFile}\" {DotNet.BuildOptions} {extraArguments}", Directory);

    /// <summary>The files the generator wrote for one target (the project must build with EmitCompilerGeneratedFiles).</summary>
    public IReadOnlyList<string> GeneratedFiles(string targetFramework, string configuration = "Debug")
    {
        var folder = Path.Combine(Directory, "obj", configuration, targetFramework, "generated");
        return System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList()
            : Array.Empty<string>();
    }

    /// <summary>
    /// The property that lets restore look in <see cref="Repo.LocalPackagesFolder"/> as well, when it exists; empty
    /// otherwise, so that restore finds every package on the feed as a user's project does.
    /// </summary>
    public static string LocalPackagesSource() =>
        System.IO.Directory.Exists(Repo.LocalPackagesFolder)
            ? $"<RestoreAdditionalProjectSources>{System.Security.SecurityElement.Escape(Repo.LocalPackagesFolder)}</RestoreAdditionalProjectSources>"
            : string.Empty;

    /// <summary>A PackageReference line for a package the repository pins in Directory.Packages.props.</summary>
    public static string PackageReference(string id, string extra = "") =>
        $"""<PackageReference Include="{id}" Version="{Repo.PackageVersion(id)}"{(extra.Length > 0 ? " " + extra : string.Empty)} />""";
}
