using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// A shared client library that uses the generator, and an app that references it and uses the generator too: one set
/// of types across both when they come from the same spec (XERR109), a warning naming the library when they do not
/// (XERR110), and nothing at all once the namespaces differ or the library's types are internal.
/// </summary>
public class SharedLibraryTests
{
    private const string LibraryName = "Contoso.XeroClient";

    /// <summary>App code that catches the type by name, as an app that uses the library does.</summary>
    private const string AppSource = """
        namespace App
        {
            /// <summary>Uses the typed exceptions.</summary>
            public static class Calls
            {
                /// <summary>Catches a bad request.</summary>
                /// <param name="call">The call.</param>
                /// <returns>The messages.</returns>
                public static int Run(System.Action call)
                {
                    try
                    {
                        call();
                        return 0;
                    }
                    catch (XeroErrors.XeroBadRequestException ex)
                    {
                        return ex.ValidationErrors.Count;
                    }
                }
            }
        }
        """;

    [Fact]
    public void AnAppWithTheSameSpecUsesTheLibrarysTypesAndGeneratesNone()
    {
        var library = Library(ShippedSpec.Text);

        // The same spec, with a comment and another quoting style: it says the same, so it is the same spec.
        var appSpec = "# our copy of Xero's spec\n" + ShippedSpec.Text.Replace("prefix: Xero", "prefix: \"Xero\"", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(appSpec, compilation: App(library));

        Assert.Empty(run.Sources);
        var info = Assert.Single(run.Diagnostics);
        Assert.Equal(("XERR109", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Contains(LibraryName, info.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
        var caught = run.Output.GetTypeByMetadataName("XeroErrors.XeroBadRequestException");
        Assert.NotNull(caught);
        Assert.Equal(LibraryName, caught.ContainingAssembly.Name);
    }

    [Fact]
    public void AnAppWithAnotherSpecIsWarnedWithTheLibrarysNameUntilItsNamespaceDiffers()
    {
        var library = Library(ShippedSpec.Text);
        var otherSpec = ShippedSpec.Text.Replace("summary: Not Found", "summary: Resource Not Found", StringComparison.Ordinal);
        Assert.NotEqual(ShippedSpec.Text, otherSpec);

        var clash = GeneratorHarness.Run(otherSpec, compilation: App(library));

        var warning = Assert.Single(clash.Diagnostics);
        Assert.Equal(("XERR110", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Contains(LibraryName, warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("XeroErrorsNamespace", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(clash.CompilationProblems(), d => d.Id == "CS0436"); // what the warning warns of

        var own = GeneratorHarness.Run(otherSpec, new Dictionary<string, string> { ["XeroErrorsNamespace"] = "App.Xero" }, App(library));

        Assert.Empty(own.Diagnostics);
        Assert.Empty(own.CompilationProblems());
        Assert.NotEmpty(own.Sources);
    }

    [Fact]
    public void ALibraryWithInternalTypesIsNoConcernOfTheApps()
    {
        var library = Library(ShippedSpec.Text, new Dictionary<string, string> { ["XeroErrorsAccessibility"] = "internal" });

        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: App(library));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal("Consumer", run.Output.GetTypeByMetadataName("XeroErrors.XeroBadRequestException")?.ContainingAssembly.Name);
    }

    [Fact]
    public void ThePublicTypesCarryTheMarkerAndInternalOnesDoNot()
    {
        var marker = $"[assembly: global::System.Reflection.AssemblyMetadata(\"XeroErrors.Generators.Spec\", \"XeroErrors Xero ";

        Assert.Contains(marker, GeneratorHarness.Run(ShippedSpec.Text).Source("XeroErrors.XeroResponseKind.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("AssemblyMetadata", GeneratorHarness.Run(ShippedSpec.Text, new Dictionary<string, string> { ["XeroErrorsAccessibility"] = "internal" }).Source("XeroErrors.XeroResponseKind.g.cs"), StringComparison.Ordinal);
    }

    /// <summary>The library, compiled with the generator's output, as a reference for the app.</summary>
    private static MetadataReference Library(string spec, IReadOnlyDictionary<string, string>? properties = null)
    {
        var run = GeneratorHarness.Run(spec, properties, GeneratorHarness.CreateCompilation().WithAssemblyName(LibraryName));
        Assert.Empty(run.Errors);
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static CSharpCompilation App(MetadataReference library) =>
        GeneratorHarness.CreateCompilation(AppSource, references: GeneratorHarness.References.Append(library));
}
