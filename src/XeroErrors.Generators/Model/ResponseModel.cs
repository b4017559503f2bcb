namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>responses:</c>.</summary>
/// <remarks><see cref="Transient"/> is null when the spec leaves it out: the status decides (408, 429 and 5xx are transient).</remarks>
internal sealed record ResponseModel(
    string Name,
    EquatableArray<int> Statuses,
    string Summary,
    string? Description,
    string? Notes,
    string? Example,
    string? Source,
    EquatableArray<string> BodyMarkers,
    EquatableArray<string> HeaderMarkers,
    bool IsDefault,
    EquatableArray<string> BodyShapes,
    bool? Transient,
    int? RetryAfterSeconds,
    EquatableArray<FieldMatch> FieldMarkers = default,
    EquatableArray<HeaderValueMatch> HeaderValueMarkers = default)
{
    public bool HasMatch => !BodyMarkers.IsEmpty || !HeaderMarkers.IsEmpty || !FieldMarkers.IsEmpty || !HeaderValueMarkers.IsEmpty;
}
