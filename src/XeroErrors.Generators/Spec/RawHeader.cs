using XeroErrors.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>A header definition as read; <see cref="Node"/> is null for the built-in Retry-After default.</summary>
internal sealed record RawHeader(HeaderModel Model, YamlMappingNode? Node, YamlNode? PropertyNode);
