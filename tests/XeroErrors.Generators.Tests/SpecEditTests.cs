using System.Reflection;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>Editing the spec regenerates the types: what a user does to add a status.</summary>
public class SpecEditTests
{
    private const string MethodNotAllowedEntry = """

          - name: MethodNotAllowed
            status: 405
            summary: Method Not Allowed
            description: The endpoint does not take this method.

        """;

    [Fact]
    public void AddingA405EntryAddsTheKindAndTheException()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text.TrimEnd() + "\n" + MethodNotAllowedEntry);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var assembly = run.Load();
        var kindType = assembly.GetType("XeroErrors.XeroResponseKind")!;
        var added = Enum.Parse(kindType, "MethodNotAllowed");
        var exceptionType = assembly.GetType("XeroErrors.XeroMethodNotAllowedException");
        Assert.NotNull(exceptionType);
        Assert.True(exceptionType.IsSubclassOf(assembly.GetType("XeroErrors.XeroApiException")!));

        var classifier = assembly.GetType("XeroErrors.XeroResponseClassifier")!;
        var classification = classifier.GetMethod("Classify", [typeof(int), typeof(string)])!.Invoke(null, [405, "not allowed"])!;
        Assert.Equal(added, classification.GetType().GetProperty("Kind")!.GetValue(classification));
        Assert.Equal("Method Not Allowed", classification.GetType().GetProperty("Summary")!.GetValue(classification));

        var thrown = Assert.Throws<TargetInvocationException>(() => classifier.GetMethod("EnsureSuccess", [typeof(int), typeof(string)])!.Invoke(null, [405, "not allowed"]));
        Assert.IsType(exceptionType, thrown.InnerException);
    }

    [Fact]
    public void TwoSpecFilesInOneProjectEachGetTheirOwnTypes()
    {
        const string accounting = """
            namespace: Contoso.Accounting
            prefix: Accounting
            responses:
              - name: ValidationError
                status: 400
                summary: Validation Error
                body: validation
            """;

        var run = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/project/spec/errors.yaml", ShippedSpec.Text),
            new InMemoryAdditionalText("/project/spec/accounting.errors.yaml", accounting),
        ]);

        // The second spec reads its bodies with the built-in 'validation' shape, which is a warning, not a clash.
        Assert.Equal("XERR108", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompilationProblems());
        Assert.NotNull(run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Contoso.Accounting.AccountingValidationErrorException"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Contoso.Accounting.AccountingErrorHandler"));
    }
}
