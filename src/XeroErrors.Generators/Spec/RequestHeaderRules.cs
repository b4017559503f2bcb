using System;
using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// The rules for <c>request_headers:</c> that span the spec (XERR025): each header and property once, and no property
/// that another member of the exception already has. A header that breaks one is left out, so what is generated compiles.
/// </summary>
internal sealed class RequestHeaderRules
{
    /// <summary>
    /// Headers that carry credentials. The exception is meant to be logged, so it never records them, whatever a spec says.
    /// </summary>
    private static readonly string[] Credentials = { "Authorization", "Proxy-Authorization", "Cookie" };

    private readonly string _path;
    private readonly string _prefix;
    private readonly List<DiagnosticInfo> _diagnostics;

    public RequestHeaderRules(string path, string prefix, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _prefix = prefix;
        _diagnostics = diagnostics;
    }

    /// <summary>Reports what breaks a rule and returns the headers that keep to them, in spec order.</summary>
    /// <param name="requestHeaders">The definitions as read.</param>
    /// <param name="headers">The response headers that are generated: their properties are on the exception too.</param>
    /// <param name="fieldProperties">The properties the body shapes read, on the exception or its subclasses.</param>
    /// <param name="entryNames">The names of the response entries, whose exception types a property must not be named like.</param>
    public List<RequestHeaderModel> Check(List<RawRequestHeader> requestHeaders, IEnumerable<HeaderModel> headers, IEnumerable<string> fieldProperties, IEnumerable<string> entryNames)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in GeneratedMembers.ReservedForHeaders.Append(GeneratedMembers.RetryAfter))
        {
            taken[name] = "a generated member";
        }

        // A member may not be named like the type that declares it, nor like a generated type its code names (it would hide it).
        foreach (var type in GeneratedNames.FixedSuffixes.Select(s => _prefix + s).Concat(entryNames.Select(n => GeneratedNames.EntryException(_prefix, n))))
        {
            taken[type] = "a generated type";
        }

        foreach (var header in headers)
        {
            taken[header.Property] = $"the property of header '{header.Name}'";
            if (header.Type == HeaderType.Enum)
            {
                taken[header.Property + "Text"] = $"the property of header '{header.Name}'";
                taken[_prefix + header.Property] = "a generated type";
            }
        }

        foreach (var property in fieldProperties)
        {
            taken[property] = "a property read from the body";
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<RequestHeaderModel>();
        foreach (var header in requestHeaders)
        {
            var model = header.Model;
            var label = $"'{YamlNodes.Quote(model.Name)}'";
            if (Credentials.Contains(model.Name, StringComparer.OrdinalIgnoreCase))
            {
                Report(header.NameNode, label, $"'{model.Name}' carries credentials, and the exception is meant to be logged, so it never records it");
            }
            else if (!names.Add(model.Name))
            {
                Report(header.NameNode, label, "the request header is defined twice (header names match case-insensitively)");
            }
            else if (taken.TryGetValue(model.Property, out var owner))
            {
                Report(header.PropertyNode, label, $"the property '{model.Property}' collides with {owner}; choose another name");
            }
            else
            {
                taken[model.Property] = $"the property of request header '{model.Name}'";
                kept.Add(model);
            }
        }

        return kept;
    }

    private void Report(YamlNode node, string label, string problem) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRequestHeader, YamlNodes.Location(_path, node), label, problem));
}
