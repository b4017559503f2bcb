using System.IO.Compression;
using System.Xml.Linq;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>The packed .nupkg, and a console app that installs it from a local folder feed with a spec of its own.</summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class PackageTests
{
    private readonly PackedGeneratorFixture _packed;

    public PackageTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public void Package_holds_the_generator_with_YamlDotNet_the_props_a_readme_and_the_runtime_library_per_target()
    {
        using var zip = ZipFile.OpenRead(_packed.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/XeroErrors.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("build/XeroErrors.Generators.props", entries);
        Assert.Contains("buildTransitive/XeroErrors.Generators.props", entries);
        Assert.Contains("build/errors.schema.json", entries);
        Assert.Equal(File.ReadAllText(Repo.ShippedSpec), Read(zip, "build/errors.yaml")); // the built-in spec
        Assert.Contains("README.md", entries);
        // The runtime library: netstandard2.0, and net8.0 for what only it has (brotli). Nothing else goes under lib/.
        Assert.Equal(
            ["lib/net8.0/XeroErrors.Machinery.dll", "lib/net8.0/XeroErrors.Machinery.xml", "lib/netstandard2.0/XeroErrors.Machinery.dll", "lib/netstandard2.0/XeroErrors.Machinery.xml"],
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var props = File.ReadAllText(Repo.GeneratorProps);
        Assert.Equal(props, Read(zip, "build/XeroErrors.Generators.props"));
        Assert.Equal(props, Read(zip, "buildTransitive/XeroErrors.Generators.props"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "src", "XeroErrors.Generators", "PACKAGE.md")), Read(zip, "README.md"));

        var nuspec = XDocument.Parse(Read(zip, "XeroErrors.Generators.nuspec"));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(_packed.Version, metadata.Element(ns + "version")!.Value);
        // Not a development dependency: NuGet would drop the library's compile assets (NuGet/Home#7686).
        Assert.Null(metadata.Element(ns + "developmentDependency"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);

        // One dependency group per lib target: what the library needs there, and nothing the generator uses.
        var groups = metadata.Descendants(ns + "group").ToDictionary(
            g => g.Attribute("targetFramework")!.Value,
            g => g.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal).ToList());
        Assert.Equal([".NETStandard2.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Microsoft.Bcl.TimeProvider", "System.Text.Json", "System.Threading.RateLimiting"], groups[".NETStandard2.0"]);
        Assert.Equal(["System.Threading.RateLimiting"], groups["net8.0"]);
    }

    [Fact]
    public async Task Console_app_adds_the_package_from_a_folder_feed_generates_from_its_own_spec_and_calls_the_runtime_library()
    {
        var app = new ConsumerProject(_packed.NewProjectFolder("nuget-consumer"), "Acme.Client.csproj");
        app.Write("Acme.Client.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <!-- The options the package's props declare. -->
                <XeroErrorsNamespace>Acme.Client.Errors</XeroErrorsNamespace>
                <XeroErrorsAccessibility>internal</XeroErrorsAccessibility>
              </PropertyGroup>
            </Project>
            """);

        // spec/errors.yaml next to the project: the package's props add it to AdditionalFiles.
        app.Write("spec/errors.yaml", """
            namespace: Acme.Billing
            prefix: Acme
            responses:
              - name: Ok
                status: 200
                summary: OK
              - name: Maintenance
                status: 503
                summary: Down for maintenance
                match:
                  body: ["Down for maintenance"]
                retry:
                  transient: true
                  after: 60
              - name: Unavailable
                status: 503
                summary: Unavailable
                default: true
                retry:
                  transient: true
              - name: Conflict
                status: 409
                summary: Conflict
            """);
        app.Write("Program.cs", """
            using System;
            using Acme.Client.Errors;

            var maintenance = AcmeResponseClassifier.Classify(503, "Down for maintenance until 2pm");
            Console.WriteLine($"{maintenance.Kind} transient={maintenance.IsTransient} after={maintenance.RetryAfter}");
            Console.WriteLine(AcmeResponseClassifier.Classify(503, null).Kind);
            try
            {
                AcmeResponseClassifier.EnsureSuccess(409, "busy");
            }
            catch (AcmeConflictException ex)
            {
                Console.WriteLine($"caught {ex.GetType().Name} {ex.StatusCode}");
            }

            Console.WriteLine($"public={typeof(AcmeResponseKind).IsPublic}");
            """);

        // Installed the way the README says. Not a development dependency: the reference is not made private, so the
        // runtime library is passed on to whoever references this project.
        var add = await DotNet.RunAsync($"add \"{app.ProjectFile}\" package {PackedGeneratorFixture.PackageId} --version {_packed.Version}", app.Directory);
        Assert.True(add.Succeeded, add.Describe());
        var projectText = File.ReadAllText(app.ProjectFile);
        Assert.DoesNotContain("PrivateAssets", projectText, StringComparison.Ordinal);

        var run = await app.RunAsync();
        Assert.True(run.Succeeded, run.Describe());
        Assert.Empty(run.Warnings);
        // The schema is where the README tells a spec's first line to point.
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "spec", "errors.schema.json")), File.ReadAllText(Path.Combine(app.Directory, "obj", "XeroErrors", "errors.schema.json")));
        Assert.Contains("Maintenance transient=True after=00:01:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unavailable", run.Output, StringComparison.Ordinal);
        Assert.Contains("caught AcmeConflictException 409", run.Output, StringComparison.Ordinal);
        Assert.Contains("public=False", run.Output, StringComparison.Ordinal);

        // Generated from the app's own spec only, into the namespace the option named.
        var generated = app.GeneratedFiles("net10.0");
        Assert.Contains("Acme.Client.Errors.AcmeResponseClassifier.g.cs", generated);
        // The machinery is the package's runtime library, beside the app, and no copy of it is compiled in.
        Assert.DoesNotContain(generated, f => f.StartsWith("XeroErrors.", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(app.Directory, "bin", "Debug", "net10.0", "XeroErrors.Machinery.dll")));
        // [GeneratedCode] names the package's own version, not a copy in the source that a -p:Version build leaves behind.
        var classifier = Directory.GetFiles(Path.Combine(app.Directory, "obj", "Debug", "net10.0", "generated"), "Acme.Client.Errors.AcmeResponseClassifier.g.cs", SearchOption.AllDirectories).Single();
        Assert.Contains($"GeneratedCode(\"XeroErrors.Generators\", \"{_packed.Version}\")", File.ReadAllText(classifier), StringComparison.Ordinal);

        // And packing the app passes the package on, with the library its generated code calls. (Prerelease, as the
        // package is: NuGet refuses a stable package with a prerelease dependency, NU5104.)
        var pack = await DotNet.RunAsync($"pack \"{app.ProjectFile}\" -c Debug --no-build -p:Version=1.0.0-preview -o \"{Path.Combine(app.Directory, "out")}\" {DotNet.BuildOptions}", app.Directory);
        Assert.True(pack.Succeeded, pack.Describe());
        var nupkg = Directory.GetFiles(Path.Combine(app.Directory, "out"), "*.nupkg").Single();
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = Read(zip, zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName);
        Assert.Contains($"<dependency id=\"XeroErrors.Generators\" version=\"{_packed.Version}\"", nuspec, StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
