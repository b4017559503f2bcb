using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// Libraries that install the package and target net10.0, net8.0, netstandard2.0 and net472 (the last two at their
/// default C# 7.3), with nullable enabled and disabled and warnings as errors (and XML docs, so a broken doc comment
/// in generated code fails too), with Refit, Flurl.Http, RestSharp, Xero's SDK and the standard resilience handler in the
/// compilation so that each client's glue and the calls it must not make ambiguous are compiled too; and one without System.Text.Json,
/// System.Net.Http or Polly, which still gets the rest and a warning that names the package to add.
/// One `dotnet build` of a solution of all of them.
/// </summary>
[Collection(PackedGeneratorCollection.Name)]
[Trait(Categories.Name, Categories.Integration)]
public sealed class MultiTargetTests
{
    private static readonly string[] AllTargets = { "net10.0", "net8.0", "netstandard2.0", "net472" };

    private static readonly string[] CoreFiles =
    {
        "XeroErrors.XeroResponseKind.g.cs",
        "XeroErrors.XeroResponseClassification.g.cs",
        "XeroErrors.XeroResponseHeaders.g.cs",
        "XeroErrors.XeroResponseClassifier.g.cs",
        "XeroErrors.XeroApiException.g.cs",
        "XeroErrors.XeroExceptions.g.cs",
    };

    private readonly PackedGeneratorFixture _packed;

    public MultiTargetTests(PackedGeneratorFixture packed) => _packed = packed;

    [Fact]
    public async Task Generated_code_builds_without_warnings_on_every_target_and_degrades_without_optional_references()
    {
        var root = _packed.NewProjectFolder("multi-target");
        var spec = File.ReadAllText(Repo.ShippedSpec);

        // Nullable enabled where the language has it (C# 8+: net10.0, net8.0); C# 7.3 elsewhere, as a consumer gets by default.
        var enabled = Library(root, "NullableEnabled", spec, string.Join(";", AllTargets), """
            <Nullable Condition="'$(TargetFramework)' == 'net10.0' or '$(TargetFramework)' == 'net8.0'">enable</Nullable>
            """, withOptionalReferences: true);

        // Nullable disabled by the project on a C# 8+ target (on the C# 7.3 targets above it is off anyway).
        var disabled = Library(root, "NullableDisabled", spec, "net10.0", "<Nullable>disable</Nullable>", withOptionalReferences: true);

        // A netstandard2.0 library that opts into the latest C# and nullable references.
        var latest = Library(root, "LatestLanguage", spec, "netstandard2.0", "<LangVersion>latest</LangVersion><Nullable>enable</Nullable>", withOptionalReferences: true);

        // Nothing optional: no Polly, and on net472 no System.Net.Http. (System.Text.Json and System.Threading.RateLimiting
        // come with the package, as dependencies of its runtime library.) Warnings stay warnings here, to be counted.
        var bare = Library(root, "Bare", spec, "netstandard2.0;net472", "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>", withOptionalReferences: false);

        File.WriteAllText(Path.Combine(root, "Consumers.slnx"), $"""
            <Solution>
              <Project Path="{Rel(root, enabled)}" />
              <Project Path="{Rel(root, disabled)}" />
              <Project Path="{Rel(root, latest)}" />
              <Project Path="{Rel(root, bare)}" />
            </Solution>
            """);

        var build = await DotNet.RunAsync($"build Consumers.slnx {DotNet.BuildOptions}", root);
        Assert.True(build.Succeeded, build.Describe());

        // No warnings anywhere: Bare lacks nothing the package does not bring (no XERR103 for JSON, no XERR112 for limits).
        Assert.True(build.Warnings.Count == 0, "Unexpected warnings:" + Environment.NewLine + string.Join(Environment.NewLine, build.Warnings) + Environment.NewLine + build.Describe());

        foreach (var (project, targets) in new[] { (enabled, AllTargets), (disabled, new[] { "net10.0" }), (latest, new[] { "netstandard2.0" }) })
        {
            foreach (var target in targets)
            {
                var files = project.GeneratedFiles(target);
                Assert.All(CoreFiles, f => Assert.Contains(f, files));
                Assert.Contains("XeroErrors.XeroErrorHandler.g.cs", files);
                Assert.Contains("XeroErrors.XeroResponseClassifier.Http.g.cs", files);
                Assert.Contains("XeroErrors.XeroRetryStrategy.g.cs", files);
                Assert.Contains("XeroErrors.XeroResponseClassifier.Flurl.g.cs", files);
                Assert.Contains("XeroErrors.XeroResponseClassifier.RestSharp.g.cs", files);
                Assert.Contains("XeroErrors.XeroResponseClassifier.XeroSdk.g.cs", files);

                // The resilience package brings System.Threading.RateLimiting (and TimeProvider where .NET lacks it): the governor is generated and compiles.
                Assert.Contains("XeroErrors.XeroRateLimits.g.cs", files);
                Assert.Contains("XeroErrors.XeroRateLimitHandler.g.cs", files);
                // The governor's machinery is the package's runtime library: nothing of it is compiled into the project.
                Assert.DoesNotContain(files, f => f.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal));
                if (target == "netstandard2.0")
                {
                    Assert.DoesNotContain("XeroErrors.XeroResponseClassifier.Refit.g.cs", files);
                }
                else
                {
                    Assert.Contains("XeroErrors.XeroResponseClassifier.Refit.g.cs", files);
                }
            }
        }

        // What needs a missing type is left out; the rest is there.
        var bareStandard = bare.GeneratedFiles("netstandard2.0");
        Assert.All(CoreFiles, f => Assert.Contains(f, bareStandard));
        Assert.Contains("XeroErrors.XeroErrorHandler.g.cs", bareStandard); // netstandard2.0 has System.Net.Http
        Assert.DoesNotContain("XeroErrors.XeroRetryStrategy.g.cs", bareStandard);
        var bareFramework = bare.GeneratedFiles("net472");
        Assert.All(CoreFiles, f => Assert.Contains(f, bareFramework));
        Assert.DoesNotContain("XeroErrors.XeroErrorHandler.g.cs", bareFramework);
        Assert.DoesNotContain("XeroErrors.XeroRetryStrategy.g.cs", bareFramework);
        Assert.Contains("XeroErrors.XeroRateLimits.g.cs", bareStandard);
        Assert.Contains("XeroErrors.XeroRateLimits.g.cs", bareFramework);
        Assert.Contains("XeroErrors.XeroRateLimitHandler.g.cs", bareStandard);
        Assert.DoesNotContain("XeroErrors.XeroRateLimitHandler.g.cs", bareFramework); // no System.Net.Http
        Assert.DoesNotContain(bareStandard.Concat(bareFramework), f => f.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal));
    }

    private ConsumerProject Library(string root, string name, string spec, string targets, string properties, bool withOptionalReferences)
    {
        var project = new ConsumerProject(Path.Combine(root, name), name + ".csproj");
        var optional = withOptionalReferences
            ? $"""
              <ItemGroup>
                {ConsumerProject.PackageReference("Polly.Core")}
                {ConsumerProject.PackageReference("Microsoft.Extensions.Http.Resilience")}
                {ConsumerProject.PackageReference("Flurl.Http")}
                {ConsumerProject.PackageReference("RestSharp")}
                {ConsumerProject.PackageReference("Xero.NetStandard.OAuth2")}
              </ItemGroup>
              <!-- Refit 16 targets .NET Framework and .NET, not netstandard2.0. -->
              <ItemGroup Condition="'$(TargetFramework)' != 'netstandard2.0'">
                {ConsumerProject.PackageReference("Refit")}
              </ItemGroup>
              <!-- System.Text.Json is part of .NET; netstandard2.0 and .NET Framework get it as a package. -->
              <ItemGroup Condition="'$(TargetFrameworkIdentifier)' != '.NETCoreApp'">
                {ConsumerProject.PackageReference("System.Text.Json")}
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFrameworkIdentifier)' == '.NETFramework'">
                <Reference Include="System.Net.Http" />
              </ItemGroup>
              """
            : string.Empty;
        project.Write(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>{targets}</TargetFrameworks>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The registry here serves some of Polly's dependencies only at a later patch. -->
                <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603</WarningsNotAsErrors>
                <!-- Microsoft.Extensions.Http.Resilience warns that it is untested on net472; the generated code is what is checked. -->
                <SuppressTfmSupportBuildWarnings>true</SuppressTfmSupportBuildWarnings>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                {ConsumerProject.LocalPackagesSource()}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="XeroErrors.Generators" Version="{_packed.Version}" />
                <!-- Reference assemblies for net472, so that it builds off Windows. -->
                {ConsumerProject.PackageReference("Microsoft.NETFramework.ReferenceAssemblies", "PrivateAssets=\"all\"")}
              </ItemGroup>
              {optional}
            </Project>
            """);
        project.Write("spec/errors.yaml", spec);
        project.Write("Use.cs", withOptionalReferences ? FullUse : BareUse);
        return project;
    }

    private static string Rel(string root, ConsumerProject project) => Path.GetRelativePath(root, project.ProjectFile).Replace('\\', '/');

    // C# 7.3, and fine with nullable on or off: no nullable annotations, no newer syntax.
    private const string FullUse = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Flurl.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Polly;
        using XeroErrors;

        namespace Consumer
        {
            /// <summary>Uses every part of the generated API.</summary>
            public static class Use
            {
                /// <summary>Classifies without HttpClient.</summary>
                /// <returns>A description.</returns>
                public static string Classify()
                {
                    var headers = XeroResponseHeaders.FromPairs(new[] { new KeyValuePair<string, string>("Retry-After", "30"), new KeyValuePair<string, string>("X-Rate-Limit-Problem", "minute") });
                    XeroResponseClassification classification = XeroResponseClassifier.Classify(429, null, headers);
                    return classification.Kind + " " + classification.RateLimitProblem + " " + classification.RetryAfter + " " + classification.CorrelationId;
                }

                /// <summary>A client whose errors are exceptions.</summary>
                /// <returns>The client.</returns>
                public static HttpClient Client()
                {
                    return new HttpClient(new XeroErrorHandler(new HttpClientHandler()));
                }

                /// <summary>A retry pipeline.</summary>
                /// <returns>The pipeline.</returns>
                public static ResiliencePipeline<HttpResponseMessage> Pipeline()
                {
                    return new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(XeroRetryStrategy.CreateOptions(TimeSpan.FromHours(1))).Build();
                }

                /// <summary>Calls and handles the typed exceptions.</summary>
                /// <param name="client">The client.</param>
                /// <returns>A description.</returns>
                public static async Task<string> CallAsync(HttpClient client)
                {
                    try
                    {
                        using (var response = await client.GetAsync("https://api.xero.com/projects.xro/2.0/projects").ConfigureAwait(false))
                        {
                            await XeroResponseClassifier.EnsureSuccessAsync(response).ConfigureAwait(false);
                            return "ok";
                        }
                    }
                    catch (XeroBadRequestException ex)
                    {
                        return ex.ValidationMessage + " " + ex.ModelState.Count;
                    }
                    catch (XeroApiException ex) when (ex.IsTransient)
                    {
                        return ex.Kind + " " + ex.RetryAfter + " " + ex.CorrelationId;
                    }
                }
            }

            /// <summary>The calls the client glue must leave unambiguous, and each client's one line.</summary>
            public static class Clients
            {
                /// <summary>Headers from null, from pairs and from tuples.</summary>
                /// <returns>The headers.</returns>
                public static XeroResponseHeaders Headers()
                {
                    var none = XeroResponseHeaders.FromPairs(null);
                    var tuples = XeroResponseHeaders.FromPairs(new List<(string Name, string Value)> { ("Retry-After", "30") });
                    return none.RetryAfter == null ? tuples : none;
                }

                /// <summary>Wraps a client's exception.</summary>
                /// <param name="inner">The client's exception.</param>
                /// <returns>The typed exception.</returns>
                public static XeroApiException Wrap(Exception inner)
                {
                    var found = XeroApiException.Find(inner);
                    return found ?? XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(503, "The Organisation is offline"), "The Organisation is offline", inner);
                }

                /// <summary>Flurl: typed exceptions from OnError.</summary>
                /// <param name="client">The client.</param>
                /// <returns>The client.</returns>
                public static IFlurlClient Flurl(IFlurlClient client)
                {
                    return client.OnError(XeroResponseClassifier.ThrowIfErrorAsync);
                }

                /// <summary>RestSharp: classify and throw.</summary>
                /// <param name="response">The response.</param>
                /// <returns>The kind.</returns>
                public static XeroResponseKind RestSharp(global::RestSharp.RestResponse response)
                {
                    XeroResponseClassifier.EnsureSuccess(response);
                    return XeroResponseClassifier.Classify(response).Kind;
                }

                /// <summary>The standard resilience handler, then the error handler.</summary>
                /// <param name="services">The services.</param>
                public static void Standard(IServiceCollection services)
                {
                    services.AddTransient<XeroErrorHandler>();
                    var http = services.AddHttpClient("xero");
                    http.AddStandardResilienceHandler(o => XeroRetryStrategy.Configure(o, TimeSpan.FromMinutes(1)));
                    http.AddHttpMessageHandler<XeroErrorHandler>();
                }

                /// <summary>Xero's SDK: the factory as a method group, a caught exception converted, and a retry around its calls.</summary>
                /// <param name="api">The SDK's Accounting API.</param>
                /// <param name="caught">An exception the SDK threw.</param>
                /// <returns>The pipeline, once the exception was read.</returns>
                public static ResiliencePipeline XeroSdk(global::Xero.NetStandard.OAuth2.Api.AccountingApi api, global::Xero.NetStandard.OAuth2.Client.ApiException caught)
                {
                    api.ExceptionFactory = XeroResponseClassifier.CreateException;
                    var typed = XeroResponseClassifier.CreateException(caught);
                    var maxDelay = typed != null && typed.RetryAfter.HasValue ? typed.RetryAfter.Value : TimeSpan.FromMinutes(1);
                    return new ResiliencePipelineBuilder().AddRetry(XeroRetryStrategy.CreateExceptionOptions(maxDelay)).Build();
                }
        #if !NETSTANDARD2_0

                /// <summary>Refit: the factory as a method group, and the conversion of Refit's own exception.</summary>
                /// <returns>The settings.</returns>
                public static Refit.RefitSettings Refit()
                {
                    return new Refit.RefitSettings { ExceptionFactory = XeroResponseClassifier.CreateExceptionAsync };
                }

                /// <summary>Converts Refit's exception.</summary>
                /// <param name="exception">Refit's exception.</param>
                /// <returns>The typed exception.</returns>
                public static XeroApiException FromRefit(Refit.ApiException exception)
                {
                    return XeroResponseClassifier.CreateException(exception);
                }
        #endif
            }

            /// <summary>A subclass of the base exception, as a user writes one.</summary>
            public sealed class OwnException : XeroApiException
            {
                /// <summary>Creates it.</summary>
                /// <param name="classification">The classification.</param>
                /// <param name="body">The body.</param>
                public OwnException(XeroResponseClassification classification, string body)
                    : base(classification, body, null)
                {
                }
            }
        }
        """;

    private const string BareUse = """
        using XeroErrors;

        namespace Consumer
        {
            /// <summary>Uses what is generated without optional references.</summary>
            public static class Use
            {
                /// <summary>Classifies.</summary>
                /// <returns>A description.</returns>
                public static string Classify()
                {
                    var exception = XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(400, "{}"), "{}");
                    return exception.Kind + " " + ((XeroBadRequestException)exception).ModelState.Count;
                }
            }
        }
        """;
}
