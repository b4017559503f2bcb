using System.Collections.Generic;
using System.IO;
using System.Linq;
using XeroErrors.Generators.Consumer;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>Diagnostics that depend on what the consumer's compilation lacks, or has in a version too old.</summary>
internal static class CapabilityDiagnostics
{
    public static EquatableArray<DiagnosticInfo> Add(SpecParseResult result, ConsumerCapabilities capabilities)
    {
        if (result.Model is null)
        {
            return result.Diagnostics;
        }

        var warnings = new List<DiagnosticInfo>();
        if (MachineryLibrary.IsTooOld(capabilities.MachineryLibraryVersion))
        {
            warnings.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MachineryLibraryTooOld, SpecLocation.FileStart(result.FilePath), capabilities.MachineryLibraryVersion!, MachineryLibrary.Required, Path.GetFileName(result.FilePath)));
        }

        if (!capabilities.HasSystemTextJson)
        {
            warnings.AddRange(result.BodyUses.Select(use => DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingSystemTextJson,
                use.Location,
                use.Entry,
                use.Format)));
        }

        if (!capabilities.HasRateLimiting && result.RateLimitsAt is { } rateLimits)
        {
            warnings.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingRateLimiting, rateLimits, Path.GetFileName(result.FilePath), result.Model.Prefix));
        }

        return warnings.Count == 0 ? result.Diagnostics : result.Diagnostics.Concat(warnings).ToEquatableArray();
    }
}
