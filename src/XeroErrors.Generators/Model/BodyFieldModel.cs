namespace XeroErrors.Generators.Model;

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
