using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Spec;

/// <summary>What reading one spec file gave: a model when it has no errors, and its diagnostics.</summary>
/// <param name="FilePath">The spec's path, as the compiler knows it.</param>
/// <param name="Model">What is valid of the spec (all of it when there is no error); null only for an empty file.</param>
/// <param name="Diagnostics">Errors and warnings, with positions in the spec.</param>
/// <param name="BodyUses">Where entries ask for a JSON body format, to point a warning there when System.Text.Json is missing.</param>
/// <param name="RateLimitsAt">Where the spec declares the rate limits its model keeps, to point a warning there when System.Threading.RateLimiting is missing.</param>
internal sealed record SpecParseResult(string FilePath, SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<BodyUse> BodyUses, SpecLocation? RateLimitsAt = null);
