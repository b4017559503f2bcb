using System.Linq;

namespace XeroErrors.Generators.Model;

/// <summary>
/// The members the generated types have whatever the spec says: the one catalogue the spec checks read, so that a
/// header, request-header or body-field property, or a rate limit's name, that would collide with one is refused
/// (XERR019, XERR022, XERR025, XERR027) rather than generating code that does not compile. A test compares it with the
/// members of the generated types.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>What every exception has from <c>System.Exception</c> and <c>object</c>.</summary>
    public static readonly string[] OfSystemException =
    {
        "Message", "Data", "Source", "HelpLink", "HResult", "InnerException", "StackTrace", "TargetSite",
        "Equals", "GetHashCode", "ToString", "GetType", "GetBaseException", "GetObjectData",
    };

    /// <summary>
    /// <c>{Prefix}ApiException</c>'s own members, but <c>RetryAfter</c>, which the delay header fills. <c>Truncate</c>,
    /// <c>FormatWait</c>, <c>AppendUnit</c>, <c>DescribeRequest</c> and <c>FindWithin</c> moved to the machinery and stay
    /// reserved, as the headers' do below.
    /// </summary>
    public static readonly string[] OfApiException =
    {
        "Kind", "StatusCode", "IsTransient", "ResponseBody", "Summary", "Classification", "Headers",
        "MaxResponseBodyLength", "MaxDetailsLength", "Truncate", "BuildMessage", "BuildAdvice", "FormatWait", "AppendUnit",
        "RequestMethod", "RequestPath", "RecordRequest", "DescribeRequest", "Find", "FindWithin", "WithInnerException",
        "_refusedLocally", "RefuseLocally",
    };

    /// <summary>The property a <c>type: delay</c> header fills on the classification and the exception.</summary>
    public const string RetryAfter = "RetryAfter";

    /// <summary><c>{Prefix}ResponseClassification</c>'s own members, but <see cref="RetryAfter"/>.</summary>
    public static readonly string[] OfClassification = { "Kind", "StatusCode", "IsSuccess", "IsTransient", "IsError", "Summary", "Headers" };

    /// <summary>
    /// <c>{Prefix}ResponseHeaders</c>' own members. <c>ParseInt</c>, <c>ParseDelay</c>, <c>TryParseHttpDate</c> and
    /// <c>MaxDelaySeconds</c> moved to the machinery, and stay reserved so that no spec that was refused is now accepted
    /// with a name a later version may need again.
    /// </summary>
    public static readonly string[] OfHeaders =
    {
        "Reader", "FromPairs", "FromHttpHeaders", "Build", "Add", "ParseInt", "ParseDelay", "TryParseHttpDate", "MaxDelaySeconds",
    };

    /// <summary>
    /// The members the generated <c>{Prefix}ResponseBodies.BodyValues</c> had, which a body field's property would have
    /// collided with. The values are the machinery's now, with a slot per field instead of a member, and the names stay
    /// reserved so that no spec that was refused is now accepted with a name a later version may need again.
    /// </summary>
    public static readonly string[] OfBodyValues = { "MaxItems", "Empty", "Describe", "Join", "List", "Map" };

    /// <summary>
    /// The properties of the built-in body shapes (<c>validation</c>, <c>problem</c>), kept for specs written before
    /// <c>bodies:</c> (XERR108): a header must not take them, whether or not the spec uses those shapes.
    /// </summary>
    public static readonly string[] OfBuiltInShapes = { "ValidationMessage", "ModelState", "Title", "Detail", "DetailCode", "IsTokenExpired", "ProblemType" };

    /// <summary>
    /// The members of the generated rate-limit options besides one property per limit, and <c>object</c>'s: what a
    /// limit's <c>name:</c> must not be (XERR027).
    /// </summary>
    public static readonly string[] OfRateLimitOptions =
    {
        "TimeProvider", "MaxWait", "QueueLimit", "WindowMargin", "ProbeInterval",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone",
    };

    /// <summary>What a response header's property must not be named: it goes on the classification, the headers and the exception.</summary>
    public static readonly string[] ReservedForHeaders =
        OfClassification.Concat(OfSystemException).Concat(OfApiException).Concat(OfHeaders).Concat(OfBuiltInShapes).Distinct().ToArray();

    /// <summary>What a body field's property must not be named: it goes on the exception and the body values.</summary>
    public static readonly string[] ReservedForBodyFields =
        OfApiException.Concat(OfSystemException).Append(RetryAfter).Concat(OfBodyValues).Distinct().ToArray();
}
