using System.Collections.Generic;

namespace XeroErrors.Sample;

/// <summary>
/// One canned response of the replay server: the path that asks for it, what the server answers,
/// and the kind the generated classifier is expected to give it.
/// </summary>
/// <param name="Path">The request path that returns this response; unique within <see cref="ReplayCatalog.All"/>.</param>
/// <param name="StatusCode">The HTTP status code sent.</param>
/// <param name="ExpectedKind">The kind the spec says this response is.</param>
internal sealed record ReplayResponse(string Path, int StatusCode, XeroResponseKind ExpectedKind)
{
    /// <summary>The content type of a JSON body, the usual one.</summary>
    public const string Json = "application/json; charset=utf-8";

    /// <summary>The content type of the plain-text bodies Xero's gateway sends.</summary>
    public const string PlainText = "text/plain; charset=utf-8";

    /// <summary>The body sent, or null for none.</summary>
    public string? Body { get; init; }

    /// <summary>The Content-Type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = Json;

    /// <summary>Headers sent besides Xero-Correlation-Id, which the server adds to every response.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
