namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>responses:</c>, checked.</summary>
internal sealed record ResponseModel
{
    /// <summary>The entry's <c>name:</c>, a C# identifier: its kind and, for an error, its exception.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The entry's <c>status:</c>, one or several HTTP status codes.</summary>
    public EquatableArray<int> Statuses { get; init; }

    public string Summary { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string? Notes { get; init; }

    public string? Example { get; init; }

    public string? Source { get; init; }

    public MatchModel Match { get; init; } = MatchModel.None;

    /// <summary><c>default: true</c>: the entry of a shared status that a response matching no other entry gets.</summary>
    public bool IsDefault { get; init; }

    /// <summary><c>body:</c>, the names of the body shapes its bodies may have, in the order they are tried.</summary>
    public EquatableArray<string> BodyShapes { get; init; }

    /// <summary><c>retry.transient</c>; null when the spec leaves it out and the status decides (408, 429 and 5xx are transient).</summary>
    public bool? Transient { get; init; }

    /// <summary><c>retry.after</c>, in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    public bool HasMatch => !Match.IsEmpty;
}
