using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>A consumer with two spec files: the conventional spec/errors.yaml and a *.errors.yaml of its own.</summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class TwoSpecTests
{
    private readonly PackedGeneratorFixture _packed;

    public TwoSpecTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task Two_specs_generate_two_independent_sets_of_types()
    {
        var app = new ConsumerProject(_packed.NewProjectFolder("two-specs"), "TwoSpecs.csproj");
        app.Write("TwoSpecs.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
                <!-- spec/errors.yaml comes in through the package's props; a second spec is listed by hand. -->
                <AdditionalFiles Include="specs/payroll.errors.yaml" />
                <!-- Listing the conventional spec again changes nothing. -->
                <AdditionalFiles Include="spec/errors.yaml" />
                <!-- Not a spec by its name: ignored. -->
                <AdditionalFiles Include="specs/notes.yaml" />
                <!-- The shipped spec declares Xero's rate limits: the governor comes with this package. -->
                {ConsumerProject.PackageReference("System.Threading.RateLimiting")}
              </ItemGroup>
            </Project>
            """);
        app.Write("spec/errors.yaml", File.ReadAllText(Repo.ShippedSpec));
        app.Write("specs/payroll.errors.yaml", """
            namespace: Payroll.Errors
            prefix: Payroll
            responses:
              - name: Ok
                status: 200
                summary: OK
              - name: PayRunLocked
                status: 409
                summary: Pay run locked
              - name: Busy
                status: 503
                summary: Busy
                retry:
                  transient: true
                  after: 120
            """);
        app.Write("specs/notes.yaml", "this: is not a spec\n");
        app.Write("Program.cs", """
            using System;

            var xero = XeroErrors.XeroResponseClassifier.Classify(503, "The Organisation is offline");
            var payroll = Payroll.Errors.PayrollResponseClassifier.Classify(503, null);
            Console.WriteLine($"xero={xero.Kind} {xero.RetryAfter}");
            Console.WriteLine($"payroll={payroll.Kind} {payroll.RetryAfter}");
            try
            {
                Payroll.Errors.PayrollResponseClassifier.EnsureSuccess(409, null);
            }
            catch (Payroll.Errors.PayrollApiException ex)
            {
                Console.WriteLine($"payroll-exception={ex.GetType().Name} base={ex.GetType().BaseType?.FullName}");
            }
            """);

        var run = await app.RunAsync();
        Assert.True(run.Succeeded, run.Describe());
        Assert.Empty(run.Warnings);
        Assert.Contains("xero=OrganisationOffline 00:05:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("payroll=Busy 00:02:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("payroll-exception=PayrollPayRunLockedException base=Payroll.Errors.PayrollApiException", run.Output, StringComparison.Ordinal);
    }
}
