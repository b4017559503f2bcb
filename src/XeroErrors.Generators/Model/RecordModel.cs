namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>records:</c>: a small class with text members, for <see cref="BodyFieldType.Records"/> fields.</summary>
/// <param name="Name">The class name without the prefix.</param>
/// <param name="Description">The spec's words for it, for the class's docs.</param>
/// <param name="Members">Its members, in spec order.</param>
internal sealed record RecordModel(string Name, string? Description, EquatableArray<RecordMemberModel> Members);
