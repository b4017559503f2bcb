using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// A consumer that uses the generator through a ProjectReference, as the README shows: the analyzer reference, the
/// runtime library's project and an Import of the same props file the package carries, so the default spec and the
/// options work the same way, and the generated code calls the library instead of compiling a copy.
/// </summary>
[Trait(Categories.Name, Categories.Integration)]
public sealed class ProjectReferenceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "xeroerrors-it-pr-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PackedGeneratorFixture.KeepVariable)) && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Project_reference_with_the_imported_props_picks_up_the_default_spec_and_the_options()
    {
        var app = new ConsumerProject(Path.Combine(_root, "by-reference"), "ByReference.csproj");
        app.Write("ByReference.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Repo.GeneratorProps}" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <XeroErrorsNamespace>ByReference.Errors</XeroErrorsNamespace>
                <XeroErrorsAccessibility>internal</XeroErrorsAccessibility>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Repo.GeneratorProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Repo.PackageProject}" />
              </ItemGroup>
            </Project>
            """);
        app.Write("spec/errors.yaml", File.ReadAllText(Repo.ShippedSpec));
        app.Write("Program.cs", """
            using System;
            using ByReference.Errors;

            var classification = XeroResponseClassifier.Classify(429, null, XeroResponseHeaders.FromPairs(new[]
            {
                new System.Collections.Generic.KeyValuePair<string, string>("X-Rate-Limit-Problem", "day"),
                new System.Collections.Generic.KeyValuePair<string, string>("Xero-Correlation-Id", "abc-123"),
            }));
            Console.WriteLine($"{classification.Kind} {classification.RateLimitProblem} transient={classification.IsTransient} id={classification.CorrelationId}");
            Console.WriteLine($"public={typeof(XeroResponseKind).IsPublic}");
            """);

        // The generator was built with this test project (same configuration); the consumer builds only itself,
        // so the repository's own bin/ and obj/ are read, never written.
        var configuration = Repo.Configuration;
        var build = await app.BuildAsync($"-c {configuration} --no-dependencies");
        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Warnings);

        var dll = Path.Combine(app.Directory, "bin", configuration, "net10.0", "ByReference.dll");
        var run = await DotNet.RunAsync($"\"{dll}\"", app.Directory, TimeSpan.FromMinutes(1));
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("RateLimitExceeded Day transient=False id=abc-123", run.Output, StringComparison.Ordinal);
        Assert.Contains("public=False", run.Output, StringComparison.Ordinal);

        // The machinery is the library's, copied beside the app, and not compiled into it again. The library brings
        // System.Threading.RateLimiting, so the spec's rate limits became a governor without a package of the app's.
        var generated = app.GeneratedFiles("net10.0", configuration);
        Assert.Contains("ByReference.Errors.XeroRateLimits.g.cs", generated);
        Assert.DoesNotContain(generated, f => f.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(app.Directory, "bin", configuration, "net10.0", "XeroErrors.Machinery.dll")));
    }
}
