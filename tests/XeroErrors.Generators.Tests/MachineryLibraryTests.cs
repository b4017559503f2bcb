using System.ComponentModel;
using System.Net;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;
using XeroErrors.Machinery;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// A compilation that references the runtime library, XeroErrors.Machinery.dll (as the package's consumers do), gets
/// no copy of the machinery: the generated code calls the library. One too old for the generator gets XERR028.
/// </summary>
public sealed class MachineryLibraryTests
{
    private static readonly MetadataReference Library = MetadataReference.CreateFromFile(typeof(BodyPaths).Assembly.Location);

    /// <summary>
    /// A consumer with the library. The library is built for net8.0 and this consumer compiles against net10.0's
    /// assemblies, so, as the SDK does for every build, CS1701/CS1702 (a reference unified to a newer version) are off.
    /// </summary>
    private static CSharpCompilation WithLibrary() =>
        GeneratorHarness.CreateCompilation(references: [.. GeneratorHarness.References, Library]).WithOptions(
            GeneratorHarness.CreateCompilation().Options.WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    [Fact]
    public void WithTheLibraryReferencedNoMachineryIsAddedAndTheGeneratedCodeCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: WithLibrary());
        var copy = GeneratorHarness.Run(ShippedSpec.Text);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal));
        Assert.Contains(copy.Sources, s => s.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal));

        // Everything else is the same code: the spec decides it, not where the machinery lives.
        Assert.Equal(
            copy.Sources.Where(s => !s.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal)).Select(s => (s.HintName, s.SourceText.ToString())),
            run.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public async Task AValidationBodyIsReadThroughTheLibrary()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: WithLibrary());
        var classifier = run.Load().GetType("XeroErrors.XeroResponseClassifier")!;
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{"ValidationErrors":[{"Message":"Email address must be valid."}]}]}""", System.Text.Encoding.UTF8, "application/json"),
        };

        var task = (Task)classifier.GetMethod("EnsureSuccessAsync", [typeof(HttpResponseMessage), typeof(CancellationToken)])!.Invoke(null, [response, CancellationToken.None])!;
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => task);

        Assert.Equal(400, Convert.ToInt32(exception.GetType().GetProperty("StatusCode")!.GetValue(exception), System.Globalization.CultureInfo.InvariantCulture));
        var errors = (System.Collections.IEnumerable)exception.GetType().GetProperty("ValidationErrors")!.GetValue(exception)!;
        var first = errors.Cast<object>().Single();
        Assert.Equal("Email address must be valid.", first.GetType().GetProperty("Message")!.GetValue(first));
    }

    [Fact]
    public void TwoSpecsWithTheLibraryEachAddOnlyTheirOwnTypes()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text), new InMemoryAdditionalText("/project/spec/payroll.errors.yaml", MachineryTests.OtherSpec)], compilation: WithLibrary());

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.All(run.Sources, s => Assert.True(s.HintName.StartsWith("XeroErrors.Xero", StringComparison.Ordinal) || s.HintName.StartsWith("Contoso.Payroll.", StringComparison.Ordinal), s.HintName));
    }

    [Fact]
    public void ALibraryOlderThanTheGeneratorIsAnErrorAtTheSpecAndNothingIsGenerated()
    {
        var old = OldLibrary("0.0.1");
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: [.. GeneratorHarness.References, old]));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(("XERR028", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Equal(GeneratorHarness.SpecPath, error.Location.GetLineSpan().Path);
        Assert.Contains("XeroErrors.Machinery 0.0.1", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains($"the generator is {Emit.ThisAssembly.Version.Split('-')[0]}", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ALibraryNewerThanTheGeneratorIsUsed()
    {
        // The library's surface only grows, so a newer one has what the generated code calls (here: nothing, as the
        // stand-in defines no types, so the compilation's errors show the generated code called it).
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: [.. GeneratorHarness.References, OldLibrary("99.0.0")]));

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal));
        Assert.Contains(run.CompilationProblems(), d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Machinery'", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLibraryBuiltBesideTheGeneratorIsItsVersionSoItsOwnConsumersGetNoXerr028()
    {
        // Both projects declare the version prefix: one bumped without the other would fail every package consumer.
        var library = typeof(BodyPaths).Assembly.GetName().Version!;

        Assert.Equal(Consumer.MachineryLibrary.Required, $"{library.Major}.{library.Minor}.{library.Build}");
        Assert.True(Consumer.MachineryLibrary.IsUsable(Consumer.MachineryLibrary.Required));
        Assert.False(Consumer.MachineryLibrary.IsTooOld(null));
    }

    [Fact]
    public void TheLibrarysPublicTypesAreHiddenFromCompletionAndNoGeneratedPublicTypeDerivesFromThem()
    {
        var library = typeof(BodyPaths).Assembly;
        var exported = library.GetExportedTypes();

        Assert.NotEmpty(exported);
        Assert.All(exported.Where(t => !t.IsNested), t => Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State));

        var generated = GeneratorHarness.Run(ShippedSpec.Text, compilation: WithLibrary()).Load();
        foreach (var type in generated.GetExportedTypes())
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                Assert.NotEqual(library, baseType.Assembly);
            }

            Assert.DoesNotContain(type.GetInterfaces(), i => i.Assembly == library);
        }
    }

    /// <summary>An assembly named XeroErrors.Machinery, of the given version, with no types: a stand-in for another release.</summary>
    private static MetadataReference OldLibrary(string version)
    {
        var compilation = CSharpCompilation.Create(
            "XeroErrors.Machinery",
            [CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]")],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
