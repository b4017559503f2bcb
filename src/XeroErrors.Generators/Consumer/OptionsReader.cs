using System;
using Microsoft.CodeAnalysis.Diagnostics;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Consumer;

/// <summary>Reads the MSBuild options (declared as CompilerVisibleProperty) and applies them to a spec.</summary>
internal static class OptionsReader
{
    public static GeneratorOptions Read(AnalyzerConfigOptions options) => new(
        Get(options, GeneratorOptions.NamespaceProperty),
        Get(options, GeneratorOptions.AccessibilityProperty));

    /// <summary>
    /// The options' own diagnostics, once per project and without a file position: a bad MSBuild property is a
    /// mistake in the project file, not in any spec (a bad <c>namespace</c> written in a spec keeps its spec position).
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Diagnostics(GeneratorOptions options)
    {
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        if (options.Accessibility is { } accessibility && !IsInternal(accessibility) && !string.Equals(accessibility, "public", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, GeneratorOptions.AccessibilityProperty, YamlNodes.Quote(accessibility), "'public' or 'internal'"));
        }

        if (options.Namespace is { } ns && !Identifiers.IsValidNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNamespace, null, YamlNodes.Quote(ns), "the MSBuild property '" + GeneratorOptions.NamespaceProperty + "'"));
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>Applies the options to a spec's model; a bad value (reported by <see cref="Diagnostics"/>) is ignored, so the code still generates.</summary>
    public static SpecParseResult Apply(SpecParseResult result, GeneratorOptions options)
    {
        if (result.Model is not { } model)
        {
            return result;
        }

        var isPublic = options.Accessibility is not { } accessibility || !IsInternal(accessibility);
        var ns = options.Namespace is { } candidate && Identifiers.IsValidNamespace(candidate) ? candidate : model.Namespace;
        return result with { Model = model with { Namespace = ns, IsPublic = isPublic } };
    }

    private static bool IsInternal(string accessibility) => string.Equals(accessibility, "internal", StringComparison.OrdinalIgnoreCase);

    /// <summary>MSBuild passes an unset property as an empty string: treat both as "not set".</summary>
    private static string? Get(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
