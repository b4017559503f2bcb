namespace XeroErrors.Generators.Model;

/// <summary>Everything the emitter needs from one spec file: plain data, no Roslyn objects, no positions.</summary>
/// <param name="Namespace">Namespace of the generated code, after the MSBuild override.</param>
/// <param name="Prefix">Prefix of every generated type name.</param>
/// <param name="IsPublic">Whether generated types are <c>public</c> (else <c>internal</c>).</param>
/// <param name="Responses">The entries in spec order; the enum follows this order.</param>
/// <param name="Headers">Response headers that become typed properties.</param>
internal sealed record SpecModel(
    string Namespace,
    string Prefix,
    bool IsPublic,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<HeaderModel> Headers);

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
    BodyFormat Body,
    bool? Transient,
    int? RetryAfterSeconds)
{
    public bool HasMatch => !BodyMarkers.IsEmpty || !HeaderMarkers.IsEmpty;
}

/// <summary>How the body of a response is parsed into exception properties.</summary>
internal enum BodyFormat
{
    /// <summary>Kept as text only.</summary>
    None,

    /// <summary><c>{"message": ..., "modelState": {...}}</c>.</summary>
    Validation,

    /// <summary>A JSON problem body: <c>{"Type", "Title", "Status", "Detail", "Instance"}</c>.</summary>
    Problem,
}

/// <summary>One entry of <c>headers:</c>.</summary>
/// <param name="InMessage">Quote the header's value in exception messages (<c>message: true</c>), as for a correlation id.</param>
internal sealed record HeaderModel(
    string Name,
    string Property,
    HeaderType Type,
    string? Description,
    EquatableArray<HeaderValueModel> Values,
    bool InMessage = false);

/// <summary>The C# type a header becomes.</summary>
internal enum HeaderType
{
    /// <summary><c>string?</c>, the first value as sent.</summary>
    String,

    /// <summary><c>int?</c>; null when absent or not an integer.</summary>
    Int,

    /// <summary><c>TimeSpan?</c> from delta-seconds or an HTTP date; feeds <c>RetryAfter</c>.</summary>
    Delay,

    /// <summary>A generated enum of the listed values, plus the raw text.</summary>
    Enum,
}

/// <summary>A value of an <see cref="HeaderType.Enum"/> header.</summary>
/// <param name="Transient">False when a response carrying this value must not be retried.</param>
internal sealed record HeaderValueModel(string Value, string Member, string? Description, bool? Transient);
