using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Consumer;

/// <summary>
/// Finds the referenced assemblies that hold types this generator made (a company's shared Xero client library), by
/// the <c>AssemblyMetadata</c> marker it writes beside each public spec's types.
/// </summary>
internal static class ReferencedSpecsReader
{
    public static EquatableArray<ReferencedSpec> Read(Compilation compilation)
    {
        List<ReferencedSpec>? found = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            // The framework's own assemblies hold no generated Xero types; skipping them keeps this cheap on every edit.
            var name = assembly.Identity.Name;
            if (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard")
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (Marker(attribute) is { } value && Parse(name, value) is { } spec)
                {
                    (found ??= new List<ReferencedSpec>()).Add(spec);
                }
            }
        }

        return found is null ? EquatableArray<ReferencedSpec>.Empty : found.ToEquatableArray();
    }

    private static string? Marker(AttributeData attribute) =>
        attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } type
        && type.ContainingNamespace?.ToDisplayString() == "System.Reflection"
        && attribute.ConstructorArguments.Length == 2
        && attribute.ConstructorArguments[0].Value is GeneratedNames.SpecMarkerKey
            ? attribute.ConstructorArguments[1].Value as string
            : null;

    private static ReferencedSpec? Parse(string assembly, string value)
    {
        var parts = value.Split(' ');
        return parts.Length == 3 ? new ReferencedSpec(assembly, parts[0], parts[1], parts[2]) : null;
    }
}
