using System.Diagnostics;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// The README's install commands, run as written, on what stands for a fresh machine: a HOME of its own, so the
/// only package source is the public feed NuGet configures by itself, an empty global packages folder, and the
/// package version a pack from source gets; then the README's first snippet, in a project without a spec.
/// </summary>
[Trait(Categories.Name, Categories.Integration)]
public sealed class ReadmeInstallTests : IDisposable
{
    private const string InstallHeading = "### As a package built from this repository";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xeroerrors-it-install-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PackedGeneratorFixture.KeepVariable)) && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task The_install_commands_of_the_README_work_as_written_with_only_the_public_feed()
    {
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        var app = new ConsumerProject(Path.Combine(_root, "path", "to", "YourApp"), "YourApp.csproj");
        app.Write("YourApp.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        // No spec: the README says the built-in one stands in, and shows an Accounting 400 read with it.
        app.Write("Program.cs", FirstSnippet());

        var install = InstallCommands();
        var script = string.Join("\n", install, "dotnet build -nologo", "dotnet run --no-build");
        var result = await DotNet.RunScriptAsync(script, _root, new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(home, ".nuget", "packages"),
        });

        Assert.True(result.Succeeded, result.Describe());
        Assert.Contains("request: Email address must be valid", result.Output, StringComparison.Ordinal);
        Assert.Contains("has no spec of its own, so the typed Xero errors are generated from the built-in spec", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal);
        var reference = File.ReadAllText(app.ProjectFile);
        Assert.Contains("XeroErrors.Generators", reference, StringComparison.Ordinal);
        // Not a development dependency: the runtime library the generated code calls is passed on to whoever uses the app.
        Assert.DoesNotContain("PrivateAssets", reference, StringComparison.Ordinal);
    }

    /// <summary>The README's first C# block after the install commands: what a new user runs first.</summary>
    private static string FirstSnippet()
    {
        var readme = File.ReadAllText(Repo.Readme).Replace("\r\n", "\n", StringComparison.Ordinal);
        var headingLine = readme[..readme.IndexOf(InstallHeading, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var block = ReadmeSnippets.CSharpBlocks(readme).First(b => b.Line > headingLine);
        Assert.Contains("ValidationErrors", block.Code, StringComparison.Ordinal);
        return block.Code;
    }

    /// <summary>The README's install block, with its clone taken from this repository.</summary>
    private static string InstallCommands()
    {
        var readme = File.ReadAllText(Repo.Readme).Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = readme.IndexOf(InstallHeading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The README has no '{InstallHeading}' section.");
        var headingLine = readme[..at].Count(c => c == '\n') + 1;
        var block = ReadmeSnippets.Blocks(readme).First(b => b.Line > headingLine && b.Language == "sh");
        Assert.Contains("git clone <this repository> xero-errors", block.Code, StringComparison.Ordinal);

        // A machine without git stands in with a copy of what a clone brings that the pack reads.
        var clone = HasGit()
            ? $"git clone -q \"{Repo.Root}\" xero-errors"
            : $"mkdir xero-errors && cp -r \"{Repo.Root}\"/{{src,spec,Directory.Build.props,Directory.Packages.props,global.json}} xero-errors/ && rm -rf xero-errors/src/*/bin xero-errors/src/*/obj";
        return block.Code.Replace("git clone <this repository> xero-errors", clone, StringComparison.Ordinal);
    }

    private static bool HasGit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            git?.WaitForExit(10_000);
            return git is { HasExited: true, ExitCode: 0 } && Directory.Exists(Path.Combine(Repo.Root, ".git"));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
