using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;

namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// Packs the generator once per test run, with a version of its own (so that no earlier package of the same
/// version is served from the global packages folder), into a local folder feed inside a temporary work folder.
/// Consumer projects are written below that folder, under a NuGet.config that clears every other source and names
/// the feed and the package sources this machine's own configuration has enabled (for the packages the consumers
/// use besides the generator).
/// </summary>
public sealed class PackedGeneratorFixture : IAsyncLifetime
{
    public const string PackageId = "XeroErrors.Generators";

    /// <summary>Set to keep the temporary folder after the run, to look at the consumer projects.</summary>
    public const string KeepVariable = "XEROERRORS_KEEP_TEMP";

    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "xeroerrors-it-" + Guid.NewGuid().ToString("N")[..12]);

    public string Version { get; } = "0.1.0-it." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(WorkRoot, "feed");

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    public DotNetResult? Pack { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var upstream = await EnabledSourcesAsync().ConfigureAwait(false);
        File.WriteAllText(Path.Combine(WorkRoot, "NuGet.config"), NuGetConfig(Feed, upstream));

        // The pack builds into a folder of its own (--artifacts-path), never into the repository's bin/ and obj/.
        var artifacts = Path.Combine(WorkRoot, "pack-artifacts");
        Pack = await DotNet.RunAsync(
            $"pack \"{Repo.PackageProject}\" -c Release -o \"{Feed}\" --artifacts-path \"{artifacts}\" -p:Version={Version} {DotNet.BuildOptions}",
            Repo.Root).ConfigureAwait(false);
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("Packing the generator failed. " + Pack.Describe());
        }
    }

    public async Task DisposeAsync()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KeepVariable)))
        {
            return;
        }

        TryDelete(WorkRoot);

        // The run's package version is never used again: take it out of the global packages folder.
        var locals = await DotNet.RunAsync("nuget locals global-packages --list", Path.GetTempPath(), TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        var match = Regex.Match(locals.Output, @"global-packages:\s*(?<path>.+)");
        if (locals.Succeeded && match.Success)
        {
            var installed = Path.Combine(match.Groups["path"].Value.Trim(), PackageId.ToLowerInvariant(), Version.ToLowerInvariant());
            TryDelete(installed);
        }
    }

    /// <summary>A new, empty folder for one consumer project, below the NuGet.config.</summary>
    public string NewProjectFolder(string name)
    {
        var path = Path.Combine(WorkRoot, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    public static string NuGetConfig(string feed, IReadOnlyList<string> upstream)
    {
        var sources = string.Concat(upstream.Select((url, i) => $"""

                <add key="upstream{i + 1}" value="{SecurityElement.Escape(url)}" />
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(feed)}" />{sources}
              </packageSources>
            </configuration>
            """;
    }

    /// <summary>The sources `dotnet nuget list source` reports enabled outside the work folder (the registry, or a mirror of it).</summary>
    private static async Task<IReadOnlyList<string>> EnabledSourcesAsync()
    {
        var list = await DotNet.RunAsync("nuget list source --format Short", Path.GetTempPath(), TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        if (!list.Succeeded)
        {
            throw new InvalidOperationException("Listing the NuGet sources failed. " + list.Describe());
        }

        return Regex.Matches(list.Output, @"^\s*E[A-Z]*\s+(?<source>\S.*?)\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups["source"].Value)
            .ToList();
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedGeneratorCollection : ICollectionFixture<PackedGeneratorFixture>
{
    public const string Name = "Packed generator";
}
