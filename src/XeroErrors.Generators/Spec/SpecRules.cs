using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>Rules that span several entries: names, shared statuses, match conditions and header properties.</summary>
internal sealed class SpecRules
{
    /// <summary>Names whose generated types or members already exist: <c>{Prefix}ApiException</c> is the base class.</summary>
    private static readonly string[] ReservedNames = { "Unknown", "Api", "value__" };

    /// <summary>XERR013's fix when the status has its default: the entry needs something to be chosen by.</summary>
    private const string AddMatch = "Add 'match: { body: [...] }' or 'match: { headers: [...] }'";

    private readonly string _path;
    private readonly string _prefix;
    private readonly List<DiagnosticInfo> _diagnostics;

    public SpecRules(string path, string prefix, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _prefix = prefix;
        _diagnostics = diagnostics;
    }

    private readonly HashSet<RawResponse> _rejectedResponses = new();
    private readonly HashSet<RawHeader> _rejectedHeaders = new();

    /// <summary>Reports what breaks a rule; returns the entries and headers that would not compile if generated.</summary>
    /// <remarks>Status rules (XERR011 to XERR014) reject nothing: the emitter copes with any mix of defaults and matches.</remarks>
    public (HashSet<RawResponse> Responses, HashSet<RawHeader> Headers) Check(List<RawResponse> responses, List<RawHeader> headers)
    {
        CheckNames(responses);
        CheckStatuses(responses);
        CheckSuccessEntries(responses);
        CheckHeaders(headers, responses);
        CheckEnumTypeNames(responses, headers);
        return (_rejectedResponses, _rejectedHeaders);
    }

    /// <summary>A <c>type: enum</c> header becomes the type {Prefix}{Property}: it must not be a name the generator already uses.</summary>
    private void CheckEnumTypeNames(List<RawResponse> responses, List<RawHeader> headers)
    {
        var taken = new HashSet<string>(GeneratedNames.FixedSuffixes, StringComparer.OrdinalIgnoreCase);
        foreach (var response in responses)
        {
            taken.Add(GeneratedNames.EntryException(string.Empty, response.Name));
        }

        foreach (var header in headers.Where(h => h.Node is not null && h.Model.Type == HeaderType.Enum))
        {
            if (taken.Contains(header.Model.Property))
            {
                Reject(header, header.PropertyNode ?? header.Node!, $"'{header.Model.Name}'", $"its enum type '{_prefix}{header.Model.Property}' collides with a generated type; choose another property name");
            }
        }
    }

    private void CheckNames(List<RawResponse> responses)
    {
        var seen = new Dictionary<string, RawResponse>(StringComparer.Ordinal);
        var seenIgnoreCase = new Dictionary<string, RawResponse>(StringComparer.OrdinalIgnoreCase);
        foreach (var response in responses)
        {
            var reserved = ReservedNames.FirstOrDefault(r => string.Equals(r, response.Name, StringComparison.OrdinalIgnoreCase));
            if (reserved is not null)
            {
                var what = reserved switch
                {
                    "Unknown" => "the generated kind 'Unknown' (any status the spec does not list)",
                    "Api" => $"the generated base exception '{_prefix}ApiException'",
                    _ => "the field C# gives every enum ('value__')",
                };
                Report(DiagnosticDescriptors.ReservedName, response.NameNode, response.Name, what);
                _rejectedResponses.Add(response);
                continue;
            }

            if (seen.TryGetValue(response.Name, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateName, response.NameNode, response.Name, Line(first.NameNode));
                _rejectedResponses.Add(response);
                continue;
            }

            if (seenIgnoreCase.TryGetValue(response.Name, out var other))
            {
                Report(DiagnosticDescriptors.ReservedName, response.NameNode, response.Name, $"'{other.Name}' (line {Line(other.NameNode)}): names that differ only in case make file names and exception types collide");
                _rejectedResponses.Add(response);
                continue;
            }

            seen.Add(response.Name, response);
            seenIgnoreCase.Add(response.Name, response);
        }
    }

    private void CheckStatuses(List<RawResponse> responses)
    {
        var byStatus = new SortedDictionary<int, List<RawResponse>>();
        foreach (var response in responses)
        {
            foreach (var (status, _) in response.Statuses)
            {
                if (!byStatus.TryGetValue(status, out var list))
                {
                    byStatus[status] = list = new List<RawResponse>();
                }

                list.Add(response);
            }
        }

        foreach (var pair in byStatus)
        {
            var status = pair.Key.ToString(CultureInfo.InvariantCulture);
            var entries = pair.Value;
            if (entries.Count < 2)
            {
                continue;
            }

            var names = string.Join(", ", entries.Select(e => e.Name));
            var defaults = entries.Where(e => e.IsDefault).ToList();
            var unmatched = entries.Where(e => !e.IsDefault && !e.HasMatch).ToList();
            if (defaults.Count == 0)
            {
                Report(DiagnosticDescriptors.SharedStatusWithoutDefault, StatusNode(entries[entries.Count - 1], pair.Key), status, names, DefaultAdvice(unmatched));
            }
            else if (defaults.Count > 1)
            {
                Report(DiagnosticDescriptors.SharedStatusWithSeveralDefaults, DefaultNode(defaults[1]), status, string.Join(", ", defaults.Select(d => d.Name)));
            }

            foreach (var entry in unmatched)
            {
                Report(DiagnosticDescriptors.SharedStatusWithoutMatch, entry.NameNode, entry.Name, status, MatchAdvice(entry, unmatched, defaults.Count == 0, status));
            }

            var owners = new Dictionary<string, RawResponse>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                var matches = entry.MatchBodyTexts.Select(m => ("body: " + m.Text, m.Node))
                    .Concat(entry.MatchHeaders.Select(h => ("header: " + h.Header, h.Node)));
                foreach (var (condition, node) in matches)
                {
                    if (owners.TryGetValue(condition, out var owner) && !ReferenceEquals(owner, entry))
                    {
                        Report(DiagnosticDescriptors.DuplicateMatch, node, YamlNodes.Quote(condition), entry.Name, owner.Name, status);
                    }
                    else
                    {
                        owners[condition] = entry;
                    }
                }
            }
        }

        foreach (var entry in responses.Where(e => e.HasMatch && !entry_shares(e, byStatus)))
        {
            Report(DiagnosticDescriptors.MatchNeverUsed, Find(entry.Node, "match") ?? entry.NameNode, entry.Name);
        }

        static bool entry_shares(RawResponse entry, SortedDictionary<int, List<RawResponse>> byStatus) =>
            entry.Statuses.Any(s => byStatus[s.Status].Count > 1);
    }

    /// <summary>
    /// XERR011's fix for a shared status without a default. An entry without a <c>match</c> can only ever be chosen as
    /// the default, so when one of them is the only one, it is the entry to mark; when several are, the first (usually
    /// the entry that was there before the others were added) is, and the others need a match.
    /// </summary>
    private static string DefaultAdvice(List<RawResponse> unmatched) => unmatched.Count switch
    {
        0 => "Mark the entry to choose when no 'match' hits.",
        1 => $"'{unmatched[0].Name}' is the only one without a 'match': mark it 'default: true', to choose it when no 'match' hits.",
        _ => $"Mark '{unmatched[0].Name}' 'default: true', to choose it when no 'match' hits, and give {Names(unmatched.Skip(1))} a 'match'.",
    };

    /// <summary>XERR013's fix for <paramref name="entry"/>: the default it should become, when nothing else is; else a match.</summary>
    private static string MatchAdvice(RawResponse entry, List<RawResponse> unmatched, bool noDefault, string status)
    {
        if (!noDefault)
        {
            return AddMatch + ".";
        }

        if (ReferenceEquals(entry, unmatched[0]))
        {
            return unmatched.Count == 1
                ? $"It is the only entry of status {status} without a 'match': mark it 'default: true', to choose it when no 'match' hits."
                : $"Mark it 'default: true', to choose it when no 'match' hits, and give {Names(unmatched.Skip(1))} a 'match'.";
        }

        return AddMatch + $", and mark '{unmatched[0].Name}' 'default: true'.";
    }

    private static string Names(IEnumerable<RawResponse> entries) => string.Join(", ", entries.Select(e => "'" + e.Name + "'"));

    /// <summary>A success is never retried and its body is never read, so these keys do nothing there.</summary>
    private void CheckSuccessEntries(List<RawResponse> responses)
    {
        foreach (var entry in responses.Where(e => e.IsSuccessOnly))
        {
            var statuses = string.Join(", ", entry.Statuses.Select(s => s.Status.ToString(CultureInfo.InvariantCulture)));
            if (KeyNode(entry.Node, "retry") is { } retry)
            {
                Report(DiagnosticDescriptors.SuccessEntryWithRetryOrMatch, retry, entry.Name, statuses, "retry");
            }

            if (KeyNode(entry.Node, "body") is { } body)
            {
                Report(DiagnosticDescriptors.SuccessEntryWithRetryOrMatch, body, entry.Name, statuses, "body");
            }

            if (Find(entry.Node, "match") is YamlMappingNode match && KeyNode(match, "body") is { } matchBody)
            {
                Report(DiagnosticDescriptors.SuccessEntryWithRetryOrMatch, matchBody, entry.Name, statuses, "match.body");
            }
        }
    }

    private void CheckHeaders(List<RawHeader> headers, List<RawResponse> responses)
    {
        // A member may not have the name of the type that declares it (CS0542), nor of a generated type the generated
        // code names in an expression there (the property would hide it): so no property is named like a generated type.
        var enclosingTypes = new HashSet<string>(GeneratedNames.FixedSuffixes.Select(suffix => _prefix + suffix), StringComparer.OrdinalIgnoreCase);
        foreach (var response in responses)
        {
            enclosingTypes.Add(GeneratedNames.EntryException(_prefix, response.Name));
        }

        foreach (var header in headers.Where(h => h.Model.Type == HeaderType.Enum && _prefix.Length > 0))
        {
            enclosingTypes.Add(_prefix + header.Model.Property);
        }

        var properties = new Dictionary<string, RawHeader>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var delays = 0;
        foreach (var header in headers)
        {
            var model = header.Model;
            var at = header.PropertyNode ?? (YamlNode?)header.Node ?? new YamlScalarNode();
            var label = $"'{model.Name}'";
            if (header.Node is null)
            {
                continue;
            }

            if (!names.Add(model.Name))
            {
                Reject(header, Find(header.Node, "name") ?? header.Node, label, "the header is defined twice (header names match case-insensitively)");
                continue;
            }

            if (model.Type == HeaderType.Delay)
            {
                delays++;
                if (delays > 1)
                {
                    Reject(header, Find(header.Node, "type") ?? header.Node, label, "only one header may have 'type: delay'; it is the one RetryAfter is read from");
                }
                else if (model.Property != "RetryAfter")
                {
                    Reject(header, at, label, "a 'type: delay' header must have 'property: RetryAfter'; RetryAfter combines it with the spec's retry.after");
                }

                continue;
            }

            if (model.Property == "RetryAfter"
                || GeneratedMembers.ReservedForHeaders.Contains(model.Property, StringComparer.OrdinalIgnoreCase)
                || (model.Property.StartsWith("Has", StringComparison.Ordinal) && model.Property.EndsWith("Header", StringComparison.Ordinal))
                || model.Property.StartsWith("Parse", StringComparison.Ordinal)
                || enclosingTypes.Contains(model.Property))
            {
                Reject(header, at, label, $"the property '{model.Property}' collides with a generated member; choose another name");
                continue;
            }

            var extra = model.Type == HeaderType.Enum ? model.Property + "Text" : null;
            if (properties.TryGetValue(model.Property, out var owner) || (extra is not null && properties.TryGetValue(extra, out owner)))
            {
                Reject(header, at, label, $"the property '{model.Property}' collides with the property of header '{owner.Model.Name}'");
                continue;
            }

            properties[model.Property] = header;
            if (extra is not null)
            {
                properties[extra] = header;
            }
        }
    }

    private static YamlNode StatusNode(RawResponse entry, int status) => entry.Statuses.First(s => s.Status == status).Node;

    private static YamlNode DefaultNode(RawResponse entry) => KeyNode(entry.Node, "default") ?? entry.NameNode;

    private static YamlNode? KeyNode(YamlMappingNode map, string key) => YamlNodes.FindKey(map, key);

    private static YamlNode? Find(YamlMappingNode map, string key) => YamlNodes.Find(map, key);

    private static string Line(YamlNode node) => node.Start.Line.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reports XERR019 for a header and leaves it out of what is generated.</summary>
    private void Reject(RawHeader header, YamlNode node, params string[] args)
    {
        Report(DiagnosticDescriptors.InvalidHeader, node, args);
        _rejectedHeaders.Add(header);
    }

    private void Report(DiagnosticDescriptor descriptor, YamlNode node, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, YamlNodes.Location(_path, node), args));
}
