using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>A response entry as read, still holding its YAML nodes so that cross-entry rules can point at them.</summary>
internal sealed record RawResponse(
    YamlMappingNode Node,
    YamlNode NameNode,
    string Name,
    List<(int Status, YamlNode Node)> Statuses,
    string Summary,
    string? Description,
    string? Notes,
    string? Example,
    string? Source,
    List<(string Text, YamlNode Node)> MatchBodyTexts,
    List<(string Header, YamlNode Node)> MatchHeaders,
    bool IsDefault,
    List<(string Name, YamlNode Node)> BodyShapes,
    bool? Transient,
    int? RetryAfterSeconds,
    List<(FieldMatch Match, YamlNode Node)> MatchFields,
    List<(HeaderValueMatch Match, YamlNode Node)> MatchHeaderValues)
{
    public bool HasMatch => MatchBodyTexts.Count > 0 || MatchHeaders.Count > 0 || MatchFields.Count > 0 || MatchHeaderValues.Count > 0;

    public bool IsSuccessOnly => Statuses.All(s => s.Status >= 200 && s.Status <= 299);

    /// <summary>The checked entry, with the body shapes it keeps once unknown, broken and repeated ones are dropped.</summary>
    public ResponseModel ToModel(EquatableArray<string> bodyShapes) => new()
    {
        Name = Name,
        Statuses = Statuses.Select(s => s.Status).ToEquatableArray(),
        Summary = Summary,
        Description = Description,
        Notes = Notes,
        Example = Example,
        Source = Source,
        Match = new MatchModel
        {
            BodyTexts = MatchBodyTexts.Select(m => m.Text).ToEquatableArray(),
            Headers = MatchHeaders.Select(m => m.Header).ToEquatableArray(),
            Fields = MatchFields.Select(m => m.Match).ToEquatableArray(),
            HeaderValues = MatchHeaderValues.Select(m => m.Match).ToEquatableArray(),
        },
        IsDefault = IsDefault,
        BodyShapes = bodyShapes,
        Transient = Transient,
        RetryAfterSeconds = RetryAfterSeconds,
    };
}
