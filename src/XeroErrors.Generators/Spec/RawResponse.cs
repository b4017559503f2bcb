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
    List<(string Marker, YamlNode Node)> BodyMarkers,
    List<(string Header, YamlNode Node)> HeaderMarkers,
    bool IsDefault,
    List<(string Name, YamlNode Node)> BodyShapes,
    bool? Transient,
    int? RetryAfterSeconds,
    List<(FieldMatch Match, YamlNode Node)> FieldMarkers,
    List<(HeaderValueMatch Match, YamlNode Node)> HeaderValueMarkers)
{
    public bool HasMatch => BodyMarkers.Count > 0 || HeaderMarkers.Count > 0 || FieldMarkers.Count > 0 || HeaderValueMarkers.Count > 0;

    public bool IsSuccessOnly => Statuses.All(s => s.Status >= 200 && s.Status <= 299);

    public ResponseModel ToModel() => new(
        Name: Name,
        Statuses: Statuses.Select(s => s.Status).ToEquatableArray(),
        Summary: Summary,
        Description: Description,
        Notes: Notes,
        Example: Example,
        Source: Source,
        BodyMarkers: BodyMarkers.Select(m => m.Marker).ToEquatableArray(),
        HeaderMarkers: HeaderMarkers.Select(m => m.Header).ToEquatableArray(),
        IsDefault: IsDefault,
        BodyShapes: BodyShapes.Select(b => b.Name).ToEquatableArray(),
        Transient: Transient,
        RetryAfterSeconds: RetryAfterSeconds,
        FieldMarkers: FieldMarkers.Select(m => m.Match).ToEquatableArray(),
        HeaderValueMarkers: HeaderValueMarkers.Select(m => m.Match).ToEquatableArray());
}
