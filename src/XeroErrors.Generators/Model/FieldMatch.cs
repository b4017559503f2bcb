namespace XeroErrors.Generators.Model;

/// <summary>A <c>match.fields</c> item: a JSON path that must find a value, one of <see cref="Values"/> when any are given.</summary>
internal sealed record FieldMatch(BodyPathModel Path, EquatableArray<string> Values);
