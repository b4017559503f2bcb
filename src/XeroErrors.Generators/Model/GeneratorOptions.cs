namespace XeroErrors.Generators.Model;

/// <summary>MSBuild properties the consumer set, as raw text; validated where they are used.</summary>
/// <param name="Namespace"><c>XeroErrorsNamespace</c>: overrides the spec's <c>namespace</c>.</param>
/// <param name="Accessibility"><c>XeroErrorsAccessibility</c>: <c>public</c> (default) or <c>internal</c>.</param>
internal sealed record GeneratorOptions(string? Namespace, string? Accessibility)
{
    public const string NamespaceProperty = "XeroErrorsNamespace";
    public const string AccessibilityProperty = "XeroErrorsAccessibility";

    public static readonly GeneratorOptions Default = new(null, null);
}
