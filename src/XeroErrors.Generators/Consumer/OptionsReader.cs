using System;
using System.Linq;
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

    public static SpecParseResult Apply(SpecParseResult result, GeneratorOptions options)
    {
        var diagnostics = result.Diagnostics.ToList();
        var model = result.Model;
        var at = SpecLocation.FileStart(result.FilePath);

        var isPublic = true;
        if (options.Accessibility is { } accessibility)
        {
            if (string.Equals(accessibility, "internal", StringComparison.OrdinalIgnoreCase))
            {
                isPublic = false;
            }
            else if (!string.Equals(accessibility, "public", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, at, GeneratorOptions.AccessibilityProperty, YamlNodes.Quote(accessibility), "'public' or 'internal'"));
            }
        }

        var ns = options.Namespace;
        if (ns is not null && !Identifiers.IsValidNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNamespace, at, YamlNodes.Quote(ns), "the MSBuild property '" + GeneratorOptions.NamespaceProperty + "'"));
            ns = null;
        }

        // A bad option is reported and ignored: the build fails on the error, and the code still generates.
        if (model is not null)
        {
            model = model with { Namespace = ns ?? model.Namespace, IsPublic = isPublic };
        }

        return result with { Model = model, Diagnostics = diagnostics.ToEquatableArray() };
    }

    /// <summary>MSBuild passes an unset property as an empty string: treat both as "not set".</summary>
    private static string? Get(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
