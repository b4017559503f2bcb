using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace XeroErrors.Generators.Benchmarks.Infrastructure;

/// <summary>
/// Drives <see cref="XeroErrorsGenerator"/> in memory as the compiler does: a consumer's compilation that references
/// the runtime's own assemblies (so HttpClient and System.Text.Json are there and every optional file is generated),
/// one spec as an additional file, and no MSBuild options.
/// </summary>
internal static class GeneratorRunner
{
    /// <summary>The virtual path the spec is given; only its file name matters to the generator.</summary>
    public const string SpecPath = "/consumer/errors.yaml";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>The consumer's own code: two small files, the second of which the "unrelated edit" changes.</summary>
    private const string ServiceCode = """
        namespace Consumer
        {
            public sealed class InvoiceService
            {
                public string Describe(int statusCode) => "status " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        """;

    private const string RetryCode = """
        namespace Consumer
        {
            public static class RetryPolicy
            {
                public static int MaxAttempts(int statusCode) => statusCode >= 500 ? 3 : 1;
            }
        }
        """;

    public static CSharpCompilation CreateCompilation() => CSharpCompilation.Create(
        "Consumer",
        new[] { Parse(ServiceCode, "InvoiceService.cs"), Parse(RetryCode, "RetryPolicy.cs") },
        FrameworkReferences.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The edit: a changed constant in a file that has nothing to do with the spec or the generated code.</summary>
    public static SyntaxTree EditedRetryTree() => Parse(RetryCode.Replace("? 3 : 1", "? 4 : 1", StringComparison.Ordinal), "RetryPolicy.cs");

    public static SyntaxTree RetryTree(Compilation compilation) => compilation.SyntaxTrees.Single(t => t.FilePath == "RetryPolicy.cs");

    public static GeneratorDriver CreateDriver(AdditionalText spec, bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new XeroErrorsGenerator().AsSourceGenerator() },
        new[] { spec },
        ParseOptions,
        new EmptyOptionsProvider(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once and fails when it reports an error or throws: a benchmark of a broken spec measures nothing.</summary>
    public static GeneratorDriverRunResult RunAndValidate(AdditionalText spec, Compilation compilation, string what)
    {
        var result = CreateDriver(spec).RunGenerators(compilation).GetRunResult();
        var generator = result.Results.Single();
        if (generator.Exception is { } exception)
        {
            throw new InvalidOperationException($"The generator threw on {what}.", exception);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The generator reported {errors.Count} error(s) on {what}, the first: {errors[0]}");
        }

        if (result.GeneratedTrees.IsEmpty)
        {
            throw new InvalidOperationException($"The generator generated nothing for {what}.");
        }

        return result;
    }

    private static SyntaxTree Parse(string code, string path) => CSharpSyntaxTree.ParseText(code, ParseOptions, path);

    /// <summary>The shared framework's assemblies only, not the benchmark's own dependencies (Roslyn, BenchmarkDotNet).</summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
