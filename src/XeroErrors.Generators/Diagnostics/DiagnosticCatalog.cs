using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>Looks descriptors up by id, for diagnostics carried as data through the pipeline.</summary>
internal static class DiagnosticCatalog
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    /// <summary>All descriptors, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = ById.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToArray();

    public static DiagnosticDescriptor Find(string id) =>
        ById.TryGetValue(id, out var descriptor) ? descriptor : DiagnosticDescriptors.InternalError;
}
