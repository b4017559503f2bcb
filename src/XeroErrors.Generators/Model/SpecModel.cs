namespace XeroErrors.Generators.Model;

/// <summary>Everything the emitter needs from one spec file: plain data, no Roslyn objects, no positions.</summary>
/// <param name="Namespace">Namespace of the generated code, after the MSBuild override.</param>
/// <param name="Prefix">Prefix of every generated type name.</param>
/// <param name="IsPublic">Whether generated types are <c>public</c> (else <c>internal</c>).</param>
/// <param name="Responses">The entries in spec order; the enum follows this order.</param>
/// <param name="Headers">Response headers that become typed properties.</param>
/// <param name="Shapes">The body shapes entries use, in declaration order (built-in shapes after the spec's own).</param>
/// <param name="Records">The record classes the shapes' fields fill.</param>
/// <param name="Message">What the exception message quotes after the status: the first group whose first field has a value.</param>
internal sealed record SpecModel(
    string Namespace,
    string Prefix,
    bool IsPublic,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<HeaderModel> Headers,
    EquatableArray<BodyShapeModel> Shapes = default,
    EquatableArray<RecordModel> Records = default,
    EquatableArray<MessagePart> Message = default);

/// <summary>One item of <c>message:</c>: fields quoted together, joined with ": " (for example an OAuth error and its description).</summary>
internal sealed record MessagePart(EquatableArray<string> Properties);

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

/// <summary>A <c>match.fields</c> item: a JSON path that must find a value, one of <see cref="Values"/> when any are given.</summary>
internal sealed record FieldMatch(string Path, EquatableArray<string> Values);

/// <summary>A <c>match.header-values</c> item: a header whose value (trimmed, ignoring case) is one of <see cref="Values"/>.</summary>
internal sealed record HeaderValueMatch(string Header, EquatableArray<string> Values);

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
