using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>
/// Runs the generator in memory on specs the tests write, the way the compiler runs it; every run also checks that an
/// unrelated edit afterwards does no work (<see cref="CachingCheck"/>).
/// </summary>
internal static class GeneratorHarness
{
    public const string SpecPath = "/project/spec/errors.yaml";

    /// <summary>The runtime's own assemblies: what a net10.0 consumer compiles against.</summary>
    public static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            return name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" or "mscorlib" or "Microsoft.Win32.Primitives";
        })
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    /// <summary>Only the core library, System.Runtime and System.Collections: no HttpClient, no System.Text.Json.</summary>
    public static readonly ImmutableArray<MetadataReference> MinimalReferences = References
        .Where(r => Path.GetFileNameWithoutExtension(r.Display) is "System.Runtime" or "System.Private.CoreLib" or "System.Collections" or "netstandard" or "System.ObjectModel")
        .ToImmutableArray();

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(
        string source = "namespace Consumer { /// <summary>A consumer.</summary>\n public static class Program { } }",
        LanguageVersion version = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        IEnumerable<MetadataReference>? references = null,
        bool warningsAsErrors = false) =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, ParseOptions(version), path: "/project/Program.cs")],
            references ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: version >= LanguageVersion.CSharp8 ? nullable : NullableContextOptions.Disable, generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default, deterministic: true));

    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> specs,
        IReadOnlyDictionary<string, string>? properties = null,
        LanguageVersion version = LanguageVersion.Latest,
        bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new XeroErrorsGenerator().AsSourceGenerator()],
            specs,
            ParseOptions(version),
            new TestAnalyzerConfigOptionsProvider(properties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Run(string spec, IReadOnlyDictionary<string, string>? properties = null, CSharpCompilation? compilation = null, string path = SpecPath) =>
        Run([new InMemoryAdditionalText(path, spec)], properties, compilation);

    public static GeneratorRun Run(IEnumerable<AdditionalText> specs, IReadOnlyDictionary<string, string>? properties = null, CSharpCompilation? compilation = null)
    {
        compilation ??= CreateCompilation();
        var version = ((CSharpParseOptions)compilation.SyntaxTrees.First().Options).LanguageVersion;
        var driver = CreateDriver(specs, properties, version, trackSteps: true);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        CachingCheck.AssertUnrelatedEditDoesNoWork(driver, compilation, result.Results.Single());
        return new GeneratorRun(result, output, diagnostics);
    }
}

/// <summary>What one generator run gave.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>Diagnostics the generator reported (XERR…), and CS8785 if it crashed.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => DriverDiagnostics;

    public IReadOnlyList<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public ImmutableArray<GeneratedSourceResult> Sources => Generator.GeneratedSources;

    public string Source(string hintNameEnd) => Sources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Errors and warnings of the consumer's compilation with the generated code in it.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Compiles the consumer with the generated code and loads it, to call the generated API.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }
}
