using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>The types a spec generates; two specs that would generate the same type (ignoring case) collide.</summary>
internal sealed record SpecIdentity(string FilePath, EquatableArray<string> TypeNames)
{
    public static SpecIdentity Of(string filePath, SpecModel model) => new(filePath, Emitter.TypeNames(model).ToEquatableArray());

    /// <summary>XERR021 for each spec that would generate a type an earlier spec already generates.</summary>
    public static IEnumerable<DiagnosticInfo> Collisions(ImmutableArray<SpecIdentity> specs)
    {
        foreach (var (spec, owner, type) in Conflicts(specs))
        {
            yield return DiagnosticInfo.Create(
                DiagnosticDescriptors.DuplicateGeneratedTypes,
                SpecLocation.FileStart(spec.FilePath),
                Path.GetFileName(owner.FilePath),
                Path.GetFileName(spec.FilePath),
                type);
        }
    }

    /// <summary>
    /// The specs that lose a collision, in order: the first spec to generate a type keeps it. File names of generated
    /// code are compared ignoring case, so type names are too.
    /// </summary>
    public static IEnumerable<(SpecIdentity Spec, SpecIdentity Owner, string Type)> Conflicts(IEnumerable<SpecIdentity> specs)
    {
        var claimed = new Dictionary<string, SpecIdentity>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            var clash = spec.TypeNames.FirstOrDefault(claimed.ContainsKey);
            if (clash is not null)
            {
                yield return (spec, claimed[clash], clash);
                continue;
            }

            foreach (var type in spec.TypeNames)
            {
                claimed[type] = spec;
            }
        }
    }
}
