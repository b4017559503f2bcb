namespace XeroErrors.Generators.Model;

/// <summary>
/// The names of the types and files the generator writes, as suffixes of the spec's <c>prefix</c>: the one place both
/// the spec's checks (a header's enum must not take one of these names) and the emitters read them from.
/// </summary>
internal static class GeneratedNames
{
    public const string Kind = "ResponseKind";
    public const string Classification = "ResponseClassification";
    public const string Headers = "ResponseHeaders";
    public const string Classifier = "ResponseClassifier";
    public const string Exception = "ApiException";
    public const string Bodies = "ResponseBodies";
    public const string Handler = "ErrorHandler";
    public const string Retry = "RetryStrategy";
    public const string RateLimits = "RateLimits";
    public const string RateLimitOptions = "RateLimitOptions";
    public const string RateLimitEventArgs = "RateLimitEventArgs";
    public const string RateLimitHandler = "RateLimitHandler";

    /// <summary>The file that holds one exception subclass per error entry.</summary>
    public const string ExceptionsFile = "Exceptions";

    /// <summary>What an error entry's exception type ends with: <c>{Prefix}{Name}Exception</c>.</summary>
    public const string EntryExceptionSuffix = "Exception";

    /// <summary>Every fixed type or file name above, for checks against clashes.</summary>
    public static readonly string[] FixedSuffixes = { Kind, Classification, Headers, Classifier, Exception, Bodies, Handler, Retry, ExceptionsFile, RateLimits, RateLimitOptions, RateLimitEventArgs, RateLimitHandler };

    /// <summary>The files the classifier is split into beyond its own: <c>{Classifier}.{part}.g.cs</c>.</summary>
    public static class ClassifierParts
    {
        public const string Http = "Http";
        public const string Refit = "Refit";
        public const string Flurl = "Flurl";
        public const string RestSharp = "RestSharp";
        public const string XeroSdk = "XeroSdk";

        public static readonly string[] All = { Http, Refit, Flurl, RestSharp, XeroSdk };
    }

    /// <summary>The key of the <c>AssemblyMetadata</c> attribute that marks an assembly as holding a spec's public types.</summary>
    public const string SpecMarkerKey = "XeroErrors.Generators.Spec";

    /// <summary>The marker's value: the namespace, the prefix and the spec's fingerprint, separated by spaces (none of them has one).</summary>
    public static string SpecMarkerValue(string ns, string prefix, string fingerprint) => ns + " " + prefix + " " + fingerprint;

    /// <summary>An error entry's exception type: <c>XeroNotFoundException</c> for prefix Xero and entry NotFound.</summary>
    public static string EntryException(string prefix, string entryName) => prefix + entryName + EntryExceptionSuffix;
}
