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
    EquatableArray<BodyPathModel> RequiredPaths,
    EquatableArray<BodyFieldModel> Fields);
