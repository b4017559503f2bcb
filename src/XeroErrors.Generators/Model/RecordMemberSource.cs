namespace XeroErrors.Generators.Model;

/// <summary>A record member's path relative to one item (<c>.</c> for the item itself, <c>$key</c> for the key that <c>{}</c> went through).</summary>
internal sealed record RecordMemberSource(string Member, BodyPathModel Path);
