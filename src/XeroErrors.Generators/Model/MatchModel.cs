namespace XeroErrors.Generators.Model;

/// <summary>
/// An entry's <c>match:</c>, what tells it apart from the other entries of its status. Every condition must hold; an
/// entry without any is its status's default (or its status's only entry).
/// </summary>
internal sealed record MatchModel
{
    public static readonly MatchModel None = new();

    /// <summary><c>match.body</c>: texts the body contains, ignoring case.</summary>
    public EquatableArray<string> BodyTexts { get; init; }

    /// <summary><c>match.headers</c>: response headers that are present.</summary>
    public EquatableArray<string> Headers { get; init; }

    /// <summary><c>match.fields</c>: JSON paths that have a value (one of the given values, when any are given).</summary>
    public EquatableArray<FieldMatch> Fields { get; init; }

    /// <summary><c>match.header-values</c>: response headers with one of the given values.</summary>
    public EquatableArray<HeaderValueMatch> HeaderValues { get; init; }

    public bool IsEmpty => BodyTexts.IsEmpty && Headers.IsEmpty && Fields.IsEmpty && HeaderValues.IsEmpty;
}
