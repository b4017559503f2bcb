namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>bodies:</c>: what an error body looks like, how to recognise it and what to read from it.</summary>
/// <param name="Name">The name entries use in <c>body:</c>.</param>
/// <param name="Format">How the body is parsed.</param>
/// <param name="Root">For XML: the local name the root element must have; null for any.</param>
/// <param name="RequiredPaths">Paths that must each find a value for the body to fit the shape.</param>
/// <param name="Fields">What is read, in spec order.</param>
internal sealed record BodyShapeModel(
    string Name,
    BodyShapeFormat Format,
    string? Root,
    EquatableArray<string> RequiredPaths,
    EquatableArray<BodyFieldModel> Fields);

/// <summary>How a body of a shape is parsed.</summary>
internal enum BodyShapeFormat
{
    /// <summary>A JSON object or array (needs System.Text.Json).</summary>
    Json,

    /// <summary>An XML document, read with DTDs prohibited and nothing resolved.</summary>
    Xml,

    /// <summary>One line of plain text that is not markup.</summary>
    Text,

    /// <summary><c>application/x-www-form-urlencoded</c> pairs, such as OAuth 1.0a's <c>oauth_problem=...</c>.</summary>
    Form,
}

/// <summary>One field of a shape: a property of the exception, read from one or more paths into the body.</summary>
/// <param name="Property">The C# property it fills.</param>
/// <param name="Type">The property's type.</param>
/// <param name="Scope">Which exceptions have the property.</param>
/// <param name="Sources">Where its values come from, in order; list types gather from all of them.</param>
/// <param name="Pattern">For <see cref="BodyFieldType.String"/>: a regular expression whose first group (else the whole match) is the value; for <see cref="BodyFieldType.Bool"/>: true when it matches.</param>
/// <param name="Record">For <see cref="BodyFieldType.Records"/>: the record's name without the prefix.</param>
/// <param name="Description">The property's summary.</param>
internal sealed record BodyFieldModel(
    string Property,
    BodyFieldType Type,
    BodyFieldScope Scope,
    EquatableArray<BodyFieldSource> Sources,
    string? Pattern,
    string? Record,
    string? Description);

/// <summary>A path into the body and, for records, where each member is found relative to what the path found.</summary>
internal sealed record BodyFieldSource(string Path, EquatableArray<RecordMemberSource> Members);

/// <summary>A record member's path relative to one item (<c>.</c> for the item itself, <c>$key</c> for the key that <c>{}</c> went through).</summary>
internal sealed record RecordMemberSource(string Member, string Path);

/// <summary>The C# type of a field's property.</summary>
internal enum BodyFieldType
{
    /// <summary><c>string?</c>: the first value found.</summary>
    String,

    /// <summary><c>int?</c>: the first value found that is an integer.</summary>
    Int,

    /// <summary><c>bool</c>: a JSON true, or text that matches the pattern.</summary>
    Bool,

    /// <summary><c>IReadOnlyList&lt;string&gt;</c>: every value found.</summary>
    Strings,

    /// <summary><c>IReadOnlyDictionary&lt;string, IReadOnlyList&lt;string&gt;&gt;</c>: an object's keys and their messages.</summary>
    Map,

    /// <summary><c>IReadOnlyList&lt;{Prefix}{Record}&gt;</c>: one record per item found.</summary>
    Records,
}

/// <summary>Which exceptions have a field's property.</summary>
internal enum BodyFieldScope
{
    /// <summary>The exceptions of the entries whose <c>body:</c> lists the shape.</summary>
    Entry,

    /// <summary><c>{Prefix}ApiException</c>, so every kind has it, filled from whichever shape the body fits.</summary>
    Base,

    /// <summary>No property: read only to be quoted in the exception's message.</summary>
    Message,
}

/// <summary>One entry of <c>records:</c>: a small class with text members, for <see cref="BodyFieldType.Records"/> fields.</summary>
/// <param name="Name">The class name without the prefix.</param>
/// <param name="Members">Its members, in spec order.</param>
internal sealed record RecordModel(string Name, string? Description, EquatableArray<RecordMemberModel> Members);

/// <summary>A member of a record; a required one is a non-null <c>string</c>, and items without it are skipped.</summary>
internal sealed record RecordMemberModel(string Name, bool Required, string? Description);
