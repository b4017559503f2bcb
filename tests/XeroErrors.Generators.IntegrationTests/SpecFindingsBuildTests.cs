using System.Text.RegularExpressions;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// The mistakes a new user makes with the spec, repeated as they make them in a fresh consumer of the package
/// and built with the real <c>dotnet build</c>: each build says what is wrong and how to fix it, in the first
/// diagnostic it prints, and at the right place (a spec line, or no file at all for a project-level problem).
/// </summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed partial class SpecFindingsBuildTests
{
    private readonly PackedGeneratorFixture _packed;

    public SpecFindingsBuildTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task A_project_that_turns_the_built_in_spec_off_and_has_none_gets_one_warning_that_says_where_the_spec_goes_and_NoWarn_silences_it()
    {
        var app = NewConsumer("no-spec", extraProperties: "<XeroErrorsBuiltInSpec>false</XeroErrorsBuiltInSpec>");
        app.Write("Program.cs", """System.Console.WriteLine("no spec");""");

        var build = await app.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        var warning = Assert.Single(build.Warnings);
        Assert.Contains("warning XERR107", warning, StringComparison.Ordinal);
        Assert.Contains("spec/errors.yaml", warning, StringComparison.Ordinal);
        Assert.Contains(".errors.yaml", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(".yaml(", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("has no spec of its own", build.Output, StringComparison.Ordinal);

        app.Write(ProjectFileName, ProjectFile(extraProperties: "<XeroErrorsBuiltInSpec>false</XeroErrorsBuiltInSpec><NoWarn>$(NoWarn);XERR107</NoWarn>"));
        var silenced = await app.BuildAsync();

        Assert.True(silenced.Succeeded, silenced.Describe());
        Assert.Empty(silenced.Warnings);
    }

    [Fact]
    public async Task A_spec_named_errors_yml_is_not_read_and_the_built_in_spec_does_not_stand_in_for_it()
    {
        var app = NewConsumer("yml-spec");
        app.Write("spec/errors.yml", File.ReadAllText(Repo.ShippedSpec));
        app.Write("Program.cs", """System.Console.WriteLine(typeof(XeroErrors.XeroBadRequestException).Name);""");

        var build = await app.BuildAsync();

        Assert.False(build.Succeeded, build.Describe());
        Assert.Contains("warning XERR107", Assert.Single(build.Warnings), StringComparison.Ordinal);
        Assert.DoesNotContain("has no spec of its own", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_at_the_project_root_is_not_read_and_the_warning_says_where_it_belongs()
    {
        var app = NewConsumer("root-spec");
        app.Write("errors.yaml", File.ReadAllText(Repo.ShippedSpec));
        app.Write("Program.cs", """System.Console.WriteLine(typeof(XeroErrors.XeroBadRequestException).Name);""");

        var build = await app.BuildAsync();

        Assert.False(build.Succeeded, build.Describe());
        var warning = Assert.Single(build.Warnings);
        Assert.Contains("warning XERR107", warning, StringComparison.Ordinal);
        Assert.Contains("spec/errors.yaml", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("has no spec of its own", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_without_the_responses_key_give_XERR003_first_and_alone()
    {
        var app = NewConsumer("no-responses");
        var shipped = File.ReadAllText(Repo.ShippedSpec);
        Assert.Contains("\nresponses:", shipped, StringComparison.Ordinal);
        app.Write("spec/errors.yaml", shipped.Replace("\nresponses:", "\nerrors:", StringComparison.Ordinal));
        app.Write("Program.cs", """System.Console.WriteLine("entries under another key");""");

        var build = await app.BuildAsync();

        Assert.False(build.Succeeded, build.Describe());
        Assert.Equal(new[] { "XERR003" }, XerrCodes(build.Output));
        Assert.Contains("responses:", Assert.Single(build.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_about_values_say_how_to_fix_them()
    {
        var app = NewConsumer("messages");
        app.Write("spec/errors.yaml", """
            namespace: Findings.Errors
            prefix: Findings
            responses:
              - name: Validation
                status: 400
              - name: Missing
                status: "404"
                summary: Not Found
              - name: Offline
                status: 503
                summary: Service Unavailable
                retry:
                  after: "300"
            """);
        app.Write("Program.cs", """System.Console.WriteLine("messages");""");

        var build = await app.BuildAsync();

        Assert.False(build.Succeeded, build.Describe());
        var spec = Path.Combine(app.Directory, "spec", "errors.yaml");
        Assert.Contains(build.Errors, e => e.Contains($"{spec}(4,11): error XERR005:", StringComparison.Ordinal) && e.Contains("Add 'summary: Bad Request'", StringComparison.Ordinal));
        Assert.Contains(build.Errors, e => e.Contains($"{spec}(7,13): error XERR010:", StringComparison.Ordinal) && e.Contains("write 404 without quotes", StringComparison.Ordinal));
        Assert.Contains(build.Errors, e => e.Contains($"{spec}(13,14): error XERR015:", StringComparison.Ordinal) && e.Contains("write 300 without quotes", StringComparison.Ordinal));
        Assert.True(build.Errors.Count == 3, string.Join(Environment.NewLine, build.Errors));
    }

    [Fact]
    public async Task A_bad_MSBuild_option_is_reported_without_a_spec_location()
    {
        var app = NewConsumer("bad-option", extraProperties: "<XeroErrorsAccessibility>protected</XeroErrorsAccessibility>");
        app.Write("spec/errors.yaml", File.ReadAllText(Repo.ShippedSpec));
        app.Write("Program.cs", """System.Console.WriteLine("bad option");""");

        var build = await app.BuildAsync();

        var line = Assert.Single(build.Errors, l => l.Contains("XERR020", StringComparison.Ordinal));
        Assert.DoesNotContain("errors.yaml(", line, StringComparison.Ordinal);
        Assert.Contains("XeroErrorsAccessibility", line, StringComparison.Ordinal);
        Assert.Contains("'protected'", line, StringComparison.Ordinal);
    }

    private const string ProjectFileName = "Findings.csproj";

    private ConsumerProject NewConsumer(string name, string extraProperties = "") =>
        new ConsumerProject(_packed.NewProjectFolder("findings-" + name), ProjectFileName).Write(ProjectFileName, ProjectFile(extraProperties));

    private string ProjectFile(string extraProperties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The distinct XERR ids the build printed, in the order it printed them first.</summary>
    private static string[] XerrCodes(string output) =>
        XerrCode().Matches(output).Select(m => m.Groups[1].Value).Distinct().ToArray();

    [GeneratedRegex(@"(?:error|warning) (XERR\d{3})")]
    private static partial Regex XerrCode();
}
