namespace XeroErrors.Generators.Model;

/// <summary>One item of <c>message:</c>: fields quoted together, joined with ": " (for example an OAuth error and its description).</summary>
internal sealed record MessagePart(EquatableArray<string> Properties);
