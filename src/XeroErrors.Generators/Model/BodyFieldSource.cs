namespace XeroErrors.Generators.Model;

/// <summary>A path into the body and, for records, where each member is found relative to what the path found.</summary>
internal sealed record BodyFieldSource(BodyPathModel Path, EquatableArray<RecordMemberSource> Members);
