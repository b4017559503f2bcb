using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// An incremental <c>dotnet build</c> sees a spec that is renamed, deleted or added, as it sees a .cs file:
/// the generated types follow the spec files, never the previous build's.
/// </summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class IncrementalBuildTests
{
    private const string SecondSpec = """
        namespace: Payroll.Errors
        prefix: Payroll
        responses:
          - name: PayRunLocked
            status: 409
            summary: Pay run locked
        """;

    private readonly PackedGeneratorFixture _packed;

    public IncrementalBuildTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task Renaming_deleting_and_adding_a_spec_are_seen_by_the_next_incremental_build()
    {
        var app = new ConsumerProject(_packed.NewProjectFolder("incremental"), "Incremental.csproj");
        app.Write("Incremental.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
                <AdditionalFiles Include="specs/*.errors.yaml" />
              </ItemGroup>
            </Project>
            """);
        app.Write("spec/errors.yaml", File.ReadAllText(Repo.ShippedSpec));
        // Written once: later steps change only spec files, so only they can make the compiler run again.
        app.Write("Program.cs", """
            System.Console.WriteLine(typeof(XeroErrors.XeroBadRequestException).Name);
            System.Console.WriteLine(typeof(XeroErrors.XeroBadRequestException).Assembly.GetType("Payroll.Errors.PayrollResponseKind") is null ? "payroll: no" : "payroll: yes");
            """);

        var first = await app.BuildAsync();
        Assert.True(first.Succeeded, first.Describe());

        // A rename to a name that is not a spec: the types are gone, and the build says so.
        File.Move(Path.Combine(app.Directory, "spec", "errors.yaml"), Path.Combine(app.Directory, "spec", "errors.yml"));
        var renamed = await app.BuildAsync();
        Assert.False(renamed.Succeeded, "The build after the rename used the old generated types:\n" + renamed.Describe());
        Assert.Contains(renamed.Errors, e => e.Contains("CS0246", StringComparison.Ordinal) || e.Contains("CS0234", StringComparison.Ordinal));
        Assert.Single(renamed.Warnings, w => w.Contains("warning XERR107", StringComparison.Ordinal));

        // Back, with the file's old time stamp: seen again.
        File.Move(Path.Combine(app.Directory, "spec", "errors.yml"), Path.Combine(app.Directory, "spec", "errors.yaml"));
        var restored = await app.BuildAsync();
        Assert.True(restored.Succeeded, restored.Describe());

        Assert.Contains("payroll: no", (await app.RunAsync()).Output, StringComparison.Ordinal);

        // A second spec, added with a time stamp older than the last build and no other change: its types appear.
        var second = Path.Combine(app.Directory, "specs", "payroll.errors.yaml");
        app.Write("specs/payroll.errors.yaml", SecondSpec);
        File.SetLastWriteTimeUtc(second, DateTime.UtcNow.AddDays(-1));
        var added = await app.RunAsync();
        Assert.True(added.Succeeded, added.Describe());
        Assert.Contains("payroll: yes", added.Output, StringComparison.Ordinal);

        // Deleted, again with nothing else changed: its types are gone.
        File.Delete(second);
        var deleted = await app.RunAsync();
        Assert.True(deleted.Succeeded, deleted.Describe());
        Assert.Contains("payroll: no", deleted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tab_in_one_entry_is_one_error_at_the_tab_and_the_rest_still_builds()
    {
        var app = new ConsumerProject(_packed.NewProjectFolder("tab"), "Tab.csproj");
        app.Write("Tab.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        var lines = File.ReadAllText(Repo.ShippedSpec).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = Array.IndexOf(lines, "    summary: Organisation Offline");
        Assert.True(at > 0, "The shipped spec has no OrganisationOffline summary line.");
        lines[at] = "\tsummary: Organisation Offline";
        app.Write("spec/errors.yaml", string.Join('\n', lines));
        app.Write("Program.cs", """
            try
            {
                XeroErrors.XeroResponseClassifier.EnsureSuccess(400, "{}");
            }
            catch (XeroErrors.XeroBadRequestException ex)
            {
                System.Console.WriteLine(ex.ValidationErrors.Count);
            }
            """);

        var build = await app.BuildAsync();

        Assert.False(build.Succeeded, build.Describe());
        var error = Assert.Single(build.Errors);
        Assert.Contains($"errors.yaml({at + 1},1): error XERR001:", error, StringComparison.Ordinal);
        Assert.Contains("Indent with spaces, not tabs", error, StringComparison.Ordinal);
    }
}
