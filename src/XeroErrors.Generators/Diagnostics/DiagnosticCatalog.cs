using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>Every descriptor the generator reports, for the docs and tests that check each id is documented and tested.</summary>
internal static class DiagnosticCatalog
{
    /// <summary>All descriptors, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, System.StringComparer.Ordinal)
        .ToArray();

    public static DiagnosticDescriptor Find(string id) => All.Single(d => d.Id == id);

    /// <summary>
    /// Ids the package's build targets report (build/XeroErrors.Generators.props), which release tracking cannot see:
    /// listed here so that no descriptor takes one.
    /// </summary>
    public static IReadOnlyList<string> BuildTargetIds { get; } = ["XERR114"];
}
