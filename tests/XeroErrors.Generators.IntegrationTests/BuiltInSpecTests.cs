using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// A new user's first build: a console app with the package and no spec of its own gets Xero's errors typed from the
/// built-in spec, and is told so once, without a warning; <c>XeroErrorsCopySpec</c> makes the spec the project's own.
/// Real <c>dotnet build</c>s of consumers of the packed generator.
/// </summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class BuiltInSpecTests
{
    private const string ProjectFileName = "FirstHour.csproj";
    private const string BuiltInNotice = "has no spec of its own, so the typed Xero errors are generated from the built-in spec";

    /// <summary>An Accounting validation error as Xero sends it, and what a user does with it.</summary>
    private const string Program = """"
        using XeroErrors;

        const string body = """{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{"ValidationErrors":[{"Message":"Email address must be valid"}]}]}""";
        try
        {
            XeroResponseClassifier.EnsureSuccess(400, body);
        }
        catch (XeroBadRequestException ex)
        {
            foreach (var error in ex.ValidationErrors)
            {
                System.Console.WriteLine("validation: " + error.Message);
            }
        }
        """";

    private readonly PackedGeneratorFixture _packed;

    public BuiltInSpecTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task A_project_without_a_spec_generates_from_the_built_in_spec_says_so_once_and_warns_of_nothing()
    {
        var app = NewConsumer("no-spec", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        app.Write("Program.cs", Program);

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Warnings);
        Assert.Single(build.Lines, l => l.Contains(BuiltInNotice, StringComparison.Ordinal));
        Assert.Contains("XeroErrorsCopySpec", build.Output, StringComparison.Ordinal);
        var run = await app.RunAsync("--no-build");
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("validation: Email address must be valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XeroErrorsCopySpec_writes_the_spec_with_a_schema_that_resolves_and_never_writes_over_it()
    {
        var app = NewConsumer("copy-spec");
        app.Write("Program.cs", Program);
        var spec = Path.Combine(app.Directory, "spec", "errors.yaml");

        var copy = await app.BuildAsync("-t:XeroErrorsCopySpec");

        Assert.True(copy.Succeeded, copy.Describe());
        Assert.True(File.Exists(spec), copy.Describe());
        var lines = File.ReadAllLines(spec);
        var schema = System.Text.RegularExpressions.Regex.Match(lines[0], @"\$schema=(?<path>\S+)");
        Assert.True(schema.Success, lines[0]);

        // The copy is the built-in spec, byte for byte after its first line (backslashes in patterns included).
        Assert.Equal(File.ReadAllLines(Repo.ShippedSpec).Skip(1), lines.Skip(1));

        // After a build, the schema it names is there, next to the project's obj/ output. The spec is the project's own
        // now; it declares Xero's rate limits, which the package's runtime library keeps, so nothing is missing to warn of.
        var build = await app.BuildAsync();
        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Warnings);
        Assert.DoesNotContain(BuiltInNotice, build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(spec)!, schema.Groups["path"].Value))), "The $schema line does not resolve: " + lines[0]);

        // Edited, then asked again: the edit stays.
        File.AppendAllText(spec, "# my change\n");
        var again = await app.BuildAsync("-t:XeroErrorsCopySpec");
        Assert.True(again.Succeeded, again.Describe());
        Assert.Contains("left as it is", again.Output, StringComparison.Ordinal);
        Assert.EndsWith("# my change\n", File.ReadAllText(spec), StringComparison.Ordinal);
    }

    private ConsumerProject NewConsumer(string name, string extraProperties = "") =>
        new ConsumerProject(_packed.NewProjectFolder("built-in-" + name), ProjectFileName).Write(ProjectFileName, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
              </ItemGroup>
            </Project>
            """);
}
