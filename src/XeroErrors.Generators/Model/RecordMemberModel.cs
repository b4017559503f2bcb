namespace XeroErrors.Generators.Model;

/// <summary>A member of a record; a required one is a non-null <c>string</c>, and items without it are skipped.</summary>
internal sealed record RecordMemberModel(string Name, bool Required, string? Description);
