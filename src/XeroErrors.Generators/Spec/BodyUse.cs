using XeroErrors.Generators.Diagnostics;

namespace XeroErrors.Generators.Spec;

/// <summary>An entry's <c>body: validation</c> or <c>body: problem</c>, and where it is.</summary>
internal sealed record BodyUse(string Entry, string Format, SpecLocation Location);
