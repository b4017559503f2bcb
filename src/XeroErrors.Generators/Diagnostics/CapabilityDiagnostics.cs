using System.Linq;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>Warnings that depend on what the consumer's compilation lacks.</summary>
internal static class CapabilityDiagnostics
{
    public static EquatableArray<DiagnosticInfo> Add(SpecParseResult result, ConsumerCapabilities capabilities)
    {
        if (capabilities.HasSystemTextJson || result.Model is null || result.BodyUses.IsEmpty)
        {
            return result.Diagnostics;
        }

        var warnings = result.BodyUses.Select(use => DiagnosticInfo.Create(
            DiagnosticDescriptors.MissingSystemTextJson,
            use.Location,
            use.Entry,
            use.Format));
        return result.Diagnostics.Concat(warnings).ToEquatableArray();
    }
}
