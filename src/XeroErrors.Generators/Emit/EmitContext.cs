using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>The names and switches every emitter shares for one spec.</summary>
internal sealed class EmitContext
{
    public EmitContext(SpecModel spec, ConsumerCapabilities capabilities, string specFileName)
    {
        Spec = spec;
        Capabilities = capabilities;
        SpecFileName = specFileName;
        Access = spec.IsPublic ? "public" : "internal";
        var p = spec.Prefix;
        KindType = p + "ResponseKind";
        ClassificationType = p + "ResponseClassification";
        HeadersType = p + "ResponseHeaders";
        ClassifierType = p + "ResponseClassifier";
        ExceptionType = p + "ApiException";
        BodiesType = p + "ResponseBodies";
        HandlerType = p + "ErrorHandler";
        RetryType = p + "RetryStrategy";
        ExceptionsFile = p + "Exceptions";
        ApiName = p.Length == 0 ? "API" : p + " API";
        DelayHeader = spec.Headers.FirstOrDefault(h => h.Type == HeaderType.Delay);
        TypedHeaders = spec.Headers.Where(h => h.Type != HeaderType.Delay).ToList();
        MatchHeaders = spec.Responses.SelectMany(r => r.HeaderMarkers).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
    }

    public SpecModel Spec { get; }

    public ConsumerCapabilities Capabilities { get; }

    public string SpecFileName { get; }

    /// <summary><c>public</c> or <c>internal</c>, from XeroErrorsAccessibility.</summary>
    public string Access { get; }

    public string KindType { get; }

    public string ClassificationType { get; }

    public string HeadersType { get; }

    public string ClassifierType { get; }

    public string ExceptionType { get; }

    public string BodiesType { get; }

    public string HandlerType { get; }

    public string RetryType { get; }

    /// <summary>The file that holds every exception subclass; named like a type so that it can clash like one.</summary>
    public string ExceptionsFile { get; }

    /// <summary>How messages name the API: "Xero API" for the prefix Xero.</summary>
    public string ApiName { get; }

    public HeaderModel? DelayHeader { get; }

    /// <summary>Headers that become properties of their own (every header but the delay one).</summary>
    public IReadOnlyList<HeaderModel> TypedHeaders { get; }

    /// <summary>Headers whose presence a <c>match</c> tests, each once.</summary>
    public IReadOnlyList<string> MatchHeaders { get; }

    public bool ParsesJson => Capabilities.HasSystemTextJson;

    /// <summary>The content codings the body reader undoes, for its docs.</summary>
    public string ContentCodings => Capabilities.HasBrotli ? "gzip, deflate and br" : "gzip and deflate";

    /// <summary>A reference type that may be null: annotated only where the consumer's C# has nullable references.</summary>
    public string Nullable(string type) => Capabilities.SupportsNullable ? type + "?" : type;

    public string EnumType(HeaderModel header) => Spec.Prefix + header.Property;

    /// <summary>The C# type of a header's property.</summary>
    public string HeaderPropertyType(HeaderModel header) => header.Type switch
    {
        HeaderType.Int => "int?",
        HeaderType.Delay => "global::System.TimeSpan?",
        HeaderType.Enum => EnumType(header) + "?",
        _ => Nullable("string"),
    };

    /// <summary>Field name in the headers struct for whether a match header was present: "HasXRateLimitProblemHeader".</summary>
    public string PresenceField(string header)
    {
        _presenceFields ??= MatchHeaders.ToDictionary(h => h, h => "Has" + HeaderIdentifiers.Pascal(MatchHeaders, h) + "Header", System.StringComparer.OrdinalIgnoreCase);
        return _presenceFields[header];
    }

    private Dictionary<string, string>? _presenceFields;

    public IReadOnlyList<ResponseModel> ErrorResponses => _errorResponses ??= Spec.Responses.Where(r => r.Statuses.Any(s => s < 200 || s > 299)).ToList();

    private List<ResponseModel>? _errorResponses;

    public string ExceptionTypeOf(ResponseModel response) => Spec.Prefix + response.Name + "Exception";
}
