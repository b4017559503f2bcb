using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>The names a spec generates under; two specs with the same ones would define the same types.</summary>
internal sealed record SpecIdentity(string FilePath, string Namespace, string Prefix)
{
    public static IEnumerable<DiagnosticInfo> Collisions(ImmutableArray<SpecIdentity> specs)
    {
        var seen = new Dictionary<(string, string), SpecIdentity>();
        foreach (var spec in specs)
        {
            var key = (spec.Namespace, spec.Prefix);
            if (seen.TryGetValue(key, out var first))
            {
                yield return DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateGeneratedTypes,
                    SpecLocation.FileStart(spec.FilePath),
                    Path.GetFileName(first.FilePath),
                    Path.GetFileName(spec.FilePath),
                    spec.Namespace,
                    spec.Prefix);
            }
            else
            {
                seen.Add(key, spec);
            }
        }
    }
}
