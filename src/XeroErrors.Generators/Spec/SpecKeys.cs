namespace XeroErrors.Generators.Spec;

/// <summary>The keys a spec may use, per mapping; anything else gets warning XERR100.</summary>
internal static class SpecKeys
{
    public static readonly string[] Root = { "namespace", "prefix", "source", "description", "headers", "responses" };
    public static readonly string[] Response = { "name", "status", "summary", "description", "notes", "example", "source", "match", "default", "body", "retry" };
    public static readonly string[] Match = { "body", "headers" };
    public static readonly string[] Retry = { "transient", "after" };
    public static readonly string[] Header = { "name", "property", "type", "description", "source", "values", "message" };
    public static readonly string[] HeaderValue = { "value", "member", "description", "transient" };

    public const string DefaultNamespace = "XeroErrors";
    public const string DefaultPrefix = "Xero";
}
