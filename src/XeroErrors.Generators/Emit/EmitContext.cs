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
        KindType = p + GeneratedNames.Kind;
        ClassificationType = p + GeneratedNames.Classification;
        HeadersType = p + GeneratedNames.Headers;
        ClassifierType = p + GeneratedNames.Classifier;
        ExceptionType = p + GeneratedNames.Exception;
        BodiesType = p + GeneratedNames.Bodies;
        HandlerType = p + GeneratedNames.Handler;
        RetryType = p + GeneratedNames.Retry;
        RateLimitsType = p + GeneratedNames.RateLimits;
        RateLimitOptionsType = p + GeneratedNames.RateLimitOptions;
        RateLimitEventArgsType = p + GeneratedNames.RateLimitEventArgs;
        RateLimitHandlerType = p + GeneratedNames.RateLimitHandler;
        ExceptionsFile = p + GeneratedNames.ExceptionsFile;
        ApiName = p.Length == 0 ? "API" : p + " API";
        DelayHeader = spec.Headers.FirstOrDefault(h => h.Type == HeaderType.Delay);
        TypedHeaders = spec.Headers.Where(h => h.Type != HeaderType.Delay).ToList();
        MatchHeaders = spec.Responses.SelectMany(r => r.Match.Headers).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
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

    public string RateLimitsType { get; }

    public string RateLimitOptionsType { get; }

    public string RateLimitEventArgsType { get; }

    public string RateLimitHandlerType { get; }

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

    /// <summary>Whether the spec reads bodies: then {Prefix}ResponseBodies exists and the exceptions have body properties.</summary>
    public bool HasShapes => !Spec.Shapes.IsEmpty;

    /// <summary>Every property the shapes read, once each, in declaration order.</summary>
    public IReadOnlyList<BodyFieldModel> BodyFields => _bodyFields ??= Spec.Shapes.SelectMany(s => s.Fields).GroupBy(f => f.Property).Select(g => g.First()).ToList();

    private List<BodyFieldModel>? _bodyFields;

    /// <summary>The fields of the base exception.</summary>
    public IReadOnlyList<BodyFieldModel> BaseFields => BodyFields.Where(f => f.Scope == BodyFieldScope.Base).ToList();

    /// <summary>The fields an entry's own exception has: those of its shapes that are neither on the base nor for the message only.</summary>
    public IReadOnlyList<BodyFieldModel> EntryFields(ResponseModel entry) =>
        entry.BodyShapes.SelectMany(name => Spec.Shapes.First(s => s.Name == name).Fields)
            .Where(f => f.Scope == BodyFieldScope.Entry)
            .GroupBy(f => f.Property)
            .Select(g => g.First())
            .ToList();

    /// <summary>Every path <c>match.fields</c> tests, once each; the classifier passes its index.</summary>
    public IReadOnlyList<BodyPathModel> FieldMatches => _fieldMatches ??= Spec.Responses.SelectMany(r => r.Match.Fields).Select(m => m.Path).Distinct().ToList();

    private List<BodyPathModel>? _fieldMatches;

    /// <summary>Headers whose value a <c>match.header-values</c> tests, each once.</summary>
    public IReadOnlyList<string> MatchValueHeaders => _matchValueHeaders ??= Spec.Responses.SelectMany(r => r.Match.HeaderValues).Select(m => m.Header).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();

    private List<string>? _matchValueHeaders;

    /// <summary>Field name in the headers struct for a header's raw value that a match compares: "XRateLimitProblemValue".</summary>
    public string ValueField(string header) => HeaderIdentifiers.Pascal(MatchValueHeaders, header) + "Value";

    public string RecordType(string record) => Spec.Prefix + record;

    /// <summary>The method-name part for a shape: "accounting-xml" gives "AccountingXml", numbered if two shapes give the same.</summary>
    public string ShapeMethod(string shape)
    {
        if (_shapeMethods is null)
        {
            _shapeMethods = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var (name, index) in Spec.Shapes.Select((s, i) => (s.Name, i)))
            {
                var pascal = string.Concat(name.Split('-', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
                _shapeMethods[name] = taken.Add(pascal) ? pascal : pascal + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return _shapeMethods[shape];
    }

    private Dictionary<string, string>? _shapeMethods;

    /// <summary>The C# type of a body field's property.</summary>
    public string FieldType(BodyFieldModel field) => field.Type switch
    {
        BodyFieldType.Int => "int?",
        BodyFieldType.Bool => "bool",
        BodyFieldType.Strings => "global::System.Collections.Generic.IReadOnlyList<string>",
        BodyFieldType.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>",
        BodyFieldType.Records => "global::System.Collections.Generic.IReadOnlyList<" + RecordType(field.Record!) + ">",
        _ => Nullable("string"),
    };

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

    public string ExceptionTypeOf(ResponseModel response) => GeneratedNames.EntryException(Spec.Prefix, response.Name);
}
