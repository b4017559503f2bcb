using System.Text.RegularExpressions;
using System.Xml.Linq;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>The README: its sections, its versions, and every <c>csharp</c> block compiled against the generated API.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repo.Readme);

    [Theory]
    [InlineData("Plain HttpClient")]
    [InlineData("IHttpClientFactory")]
    [InlineData("Retries: Microsoft.Extensions.Http.Resilience or Polly")]
    [InlineData("A client that is not HttpClient")]
    [InlineData("Refit")]
    [InlineData("Flurl")]
    [InlineData("RestSharp")]
    [InlineData("Kiota")]
    [InlineData("IHttpClientFactory with the standard resilience handler")]
    [InlineData("Handle errors")]
    [InlineData("Stay under the rate limits")]
    public void Each_consumer_kind_has_a_section_with_compiled_code(string heading)
    {
        var section = Section(heading);
        Assert.NotEmpty(ReadmeSnippets.CSharpBlocks(section));
    }

    [Theory]
    [InlineData("dotnet run --project samples/XeroErrors.Sample")]
    [InlineData("dotnet test XeroErrors.Generators.sln")]
    [InlineData("dotnet test XeroErrors.Generators.sln --filter \"Category!=Integration\"")]
    [InlineData("docs/spec-format.md")]
    [InlineData("docs/diagnostics.md")]
    [InlineData("build/XeroErrors.Generators.props")]
    [InlineData("PrivateAssets=\"all\"")]
    [InlineData("AddHttpMessageHandler")]
    [InlineData("AddResilienceHandler")]
    [InlineData("AddStandardResilienceHandler")]
    [InlineData("ExceptionFactory = XeroResponseClassifier.CreateExceptionAsync")]
    [InlineData("OnError(XeroResponseClassifier.ThrowIfErrorAsync)")]
    [InlineData("Classify(statusCode, body)")]
    [InlineData("RateLimitProblem")]
    [InlineData("CorrelationId")]
    [InlineData("System.Threading.RateLimiting")]
    [InlineData("XeroRateLimitHandler")]
    [InlineData("AcquireAsync")]
    public void Mentions(string text) => Assert.Contains(text, Readme, StringComparison.Ordinal);

    [Fact]
    public void Every_CSharp_block_is_fenced_as_csharp_so_that_it_is_compiled()
    {
        var other = ReadmeSnippets.Blocks(Readme).Where(b => b.Language is "cs" or "c#" or "C#" or "csharp-nocompile").ToList();
        Assert.True(other.Count == 0, "Fence C# as ```csharp: " + string.Join(", ", other.Select(b => "line " + b.Line)));
        Assert.True(ReadmeSnippets.CSharpBlocks(Readme).Count >= 8);
    }

    [Fact]
    public void Package_versions_in_the_README_are_the_ones_the_repository_uses()
    {
        // A pack from source is versioned {prefix}-dev.{time}: the README floats over those with {prefix}-*.
        var project = XDocument.Load(Repo.PackageProject);
        var generatorVersion = project.Descendants("VersionPrefix").First().Value + "-*";
        foreach (Match match in Regex.Matches(Readme, "<PackageReference Include=\"(?<id>[^\"]+)\" Version=\"(?<version>[^\"]+)\""))
        {
            var id = match.Groups["id"].Value;
            var expected = id == PackedGeneratorFixture.PackageId ? generatorVersion : Repo.PackageVersion(id);
            Assert.Equal(expected, match.Groups["version"].Value);
        }
    }

    [Fact]
    public void Snippets_become_methods_or_namespaces_with_the_usings_on_top()
    {
        var statements = new CodeBlock("csharp", 10, "using XeroErrors;\n\nvar c = XeroResponseClassifier.Classify(200, null);\nawait Task.Yield();");
        var source = ReadmeSnippets.ToSourceFile(statements, 3, "README.md");
        Assert.StartsWith("// README.md, C# block 3, line 10\nusing XeroErrors;\n", source, StringComparison.Ordinal);
        Assert.Contains("public static async Task RunAsync()", source, StringComparison.Ordinal);
        Assert.Contains("#line 10 \"README.md\"\n\n\nvar c =", source, StringComparison.Ordinal);

        var types = new CodeBlock("csharp", 20, "using System;\n\npublic sealed class Client\n{\n}");
        var typeSource = ReadmeSnippets.ToSourceFile(types, 4, "README.md");
        Assert.Contains("namespace ReadmeSnippets.Block4", typeSource, StringComparison.Ordinal);
        Assert.DoesNotContain("RunAsync", typeSource, StringComparison.Ordinal);
    }

    private static string Section(string heading)
    {
        var lines = Readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => Regex.IsMatch(l, "^#+ " + Regex.Escape(heading) + "$"));
        Assert.True(start >= 0, $"README.md has no heading '{heading}'.");
        var level = lines[start].TakeWhile(c => c == '#').Count();
        var end = start + 1;
        var inFence = false;
        while (end < lines.Length)
        {
            if (lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && Regex.IsMatch(lines[end], "^#{1," + level + "} "))
            {
                break;
            }

            end++;
        }

        return string.Join("\n", lines[start..end]);
    }
}

/// <summary>Every <c>csharp</c> block of the README compiled by a real build of a project that installs the package.</summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class ReadmeSnippetBuildTests
{
    private readonly PackedGeneratorFixture _packed;

    public ReadmeSnippetBuildTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task Every_CSharp_block_of_the_README_compiles_against_the_generated_API()
    {
        var blocks = ReadmeSnippets.CSharpBlocks(File.ReadAllText(Repo.Readme));
        Assert.NotEmpty(blocks);

        var project = new ConsumerProject(_packed.NewProjectFolder("readme-snippets"), "ReadmeSnippets.csproj");
        project.Write("ReadmeSnippets.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <!-- As `dotnet new` makes a project: implicit usings and nullable on. -->
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603</WarningsNotAsErrors>
                {ConsumerProject.LocalPackagesSource()}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
                {ConsumerProject.PackageReference("Polly.Core")}
                {ConsumerProject.PackageReference("Microsoft.Extensions.DependencyInjection")}
                {ConsumerProject.PackageReference("Microsoft.Extensions.Http")}
                {ConsumerProject.PackageReference("Microsoft.Extensions.Http.Resilience")}
                {ConsumerProject.PackageReference("Refit")}
                {ConsumerProject.PackageReference("Refit.HttpClientFactory")}
                {ConsumerProject.PackageReference("Flurl.Http")}
                {ConsumerProject.PackageReference("RestSharp")}
                {ConsumerProject.PackageReference("Microsoft.Kiota.Abstractions")}
                {ConsumerProject.PackageReference("Microsoft.Kiota.Http.HttpClientLibrary")}
                {ConsumerProject.PackageReference("Xero.NetStandard.OAuth2")}
              </ItemGroup>
            </Project>
            """);
        project.Write("spec/errors.yaml", File.ReadAllText(Repo.ShippedSpec));
        for (var i = 0; i < blocks.Count; i++)
        {
            project.Write($"Block{i + 1:00}.cs", ReadmeSnippets.ToSourceFile(blocks[i], i + 1, Repo.Readme));
        }

        var build = await project.BuildAsync();
        Assert.True(build.Succeeded, "A README snippet does not compile (errors name README.md and its line):" + Environment.NewLine + string.Join(Environment.NewLine, build.Errors) + Environment.NewLine + build.Describe());
        Assert.True(build.Warnings.Count == 0, "A README snippet has warnings:" + Environment.NewLine + string.Join(Environment.NewLine, build.Warnings));
    }
}
