namespace XeroErrors.Generators.Spec;

/// <summary>The keys a spec may use, per mapping; anything else gets warning XERR100.</summary>
internal static class SpecKeys
{
    public static readonly string[] Root = { "namespace", "prefix", "source", "description", "headers", "request_headers", "rate_limits", "records", "bodies", "message", "responses" };
    public static readonly string[] Response = { "name", "status", "summary", "description", "notes", "example", "source", "match", "default", "body", "retry" };
    public static readonly string[] Match = { "body", "headers", "fields", "header-values" };
    public static readonly string[] FieldMatch = { "path", "value", "values" };
    public static readonly string[] HeaderValueMatch = { "name", "value", "values" };
    public static readonly string[] BodyShape = { "name", "format", "description", "source", "when", "fields" };
    public static readonly string[] BodyShapeWhen = { "fields", "root" };
    public static readonly string[] BodyField = { "property", "type", "scope", "path", "paths", "from", "pattern", "record", "description" };

    /// <summary>
    /// The field key <c>scope</c> was first spelled <c>on</c>, which YAML 1.1 readers take for the boolean true. It is
    /// still read, with warning XERR111.
    /// </summary>
    public const string BodyFieldScopeBeforeRename = "on";

    public static readonly string[] BodyFieldSource = { "path", "members" };
    public static readonly string[] Record = { "name", "description", "members" };
    public static readonly string[] RecordMember = { "name", "required", "description" };
    public static readonly string[] Retry = { "transient", "after" };
    public static readonly string[] Header = { "name", "property", "type", "description", "source", "values", "message" };
    public static readonly string[] HeaderValue = { "value", "member", "description", "transient", "message" };
    public static readonly string[] RequestHeader = { "name", "property", "description", "source" };
    public static readonly string[] RateLimits = { "status", "problem_header", "limits" };
    public static readonly string[] RateLimit = { "name", "scope", "in_progress", "calls", "window", "remaining_header", "problem", "when_reached", "description", "source" };

    public const string DefaultNamespace = "XeroErrors";
    public const string DefaultPrefix = "Xero";
}
