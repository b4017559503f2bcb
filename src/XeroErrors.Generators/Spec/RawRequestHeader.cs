using XeroErrors.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>A request header definition as read, with the nodes its diagnostics point at.</summary>
internal sealed record RawRequestHeader(RequestHeaderModel Model, YamlMappingNode Node, YamlNode NameNode, YamlNode PropertyNode);
