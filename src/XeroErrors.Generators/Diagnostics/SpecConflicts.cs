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
/// <param name="LosingSpecs">The file paths of the specs that generate nothing: an earlier one owns a type they would generate, or a referenced assembly holds their types.</param>
/// <param name="UngovernedSpecs">
/// The file paths of specs whose rate limits generate nothing (XERR113): an earlier spec declares them too, and the
/// limits are the application's, so one governor keeps them.
/// </param>
internal sealed record SpecConflicts(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> LosingSpecs, EquatableArray<string> UngovernedSpecs = default)
{
    /// <summary>
    /// The first spec to generate a type keeps it. File names of generated code are compared ignoring case, so type
    /// names are too.
    /// </summary>
    /// <remarks>
    /// A spec whose public types a referenced assembly holds already, generated from what the same spec says, generates
    /// nothing (XERR109): the project uses that assembly's types, so one exception type is caught in both. From a
    /// different spec, it still generates, and XERR110 says that the two sets of types share their names.
    /// </remarks>
    public static SpecConflicts Find(ImmutableArray<SpecIdentity> specs, EquatableArray<ReferencedSpec> referenced)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var losers = new List<string>();
        var claimed = new Dictionary<string, SpecIdentity>(StringComparer.OrdinalIgnoreCase);
        var ungoverned = new List<string>();
        SpecIdentity? governing = null;
        foreach (var spec in specs)
        {
            var holder = spec.IsPublic
                ? referenced.FirstOrDefault(r => string.Equals(r.Namespace, spec.Namespace, StringComparison.Ordinal) && string.Equals(r.Prefix, spec.Prefix, StringComparison.Ordinal))
                : null;
            if (holder is not null)
            {
                var same = string.Equals(holder.Fingerprint, spec.Fingerprint, StringComparison.Ordinal);
                diagnostics.Add(DiagnosticInfo.Create(
                    same ? DiagnosticDescriptors.SpecTypesReferenced : DiagnosticDescriptors.SpecTypesClashWithReference,
                    SpecLocation.FileStart(spec.FilePath),
                    Path.GetFileName(spec.FilePath),
                    holder.Assembly,
                    spec.Namespace,
                    spec.Prefix));
                if (same)
                {
                    losers.Add(spec.FilePath);
                    continue;
                }
            }

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

            if (spec.DeclaresRateLimits && governing is not null)
            {
                ungoverned.Add(spec.FilePath);
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RateLimitsDeclaredTwice,
                    SpecLocation.FileStart(spec.FilePath),
                    Path.GetFileName(spec.FilePath),
                    Path.GetFileName(governing.FilePath),
                    governing.Prefix));
            }
            else if (spec.DeclaresRateLimits)
            {
                governing = spec;
            }
        }

        return new SpecConflicts(diagnostics.ToEquatableArray(), losers.ToEquatableArray(), ungoverned.ToEquatableArray());
    }
}
