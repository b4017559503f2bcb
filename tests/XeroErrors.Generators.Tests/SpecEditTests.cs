using System.Reflection;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>Editing the spec regenerates the types: what a user does to add a status.</summary>
public class SpecEditTests
{
    private const string ConflictEntry = """

          - name: Conflict
            status: 409
            summary: Conflict
            description: The project was changed by someone else.

        """;

    [Fact]
    public void AddingA409EntryAddsTheKindAndTheException()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text.TrimEnd() + "\n" + ConflictEntry);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var assembly = run.Load();
        var kindType = assembly.GetType("XeroErrors.XeroResponseKind")!;
        var conflict = Enum.Parse(kindType, "Conflict");
        var exceptionType = assembly.GetType("XeroErrors.XeroConflictException");
        Assert.NotNull(exceptionType);
        Assert.True(exceptionType.IsSubclassOf(assembly.GetType("XeroErrors.XeroApiException")!));

        var classifier = assembly.GetType("XeroErrors.XeroResponseClassifier")!;
        var classification = classifier.GetMethod("Classify", [typeof(int), typeof(string)])!.Invoke(null, [409, "conflict"])!;
        Assert.Equal(conflict, classification.GetType().GetProperty("Kind")!.GetValue(classification));
        Assert.Equal("Conflict", classification.GetType().GetProperty("Summary")!.GetValue(classification));

        var thrown = Assert.Throws<TargetInvocationException>(() => classifier.GetMethod("EnsureSuccess", [typeof(int), typeof(string)])!.Invoke(null, [409, "conflict"]));
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

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.NotNull(run.Output.GetTypeByMetadataName("XeroErrors.XeroResponseKind"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Contoso.Accounting.AccountingValidationErrorException"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Contoso.Accounting.AccountingErrorHandler"));
    }
}
