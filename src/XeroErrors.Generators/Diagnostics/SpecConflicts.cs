using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>
/// Which specs lose a clash over a generated type, and the XERR021 for each: worked out once, then read by both the
/// diagnostics output and the source output.
/// </summary>
/// <param name="Diagnostics">One XERR021 per losing spec.</param>
/// <param name="LosingSpecs">The file paths of the specs that generate nothing because an earlier one owns a type they would generate.</param>
internal sealed record SpecConflicts(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> LosingSpecs)
{
    /// <summary>
    /// The first spec to generate a type keeps it. File names of generated code are compared ignoring case, so type
    /// names are too.
    /// </summary>
    public static SpecConflicts Find(ImmutableArray<SpecIdentity> specs)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var losers = new List<string>();
        var claimed = new Dictionary<string, SpecIdentity>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            var clash = spec.TypeNames.FirstOrDefault(claimed.ContainsKey);
            if (clash is not null)
            {
                losers.Add(spec.FilePath);
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateGeneratedTypes,
                    SpecLocation.FileStart(spec.FilePath),
                    Path.GetFileName(claimed[clash].FilePath),
                    Path.GetFileName(spec.FilePath),
                    clash));
                continue;
            }

            foreach (var type in spec.TypeNames)
            {
                claimed[type] = spec;
            }
        }

        return new SpecConflicts(diagnostics.ToEquatableArray(), losers.ToEquatableArray());
    }
}
