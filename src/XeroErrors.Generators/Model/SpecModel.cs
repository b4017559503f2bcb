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
/// <param name="RequestHeaders">Request headers the exception records, next to the request's method and path.</param>
/// <param name="RateLimits">The limits the generated governor keeps (<c>rate_limits:</c>); null when the spec declares none.</param>
/// <param name="Fingerprint">What the spec says as a short hash (<see cref="Spec.SpecFingerprint"/>): the generated code carries it, so that another assembly can tell it holds the same types.</param>
internal sealed record SpecModel(
    string Namespace,
    string Prefix,
    bool IsPublic,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<HeaderModel> Headers,
    EquatableArray<BodyShapeModel> Shapes = default,
    EquatableArray<RecordModel> Records = default,
    EquatableArray<MessagePart> Message = default,
    EquatableArray<RequestHeaderModel> RequestHeaders = default,
    string Fingerprint = "",
    RateLimitsModel? RateLimits = null);
