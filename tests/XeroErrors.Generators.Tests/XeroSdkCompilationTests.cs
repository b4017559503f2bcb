using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The SDK glue compiles, with warnings as errors, where consumers of Xero's SDK are: without Microsoft.CSharp (the
/// dynamic binder), at C# 7.3 with nullable off, under a namespace that contains "Xero", and against an SDK older
/// than 3.22.1, whose exception has no rate-limit members.
/// </summary>
public class XeroSdkCompilationTests
{
    private const string SdkFile = "XeroErrors.XeroResponseClassifier.XeroSdk.g.cs";

    /// <summary>A consumer's use of both routes and of the retry options.</summary>
    private const string Use = """
        namespace Consumer
        {
            /// <summary>Uses the SDK glue.</summary>
            public static class Use
            {
                /// <summary>The factory as a method group, and a caught exception converted.</summary>
                /// <param name="exception">The SDK's exception.</param>
                /// <returns>The kind, or null.</returns>
                public static object Run(global::Xero.NetStandard.OAuth2.Client.ApiException exception)
                {
                    global::Xero.NetStandard.OAuth2.Client.ExceptionFactory factory = NS.XeroResponseClassifier.CreateException;
                    var typed = NS.XeroResponseClassifier.CreateException(exception);
                    return typed == null ? (object)factory : typed.Kind;
                }
            }
        }
        """;

    /// <summary>The runtime's assemblies (no Microsoft.CSharp) and the real SDK as the test host loaded it, with Polly.Core.</summary>
    private static readonly IReadOnlyList<MetadataReference> WithSdk = GeneratorHarness.References
        .Concat(HostAssemblies("Xero.NetStandard.OAuth2", "Polly.Core"))
        .ToList();

    [Theory]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    public void TheGlueCompilesWithoutTheDynamicBinder(LanguageVersion version, NullableContextOptions nullable)
    {
        Assert.DoesNotContain(WithSdk, r => Path.GetFileNameWithoutExtension(r.Display) == "Microsoft.CSharp");

        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: Consumer(Use.Replace("NS.", "global::XeroErrors.", StringComparison.Ordinal), WithSdk, version, nullable));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Empty(Emit(run.Output)); // A missing binder member is found only when the code is lowered.
        Assert.Contains(run.Sources, s => s.HintName == SdkFile);
    }

    [Fact]
    public void ADynamicOperationOnErrorContentWouldNotCompileHere()
    {
        // The control for the test above: these references really lack the binder that a dynamic operation needs.
        const string dynamicUse = """
            namespace Consumer
            {
                /// <summary>Reads the content the obvious way.</summary>
                public static class Obvious
                {
                    /// <summary>Compares the dynamic content with null.</summary>
                    /// <param name="e">The SDK's exception.</param>
                    /// <returns>Whether there is content.</returns>
                    public static bool HasContent(global::Xero.NetStandard.OAuth2.Client.ApiException e)
                    {
                        var c = e.ErrorContent;
                        return c != null;
                    }
                }
            }
            """;

        var compilation = Consumer(dynamicUse, WithSdk, LanguageVersion.Latest, NullableContextOptions.Enable);

        Assert.Contains(Emit(compilation), d => d.Id == "CS0656");
    }

    [Fact]
    public void SdkTypesAreNotCapturedByANamespaceThatContainsXero()
    {
        var properties = new Dictionary<string, string> { ["XeroErrorsNamespace"] = "Contoso.Accounting.Xero" };

        var run = GeneratorHarness.Run(ShippedSpec.Text, properties, Consumer(Use.Replace("NS.", "global::Contoso.Accounting.Xero.", StringComparison.Ordinal), WithSdk, LanguageVersion.Latest, NullableContextOptions.Enable));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Contains(run.Sources, s => s.HintName == "Contoso.Accounting.Xero.XeroResponseClassifier.XeroSdk.g.cs");
    }

    [Fact]
    public void AnSdkWithoutRateLimitMembersGetsGlueThatDoesWithoutThem()
    {
        var references = GeneratorHarness.References.Append(OlderSdk()).ToList();

        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: Consumer(Use.Replace("NS.", "global::XeroErrors.", StringComparison.Ordinal), references, LanguageVersion.Latest, NullableContextOptions.Enable));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var glue = run.Source(SdkFile);
        Assert.DoesNotContain("RetryAfter", glue, StringComparison.Ordinal);
        Assert.DoesNotContain("LimitType", glue, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheSdkThereIsNoGlue()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text);

        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".XeroSdk.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void TheExceptionRetryOptionsNeedPollyOnlyNotSystemNetHttp()
    {
        var references = GeneratorHarness.MinimalReferences.Concat(HostAssemblies("Polly.Core")).Concat(GeneratorHarness.References.Where(r => Path.GetFileNameWithoutExtension(r.Display) is "System.Threading.Tasks" or "System.Runtime.InteropServices")).ToList();
        const string retryUse = """
            namespace Consumer
            {
                using Polly;

                /// <summary>A pipeline around a call that throws the typed exceptions.</summary>
                public static class Retry
                {
                    /// <summary>Builds it.</summary>
                    /// <returns>The pipeline.</returns>
                    public static global::Polly.ResiliencePipeline Pipeline() =>
                        new global::Polly.ResiliencePipelineBuilder().AddRetry(global::XeroErrors.XeroRetryStrategy.CreateExceptionOptions(global::System.TimeSpan.FromMinutes(1))).Build();
                }
            }
            """;

        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: Consumer(retryUse, references, LanguageVersion.Latest, NullableContextOptions.Enable));

        Assert.Empty(run.CompilationProblems());
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".Http.g.cs", StringComparison.Ordinal));
        var retry = run.Source("XeroErrors.XeroRetryStrategy.g.cs");
        Assert.Contains("CreateExceptionOptions", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Net.Http", retry, StringComparison.Ordinal);
    }

    private static CSharpCompilation Consumer(string source, IEnumerable<MetadataReference> references, LanguageVersion version, NullableContextOptions nullable) =>
        GeneratorHarness.CreateCompilation(source, version, nullable, references, warningsAsErrors: true);

    /// <summary>The errors and warnings of emitting, where the compiler looks for the members a dynamic operation needs.</summary>
    private static IReadOnlyList<Diagnostic> Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    private static IEnumerable<MetadataReference> HostAssemblies(params string[] names) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => names.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));

    /// <summary>The error path of the SDK before 3.22.1, under the SDK's own assembly and type names.</summary>
    private static MetadataReference OlderSdk()
    {
        const string source = """
            namespace Xero.NetStandard.OAuth2.Client
            {
                using System;
                using System.Collections.Generic;
                using System.Net;

                public class ApiException : Exception
                {
                    public ApiException(int errorCode, string message) : base(message) { ErrorCode = errorCode; }
                    public ApiException(int errorCode, string message, dynamic errorContent = null) : base(message) { ErrorCode = errorCode; ErrorContent = errorContent; }
                    public int ErrorCode { get; set; }
                    public dynamic ErrorContent { get; private set; }
                }

                public class Multimap<T, TValue> : Dictionary<T, IList<TValue>> { }

                public interface IApiResponse
                {
                    object Content { get; }
                    HttpStatusCode StatusCode { get; }
                    Multimap<string, string> Headers { get; }
                }

                public delegate Exception ExceptionFactory(string methodName, IApiResponse response);
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Xero.NetStandard.OAuth2",
            [CSharpSyntaxTree.ParseText(source)],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
