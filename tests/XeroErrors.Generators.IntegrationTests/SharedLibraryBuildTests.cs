using System.Globalization;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// A company's shared Xero client library (netstandard2.0) that uses the generator, and an app that references it and
/// uses the generator too, built with the real <c>dotnet build</c>: as a packed library and through a
/// <c>ProjectReference</c>, with no CS0436 and the library's exceptions caught by the app; with a spec of the app's
/// own that differs, a warning naming the library, and no collision once the app's namespace is its own. An app that
/// references only the library gets the runtime library its generated code calls through it, by both chains; a
/// library that keeps the package private is warned (XERR114), as its app fails at run time.
/// </summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class SharedLibraryBuildTests
{
    private const string LibraryName = "Contoso.XeroClient";

    // C# 7.3, a netstandard2.0 library's default.
    private const string LibraryCode = """
        namespace Contoso.XeroClient
        {
            /// <summary>What the company's client does when Xero refuses an invoice.</summary>
            public static class Invoices
            {
                /// <summary>Throws the typed exception for an Accounting validation error.</summary>
                public static void Create()
                {
                    const string body = "{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\",\"Elements\":[{\"ValidationErrors\":[{\"Message\":\"Email address must be valid\"}]}]}";
                    XeroErrors.XeroResponseClassifier.EnsureSuccess(400, body);
                }
            }
        }
        """;

    private const string AppCode = """
        try
        {
            Contoso.XeroClient.Invoices.Create();
        }
        catch (XeroErrors.XeroBadRequestException ex)
        {
            System.Console.WriteLine("caught: " + ex.ValidationErrors[0].Message);
        }
        """;

    private readonly PackedGeneratorFixture _packed;

    public SharedLibraryBuildTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task A_packed_library_and_an_app_on_the_same_spec_share_one_set_of_types()
    {
        var root = _packed.NewProjectFolder("shared-packed");
        var version = await PackLibraryAsync(root);
        var app = App(root, $"""<PackageReference Include="{LibraryName}" Version="{version}" />""");

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        Assert.Empty(build.Warnings);
        var run = await app.RunAsync("--no-build");
        Assert.Contains("caught: Email address must be valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_with_a_spec_of_its_own_is_warned_by_name_until_its_namespace_is_its_own()
    {
        var root = _packed.NewProjectFolder("shared-own-spec");
        var version = await PackLibraryAsync(root);
        // An app with a spec of its own that declares rate limits keeps them: it references the package the governor needs.
        var reference = $"""<PackageReference Include="{LibraryName}" Version="{version}" />""" + ConsumerProject.PackageReference("System.Threading.RateLimiting");
        var app = App(root, reference);
        app.Write("spec/errors.yaml", File.ReadAllText(Repo.ShippedSpec).Replace("summary: Not Found", "summary: Resource Not Found", StringComparison.Ordinal));

        var clash = await app.BuildAsync();

        Assert.True(clash.Succeeded, clash.Describe());
        var warning = Assert.Single(clash.Warnings, w => w.Contains("XERR110", StringComparison.Ordinal));
        Assert.Contains(LibraryName, warning, StringComparison.Ordinal);
        Assert.Contains("XeroErrorsNamespace", warning, StringComparison.Ordinal);

        app.Write("App.csproj", AppProject(reference, "<XeroErrorsNamespace>App.Xero</XeroErrorsNamespace>"));
        var own = await app.BuildAsync();

        Assert.True(own.Succeeded, own.Describe());
        Assert.Empty(own.Warnings);
        Assert.DoesNotContain("CS0436", own.Output, StringComparison.Ordinal);
        Assert.Contains("caught: Email address must be valid", (await app.RunAsync("--no-build")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ProjectReference_chain_shares_one_set_of_types()
    {
        var root = _packed.NewProjectFolder("shared-project-reference");
        Library(root);
        var app = App(root, $"""<ProjectReference Include="../{LibraryName}/{LibraryName}.csproj" />""");

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        Assert.Empty(build.Warnings);
        Assert.Contains("caught: Email address must be valid", (await app.RunAsync("--no-build")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_references_only_the_packed_library_runs_the_code_generated_in_it()
    {
        var root = _packed.NewProjectFolder("library-only-packed");
        var version = await PackLibraryAsync(root);
        var app = App(root, $"""<PackageReference Include="{LibraryName}" Version="{version}" />""", withPackage: false);

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Warnings);
        // The package reaches the app through the library: its runtime library, beside the app, and (as NuGet passes
        // analyzers on) the generator, which finds the library's types of the same spec and generates none (XERR109).
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.Directory, "bin", "Debug", "net10.0", "XeroErrors.Machinery.dll")), build.Describe());
        var run = await app.RunAsync("--no-build");
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("caught: Email address must be valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_references_only_the_library_project_runs_the_code_generated_in_it()
    {
        var root = _packed.NewProjectFolder("library-only-project");
        Library(root);
        var app = App(root, $"""<ProjectReference Include="../{LibraryName}/{LibraryName}.csproj" />""", withPackage: false);

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Warnings);
        var run = await app.RunAsync("--no-build");
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("caught: Email address must be valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_that_keeps_the_package_private_is_warned_that_its_app_will_fail_and_it_does()
    {
        var root = _packed.NewProjectFolder("library-private");
        Library(root, """ PrivateAssets="all" """, treatWarningsAsErrors: false);
        var app = App(root, $"""<ProjectReference Include="../{LibraryName}/{LibraryName}.csproj" />""", withPackage: false);

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        var warning = Assert.Single(build.Warnings.Distinct());
        Assert.Contains("XERR114", warning, StringComparison.Ordinal);
        Assert.Contains(LibraryName, warning, StringComparison.Ordinal);
        Assert.Contains("PrivateAssets", warning, StringComparison.Ordinal);

        // What the warning says: the app builds, and fails when the library's generated code runs.
        var run = await app.RunAsync("--no-build");
        Assert.False(run.Succeeded, run.Describe());
        Assert.Contains("FileNotFoundException", run.Output, StringComparison.Ordinal);
        Assert.Contains("XeroErrors.Machinery", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Packs the library into the fixture's feed under a version of this run's own, so that no cached copy is used.</summary>
    private async Task<string> PackLibraryAsync(string root)
    {
        var library = Library(root);
        var version = "1.0.0-it." + Guid.NewGuid().ToString("N")[..12];
        var pack = await DotNet.RunAsync($"pack \"{library.ProjectFile}\" -c Debug -o \"{_packed.Feed}\" -p:Version={version} {DotNet.BuildOptions}", library.Directory);
        Assert.True(pack.Succeeded, pack.Describe());
        Assert.Empty(pack.Warnings);
        return version;
    }

    /// <summary>A netstandard2.0 library with no spec of its own: it generates from the built-in spec.</summary>
    private ConsumerProject Library(string root, string referenceAttributes = "", bool treatWarningsAsErrors = true)
    {
        var library = new ConsumerProject(Path.Combine(root, LibraryName), LibraryName + ".csproj");
        library.Write(LibraryName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <TreatWarningsAsErrors>{(treatWarningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}"{referenceAttributes.TrimEnd()} />
                {ConsumerProject.PackageReference("System.Text.Json")}
              </ItemGroup>
            </Project>
            """);
        library.Write("Invoices.cs", LibraryCode);
        return library;
    }

    private ConsumerProject App(string root, string reference, bool withPackage = true)
    {
        var app = new ConsumerProject(Path.Combine(root, "App"), "App.csproj");
        app.Write("App.csproj", AppProject(reference, string.Empty, withPackage));
        app.Write("Program.cs", AppCode);
        return app;
    }

    private string AppProject(string reference, string properties, bool withPackage = true) => string.Create(CultureInfo.InvariantCulture, $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            {(withPackage ? $"<PackageReference Include=\"XeroErrors.Generators\" Version=\"{_packed.Version}\" />" : string.Empty)}
            {reference}
          </ItemGroup>
        </Project>
        """);
}
