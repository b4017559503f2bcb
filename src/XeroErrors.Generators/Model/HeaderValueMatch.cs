namespace XeroErrors.Generators.Model;

/// <summary>A <c>match.header-values</c> item: a header whose value (trimmed, ignoring case) is one of <see cref="Values"/>.</summary>
internal sealed record HeaderValueMatch(string Header, EquatableArray<string> Values);
