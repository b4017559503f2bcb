using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// Reads one spec file into a <see cref="SpecModel"/>, reporting every problem it finds at its YAML
/// position. It keeps going after an error, so that one build shows all the mistakes in a file.
/// </summary>
/// <remarks>
/// A spec with errors still gives a model: the build fails on the XERR errors either way, and generating
/// every part that is valid on its own (at the least the types every spec has) keeps the consumer's code
/// compiling, so the build output shows the spec's mistakes instead of a pile of missing-type errors.
/// </remarks>
internal sealed partial class SpecParser
{
    /// <summary>Deeper nesting is no spec; refusing it keeps YamlDotNet's recursive loader off a huge stack.</summary>
    private const int MaxDepth = 64;

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<BodyUse> _bodyUses = new();
    private SpecLocation? _rateLimitsAt;

    private SpecParser(string path) => _path = path;

    public static SpecParseResult Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(path);
        var model = parser.Read(text?.ToString() ?? string.Empty, cancellationToken);
        var diagnostics = parser._diagnostics.ToEquatableArray();
        return new SpecParseResult(path, model, diagnostics, parser._bodyUses.ToEquatableArray(), model?.RateLimits is null ? null : parser._rateLimitsAt);
    }

    /// <summary>How many broken lines a spec may lose before it is given up: each syntax error costs one.</summary>
    private const int MaxRecoveries = 3;

    /// <summary>Lines (0-based) blanked inside an entry to read past a syntax error; the entries they fall in are left out.</summary>
    private readonly List<int> _blankedLines = new();

    /// <summary>The lines each recovery started from, so that one line is never tried twice.</summary>
    private readonly List<int> _recoveredFrom = new();

    private SpecModel? Read(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Report(DiagnosticDescriptors.EmptySpec, SpecLocation.FileStart(_path), Path.GetFileName(_path));
            return null;
        }

        if (!TryLoad(text, out var stream, out var brokenLine))
        {
            if (brokenLine < 0 || _recoveredFrom.Count >= MaxRecoveries || _recoveredFrom.Contains(brokenLine))
            {
                return Skeleton();
            }

            // Read again without the broken line, so one mistake costs one entry rather than the whole spec. What
            // that read says is about a spec with a line missing (a mistake it causes, or the next one), so it is not
            // reported: the build fails on this error alone, and the rest still generates.
            var reported = _diagnostics.Count;
            var blanked = BlankLines(text, brokenLine, out var lines, out var wholeItem);
            if (lines.Count == 0)
            {
                // The error is past the last line (the end of the file): there is nothing to leave out.
                return Skeleton();
            }

            _recoveredFrom.Add(brokenLine);
            if (!wholeItem)
            {
                // Part of an entry is gone: the entry goes too. A whole item blanked is gone already.
                _blankedLines.AddRange(lines);
            }

            var model = Read(blanked, cancellationToken) ?? Skeleton();
            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            return model;
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (stream.Documents.Count == 0 || IsNullNode(stream.Documents[0].RootNode))
        {
            Report(DiagnosticDescriptors.EmptySpec, SpecLocation.FileStart(_path), Path.GetFileName(_path));
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMap)
        {
            Report(DiagnosticDescriptors.RootNotMapping, Loc(root), YamlNodes.Describe(root));
            return Skeleton();
        }

        // Entries with a 'status:' under another key (the 'responses:' line lost or misspelt) are responses: say that
        // once and alone, instead of a flood of header and unknown-key errors about them.
        if (Find(rootMap, "responses") is null && MisplacedResponses(rootMap) is { } misplaced)
        {
            Report(DiagnosticDescriptors.MissingResponses, Loc(misplaced.Key), $"The spec has no 'responses' key; the entries under '{YamlNodes.Quote((misplaced.Key as YamlScalarNode)?.Value)}' have 'status:', so they look like responses. Put them under 'responses:'");
            return Skeleton();
        }

        CheckKeys(rootMap, SpecKeys.Root, "the spec's root");

        var ns = ReadText(rootMap, "namespace") ?? SpecKeys.DefaultNamespace;
        if (Find(rootMap, "namespace") is { } nsNode && !Identifiers.IsValidNamespace(ns))
        {
            Report(DiagnosticDescriptors.InvalidNamespace, Loc(nsNode), YamlNodes.Quote(ns), "'namespace'");
            ns = SpecKeys.DefaultNamespace;
        }

        var prefix = ReadText(rootMap, "prefix") ?? SpecKeys.DefaultPrefix;
        if (Find(rootMap, "prefix") is { } prefixNode && !Identifiers.IsValidPrefix(prefix))
        {
            Report(DiagnosticDescriptors.InvalidPrefix, Loc(prefixNode), YamlNodes.Quote(prefix));
            prefix = SpecKeys.DefaultPrefix;
        }

        ReadText(rootMap, "source");
        ReadText(rootMap, "description");

        var headers = ReadHeaders(rootMap);
        var responses = ReadResponses(rootMap) ?? new List<RawResponse>();
        if (_blankedLines.Count > 0 && Find(rootMap, "responses") is YamlSequenceNode items)
        {
            var broken = BlankedItems(items);
            responses.RemoveAll(r => broken.Contains(r.Node));
        }

        // Entries and headers that break a cross-entry rule are left out, so what is generated still compiles.
        var (rejectedResponses, rejectedHeaders) = new SpecRules(_path, prefix, _diagnostics).Check(responses, headers);
        var (shapes, records, message, entryShapes) = ResolveBodies(rootMap, responses, headers.Where(h => !rejectedHeaders.Contains(h)).ToList());
        var keptHeaders = headers.Where(h => !rejectedHeaders.Contains(h)).Select(h => h.Model).ToList();
        var requestHeaders = new RequestHeaderRules(_path, prefix, _diagnostics).Check(
            ReadRequestHeaders(rootMap),
            keptHeaders,
            shapes.SelectMany(s => s.Fields).Select(f => f.Property),
            responses.Where(r => !rejectedResponses.Contains(r)).Select(r => r.Name));
        var rateLimits = ReadRateLimits(rootMap, keptHeaders, requestHeaders);
        return new SpecModel(
            ns,
            prefix,
            IsPublic: true,
            responses.Where(r => !rejectedResponses.Contains(r)).Select(r => r.ToModel(entryShapes[r])).ToEquatableArray(),
            keptHeaders.ToEquatableArray(),
            shapes.ToEquatableArray(),
            records.ToEquatableArray(),
            message.ToEquatableArray(),
            requestHeaders.ToEquatableArray(),
            SpecFingerprint.Of(rootMap),
            RateLimits: rateLimits);
    }

    /// <summary>The types every spec has, and no entries: what a spec that could not be read at all gives.</summary>
    internal static SpecModel Skeleton() =>
        new(SpecKeys.DefaultNamespace, SpecKeys.DefaultPrefix, IsPublic: true, EquatableArray<ResponseModel>.Empty, DefaultHeaders().Select(h => h.Model).ToEquatableArray());

    /// <summary>
    /// Loads the YAML tree in one pass of the parser, reporting what stops it. <paramref name="brokenLine"/> is the line
    /// (0-based) of a syntax error, which a second read can leave out, or -1 when there is nothing to leave out.
    /// </summary>
    private bool TryLoad(string text, out YamlStream stream, out int brokenLine)
    {
        brokenLine = -1;
        stream = new YamlStream();
        var parser = new GuardedYamlParser(new Parser(new StringReader(text)), MaxDepth);
        try
        {
            stream.Load(parser);
            return true;
        }
        catch (GuardedYamlParser.Refusal refusal)
        {
            Report(DiagnosticDescriptors.YamlSyntaxError, YamlNodes.Location(_path, refusal.At.Start, refusal.At.End), refusal.Message);
        }
        catch (GuardedYamlParser.ParserFailure failure) when (failure.InnerException is YamlException ex)
        {
            // YamlDotNet reports an indenting tab where it gave up: lines early, or at the start of the file for a tab
            // before '- name:'. When its message is about a tab, look for the tab anywhere; else near where it stopped.
            var aboutTab = ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0;
            if (FirstIndentingTab(text, aboutTab ? int.MaxValue - 1 : (int)ex.Start.Line) is { } tab)
            {
                Report(DiagnosticDescriptors.YamlSyntaxError, YamlNodes.Location(_path, tab, tab), "a tab indents this line, and YAML allows only spaces there. Indent with spaces, not tabs");
                brokenLine = (int)tab.Line - 1;
            }
            else
            {
                Report(DiagnosticDescriptors.YamlSyntaxError, YamlNodes.Location(_path, ex.Start, ex.End), YamlMessage(ex));
                brokenLine = (int)Math.Max(0, ex.Start.Line - 1);
            }
        }
        catch (GuardedYamlParser.ParserFailure failure)
        {
            // YamlDotNet lets a few malformed inputs (a bad surrogate escape such as "\uD83C\uD83C") escape as
            // non-YAML exceptions. It is still a syntax error: report it after the last part that parsed.
            var at = parser.Last is null ? SpecLocation.FileStart(_path) : YamlNodes.Location(_path, parser.Last.End, parser.Last.End);
            Report(DiagnosticDescriptors.YamlSyntaxError, at, YamlNodes.Quote(failure.InnerException!.Message.TrimEnd('.')));
        }
        catch (YamlException ex)
        {
            // The loader's own refusal of a tree the parser and the guard accepted.
            Report(DiagnosticDescriptors.YamlSyntaxError, YamlNodes.Location(_path, ex.Start, ex.End), YamlMessage(ex));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // The loader rejects some event sequences the parser accepted (an alias where a key belongs) without a
            // position; an alias is the usual cause, so point at the first one.
            var at = parser.FirstAlias is null ? SpecLocation.FileStart(_path) : YamlNodes.Location(_path, parser.FirstAlias.Start, parser.FirstAlias.End);
            Report(DiagnosticDescriptors.YamlSyntaxError, at, YamlNodes.Quote(ex.Message.TrimEnd('.')));
        }

        return false;
    }

    /// <summary>The first tab in the indentation of a line up to one after <paramref name="errorLine"/> (1-based), as a mark.</summary>
    private static Mark? FirstIndentingTab(string text, int errorLine)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length && line <= errorLine + 1; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                for (var j = lineStart; j < i && (text[j] == ' ' || text[j] == '\t'); j++)
                {
                    if (text[j] == '\t')
                    {
                        return new Mark(j, line, j - lineStart + 1);
                    }
                }

                line++;
                lineStart = i + 1;
            }
        }

        return null;
    }

    /// <summary>
    /// The text with a line (0-based) made empty, every other line where it was. A line that starts a sequence item
    /// ('- name: ...') takes the rest of the item with it, so its keys do not join the item before.
    /// </summary>
    private static string BlankLines(string text, int lineIndex, out List<int> blanked, out bool wholeItem)
    {
        var lines = text.Split('\n');
        var cleared = new List<int>();
        blanked = cleared;
        wholeItem = false;
        if (lineIndex >= lines.Length)
        {
            return text;
        }

        var startsItem = lines[lineIndex].TrimStart(' ', '\t').StartsWith("- ", StringComparison.Ordinal);
        wholeItem = startsItem;
        Blank(lineIndex);
        for (var i = lineIndex + 1; startsItem && i < lines.Length; i++)
        {
            var content = lines[i].TrimStart(' ', '\t');
            if (content.TrimEnd('\r').Length > 0 && (content.StartsWith("- ", StringComparison.Ordinal) || content.Length == lines[i].Length))
            {
                break;
            }

            Blank(i);
        }

        return string.Join("\n", lines);

        void Blank(int index)
        {
            lines[index] = lines[index].EndsWith("\r", StringComparison.Ordinal) ? "\r" : string.Empty;
            cleared.Add(index);
        }
    }

    /// <summary>The items of 'responses:' that held a line blanked to read past a syntax error: what is left of them is not the author's.</summary>
    private HashSet<YamlNode> BlankedItems(YamlSequenceNode items)
    {
        var broken = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < items.Children.Count; i++)
        {
            var first = items.Children[i].Start.Line - 1;
            var next = i + 1 < items.Children.Count ? items.Children[i + 1].Start.Line - 1 : items.Children[i].End.Line;
            if (_blankedLines.Any(line => line >= first && line < next))
            {
                broken.Add(items.Children[i]);
            }
        }

        return broken;
    }

    private static string YamlMessage(YamlException ex)
    {
        // YamlDotNet puts "(Line: 1, Col: 2, Idx: 1) - (Line: ...): " in front; the location says that already.
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0)
        {
            message = message.Substring(cut + 3);
        }

        return YamlNodes.Quote(message.Trim().TrimEnd('.'));
    }

    /// <summary>Without a headers section, Retry-After is still honoured: it is standard HTTP.</summary>
    private static List<RawHeader> DefaultHeaders() =>
        new() { new RawHeader(new HeaderModel("Retry-After", "RetryAfter", HeaderType.Delay, null, EquatableArray<HeaderValueModel>.Empty), null, null) };

    private List<RawHeader> ReadHeaders(YamlMappingNode root)
    {
        var result = new List<RawHeader>();
        var node = Find(root, "headers");
        if (node is null)
        {
            return DefaultHeaders();
        }

        if (node is YamlScalarNode emptyHeaders && YamlNodes.IsNull(emptyHeaders))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(DiagnosticDescriptors.InvalidValue, Loc(node), "headers", YamlNodes.Describe(node), "a sequence of header definitions");
            return result;
        }

        var index = 0;
        foreach (var item in sequence.Children)
        {
            index++;
            if (item is not YamlMappingNode map)
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(item), $"#{index}", $"it is a {YamlNodes.Describe(item)}; write '- name: ...' with 'property:' and 'type:'");
                continue;
            }

            CheckKeys(map, SpecKeys.Header, $"header #{index}");
            var name = ReadText(map, "name");
            var property = ReadText(map, "property");
            var typeText = ReadText(map, "type");
            var description = ReadText(map, "description");
            var inMessage = ReadBoolean(map, "message") ?? false;
            ReadText(map, "source");
            var label = name is null ? $"#{index}" : $"'{YamlNodes.Quote(name)}'";
            var ok = true;

            if (name is null || !Identifiers.IsHttpToken(name))
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "name") ?? map), label, name is null ? "'name' is missing; add the HTTP header name, for example 'name: Retry-After'" : "'name' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)");
                ok = false;
            }

            if (property is null || !Identifiers.IsValid(property) || Identifiers.IsKeyword(property))
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "property") ?? map), label, property is null ? "'property' is missing; add the C# property name, for example 'property: CorrelationId'" : $"'property: {YamlNodes.Quote(property)}' is not a valid C# identifier");
                ok = false;
            }

            var type = HeaderType.String;
            switch (typeText)
            {
                case "string": type = HeaderType.String; break;
                case "int": type = HeaderType.Int; break;
                case "delay": type = HeaderType.Delay; break;
                case "enum": type = HeaderType.Enum; break;
                default:
                    Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "type") ?? map), label, typeText is null ? "'type' is missing; use string, int, delay or enum" : $"'type: {YamlNodes.Quote(typeText)}' is not one of string, int, delay, enum");
                    ok = false;
                    break;
            }

            var values = type == HeaderType.Enum ? ReadHeaderValues(map, label, ref ok) : EquatableArray<HeaderValueModel>.Empty;
            if (type != HeaderType.Enum && Find(map, "values") is { } strayValues)
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(strayValues), label, "'values' is only allowed with 'type: enum'");
                ok = false;
            }

            if (ok)
            {
                result.Add(new RawHeader(new HeaderModel(name!, property!, type, description, values, inMessage), Node: map, PropertyNode: Find(map, "property")));
            }
        }

        return result;
    }

    private EquatableArray<HeaderValueModel> ReadHeaderValues(YamlMappingNode header, string label, ref bool ok)
    {
        var node = Find(header, "values");
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidHeader, Loc(node ?? header), label, "'type: enum' needs 'values:', a sequence of '- value: ...' with 'member: ...'");
            ok = false;
            return EquatableArray<HeaderValueModel>.Empty;
        }

        var values = new List<HeaderValueModel>();
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Unknown" };
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(item), label, "each of 'values' must be a mapping with 'value:' and 'member:'");
                ok = false;
                continue;
            }

            CheckKeys(map, SpecKeys.HeaderValue, $"a value of header {label}");
            var value = ReadText(map, "value");
            var member = ReadText(map, "member");
            var description = ReadText(map, "description");
            var transient = ReadBoolean(map, "transient");
            var message = ReadText(map, "message");
            if (message is not null && message.Trim().Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "message")!), label, "a value's 'message:' is blank; write what the exception message says for it, for example 'message: minute limit', or leave it out");
                ok = false;
                continue;
            }

            if (value is null || value.Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "value") ?? map), label, "a value has no 'value:' (the header text to recognise)");
                ok = false;
                continue;
            }

            if (member is null || !Identifiers.IsValid(member) || Identifiers.IsKeyword(member))
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "member") ?? map), label, $"the value '{YamlNodes.Quote(value)}' needs 'member:', a C# identifier for its enum member");
                ok = false;
                continue;
            }

            if (member == "value__" || !members.Add(member))
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "member")!), label, $"the member '{member}' is used twice or collides with 'Unknown' or 'value__'");
                ok = false;
                continue;
            }

            if (!texts.Add(value))
            {
                Report(DiagnosticDescriptors.InvalidHeader, Loc(Find(map, "value")!), label, $"the value '{YamlNodes.Quote(value)}' is listed twice (values match case-insensitively)");
                ok = false;
                continue;
            }

            values.Add(new HeaderValueModel(value, member, description, transient, message?.Trim()));
        }

        return values.ToEquatableArray();
    }

    /// <summary>The items of <c>request_headers:</c> that have a valid name and property; the rules across items are <see cref="RequestHeaderRules"/>'s.</summary>
    private List<RawRequestHeader> ReadRequestHeaders(YamlMappingNode root)
    {
        var result = new List<RawRequestHeader>();
        var node = Find(root, "request_headers");
        if (node is null || IsNullNode(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(DiagnosticDescriptors.InvalidValue, Loc(node), "request_headers", YamlNodes.Describe(node), "a sequence of request header definitions");
            return result;
        }

        var index = 0;
        foreach (var item in sequence.Children)
        {
            index++;
            if (item is not YamlMappingNode map)
            {
                Report(DiagnosticDescriptors.InvalidRequestHeader, Loc(item), $"#{index}", $"it is a {YamlNodes.Describe(item)}; write '- name: ...' with 'property:'");
                continue;
            }

            CheckKeys(map, SpecKeys.RequestHeader, $"request header #{index}");
            var name = ReadText(map, "name");
            var property = ReadText(map, "property");
            var description = ReadText(map, "description");
            ReadText(map, "source");
            var label = name is null ? $"#{index}" : $"'{YamlNodes.Quote(name)}'";
            var ok = true;
            if (name is null || !Identifiers.IsHttpToken(name))
            {
                Report(DiagnosticDescriptors.InvalidRequestHeader, Loc(Find(map, "name") ?? map), label, name is null ? "'name' is missing; add the HTTP header name, for example 'name: xero-tenant-id'" : "'name' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)");
                ok = false;
            }

            if (property is null || !Identifiers.IsValid(property) || Identifiers.IsKeyword(property))
            {
                Report(DiagnosticDescriptors.InvalidRequestHeader, Loc(Find(map, "property") ?? map), label, property is null ? "'property' is missing; add the C# property name, for example 'property: TenantId'" : $"'property: {YamlNodes.Quote(property)}' is not a valid C# identifier");
                ok = false;
            }

            if (ok)
            {
                result.Add(new RawRequestHeader(new RequestHeaderModel(name!, property!, description), map, Find(map, "name")!, Find(map, "property")!));
            }
        }

        return result;
    }

    private List<RawResponse>? ReadResponses(YamlMappingNode root)
    {
        var node = Find(root, "responses");
        if (node is null)
        {
            Report(DiagnosticDescriptors.MissingResponses, Loc(root), "The spec has no 'responses' key");
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(DiagnosticDescriptors.MissingResponses, Loc(node), $"'responses' is a {YamlNodes.Describe(node)}, not a sequence");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            Report(DiagnosticDescriptors.MissingResponses, Loc(node), "'responses' is empty");
            return null;
        }

        var result = new List<RawResponse>();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            index++;
            if (item is not YamlMappingNode map)
            {
                Report(DiagnosticDescriptors.EntryNotMapping, Loc(item), index.ToString(System.Globalization.CultureInfo.InvariantCulture), YamlNodes.Describe(item));
                continue;
            }

            if (ReadResponse(map, index) is { } response)
            {
                result.Add(response);
            }
        }

        return result;
    }

    private RawResponse? ReadResponse(YamlMappingNode map, int index)
    {
        var nameNode = Find(map, "name");
        var name = ReadText(map, "name");
        var label = name is null ? $"Entry {index} of 'responses'" : $"'{YamlNodes.Quote(name)}'";
        CheckKeys(map, SpecKeys.Response, name is null ? $"entry {index} of 'responses'" : $"entry '{YamlNodes.Quote(name)}'");

        var ok = nameNode is null || nameNode is YamlScalarNode;
        if (!ok)
        {
            // Not text: ReadText reported XERR018 already.
        }
        else if (name is null || name.Length == 0)
        {
            Report(DiagnosticDescriptors.MissingRequiredKey, Loc(nameNode ?? map), label, "name", "OrganisationOffline");
            ok = false;
        }
        else if (!Identifiers.IsValid(name))
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, Loc(nameNode!), YamlNodes.Quote(name), "a response kind");
            ok = false;
        }
        else if (Identifiers.IsKeyword(name))
        {
            Report(DiagnosticDescriptors.KeywordIdentifier, Loc(nameNode!), name, "a response kind", char.ToUpperInvariant(name[0]) + name.Substring(1) + "Response");
            ok = false;
        }

        var statuses = ReadStatuses(map, label, ref ok);
        var summary = ReadText(map, "summary");
        if (Find(map, "summary") is { } summaryNode && summaryNode is not YamlScalarNode)
        {
            ok = false;
        }
        else if (summary is null || summary.Trim().Length == 0)
        {
            // Suggest HTTP's own phrase for the entry's status; a status HTTP does not name gets no made-up one.
            var phrase = statuses.Count > 0 ? ReasonPhrases.Of(statuses[0].Status) : null;
            Report(DiagnosticDescriptors.MissingRequiredKey, Loc(Find(map, "summary") ?? nameNode ?? map), label, "summary", phrase ?? "<a short title>");
            ok = false;
        }

        var description = ReadText(map, "description");
        var notes = ReadText(map, "notes");
        var example = ReadText(map, "example");
        var source = ReadText(map, "source");
        var isDefault = ReadBoolean(map, "default") ?? false;
        var body = ReadBodyList(map);
        var (matchBodyTexts, matchHeaders, matchFields, matchHeaderValues) = ReadMatch(map);
        var (transient, after) = ReadRetry(map);

        if (!ok)
        {
            return null;
        }

        // Named arguments: five strings and four lists of match conditions in a row are easy to swap unseen.
        return new RawResponse(
            Node: map,
            NameNode: nameNode!,
            Name: name!,
            Statuses: statuses,
            Summary: summary!,
            Description: description,
            Notes: notes,
            Example: example,
            Source: source,
            MatchBodyTexts: matchBodyTexts,
            MatchHeaders: matchHeaders,
            IsDefault: isDefault,
            BodyShapes: body,
            Transient: transient,
            RetryAfterSeconds: after,
            MatchFields: matchFields,
            MatchHeaderValues: matchHeaderValues);
    }

    private List<(int Status, YamlNode Node)> ReadStatuses(YamlMappingNode map, string label, ref bool ok)
    {
        var result = new List<(int, YamlNode)>();
        var node = Find(map, "status");
        if (node is null || (node is YamlScalarNode nullScalar && YamlNodes.IsNull(nullScalar)))
        {
            Report(DiagnosticDescriptors.MissingRequiredKey, Loc(node ?? Find(map, "name") ?? map), label, "status", "503");
            ok = false;
            return result;
        }

        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : new[] { node };
        var any = false;
        foreach (var item in items)
        {
            any = true;
            if (item is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain && YamlNodes.TryGetInt(scalar, out var status) && status >= 100 && status <= 599)
            {
                if (!result.Any(r => r.Item1 == status))
                {
                    result.Add((status, item));
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidStatus, Loc(item), item is YamlScalarNode s ? YamlNodes.Quote(s.Value) : YamlNodes.Describe(item), QuotedNumberHint(item));
                ok = false;
            }
        }

        if (!any)
        {
            Report(DiagnosticDescriptors.InvalidStatus, Loc(node), "[]", string.Empty);
            ok = false;
        }

        return result;
    }

    private (List<(string, YamlNode)> Body, List<(string, YamlNode)> Headers, List<(FieldMatch, YamlNode)> Fields, List<(HeaderValueMatch, YamlNode)> HeaderValues) ReadMatch(YamlMappingNode map)
    {
        var body = new List<(string, YamlNode)>();
        var headers = new List<(string, YamlNode)>();
        var fields = new List<(FieldMatch, YamlNode)>();
        var headerValues = new List<(HeaderValueMatch, YamlNode)>();
        var node = Find(map, "match");
        if (node is null || (node is YamlScalarNode s && YamlNodes.IsNull(s)))
        {
            return (body, headers, fields, headerValues);
        }

        if (node is not YamlMappingNode match)
        {
            Report(DiagnosticDescriptors.InvalidValue, Loc(node), "match", YamlNodes.Describe(node), "a mapping with 'body:', 'headers:', 'fields:' and/or 'header-values:'");
            return (body, headers, fields, headerValues);
        }

        CheckKeys(match, SpecKeys.Match, "'match'");
        ReadStringList(match, "body", "match.body", body, text => text.Length > 0, "a non-empty text");
        ReadStringList(match, "headers", "match.headers", headers, Identifiers.IsHttpToken, "an HTTP header name");
        foreach (var (item, key, values) in ReadValueMatches(match, "fields", "path", SpecKeys.FieldMatch))
        {
            if (BodyPath.Parse(key, out var error) is { } path)
            {
                fields.Add((new FieldMatch(path, values.ToEquatableArray()), item));
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, Loc(item), "match.fields", YamlNodes.Quote(key), "a path into a JSON body such as 'error' (" + error + ")");
            }
        }

        foreach (var (item, key, values) in ReadValueMatches(match, "header-values", "name", SpecKeys.HeaderValueMatch))
        {
            if (!Identifiers.IsHttpToken(key))
            {
                Report(DiagnosticDescriptors.InvalidValue, Loc(item), "match.header-values", YamlNodes.Quote(key), "an HTTP header name");
            }
            else if (values.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, Loc(item), "match.header-values", YamlNodes.Quote(key), "a header with the 'value:' (or 'values:') it must have");
            }
            else
            {
                headerValues.Add((new HeaderValueMatch(key, values.ToEquatableArray()), item));
            }
        }

        return (body, headers, fields, headerValues);
    }

    /// <summary>Items that are a key alone ('error') or '{ path|name: key, value: v }' / '{ ..., values: [v, w] }'.</summary>
    private List<(YamlNode Node, string Key, List<string> Values)> ReadValueMatches(YamlMappingNode match, string listKey, string keyName, string[] allowed)
    {
        var result = new List<(YamlNode, string, List<string>)>();
        var node = Find(match, listKey);
        if (node is null || IsNullNode(node))
        {
            return result;
        }

        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : new[] { node };
        foreach (var item in items)
        {
            if (item is YamlScalarNode scalar && !YamlNodes.IsNull(scalar) && scalar.Value is { Length: > 0 } text)
            {
                result.Add((item, text, new List<string>()));
                continue;
            }

            if (item is YamlMappingNode map && ReadText(map, keyName) is { Length: > 0 } key)
            {
                CheckKeys(map, allowed, $"an item of 'match.{listKey}'");
                var values = new List<(string, YamlNode)>();
                ReadStringList(map, "value", "value", values, _ => true, "a text");
                ReadStringList(map, "values", "values", values, _ => true, "a text");
                result.Add((item, key, values.Select(v => v.Item1).ToList()));
                continue;
            }

            Report(DiagnosticDescriptors.InvalidValue, Loc(item), "match." + listKey, item is YamlScalarNode s ? YamlNodes.Quote(s.Value) : YamlNodes.Describe(item), $"a {keyName}, or '{{ {keyName}: ..., value: ... }}'");
        }

        return result;
    }

    private void ReadStringList(YamlMappingNode map, string key, string label, List<(string, YamlNode)> into, Func<string, bool> isValid, string expected)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return;
        }

        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : new[] { node };
        foreach (var item in items)
        {
            if (item is YamlScalarNode scalar && !YamlNodes.IsNull(scalar) && isValid(scalar.Value ?? string.Empty))
            {
                into.Add((scalar.Value!, item));
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, Loc(item), label, item is YamlScalarNode s ? YamlNodes.Quote(s.Value) : YamlNodes.Describe(item), expected + ", or a list of them");
            }
        }
    }

    private (bool? Transient, int? After) ReadRetry(YamlMappingNode map)
    {
        var node = Find(map, "retry");
        if (node is null || (node is YamlScalarNode s && YamlNodes.IsNull(s)))
        {
            return (null, null);
        }

        if (node is not YamlMappingNode retry)
        {
            Report(DiagnosticDescriptors.InvalidValue, Loc(node), "retry", YamlNodes.Describe(node), "a mapping such as '{ transient: true, after: 300 }'");
            return (null, null);
        }

        CheckKeys(retry, SpecKeys.Retry, "'retry'");
        var transient = ReadBoolean(retry, "transient");
        int? after = null;
        if (Find(retry, "after") is { } afterNode)
        {
            if (afterNode is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain && YamlNodes.TryGetInt(scalar, out var seconds) && seconds >= 0)
            {
                after = seconds;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidRetryAfter, Loc(afterNode), afterNode is YamlScalarNode text ? YamlNodes.Quote(text.Value) : YamlNodes.Describe(afterNode), QuotedNumberHint(afterNode));
            }
        }

        return (transient, after);
    }

    private bool? ReadBoolean(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && YamlNodes.TryGetBoolean(scalar, out var value))
        {
            return value;
        }

        Report(DiagnosticDescriptors.InvalidValue, Loc(node), key, node is YamlScalarNode s ? YamlNodes.Quote(s.Value) : YamlNodes.Describe(node), "true or false");
        return null;
    }

    /// <summary>A text value; null when the key is absent or null. A mapping or sequence where text belongs is an error.</summary>
    private string? ReadText(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when YamlNodes.IsNull(scalar):
                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                Report(DiagnosticDescriptors.InvalidValue, Loc(node), key, YamlNodes.Describe(node), "a text value");
                return null;
        }
    }

    private void CheckKeys(YamlMappingNode map, string[] allowed, string where, string? alsoAccepted = null)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode scalar || (Array.IndexOf(allowed, scalar.Value) < 0 && scalar.Value != alsoAccepted))
            {
                var text = key is YamlScalarNode s ? YamlNodes.Quote(s.Value) : YamlNodes.Describe(key);
                var meant = key is YamlScalarNode typed && typed.Value is { } value ? KeySuggestion.Nearest(value, allowed) : null;
                var suggestion = meant is null ? string.Empty : $" Did you mean '{meant}'?";
                Report(DiagnosticDescriptors.UnknownKey, Loc(key), text, where, suggestion, string.Join(", ", allowed));
            }
        }
    }

    /// <summary>The root key whose sequence holds mappings with a 'status:' key, if any.</summary>
    private static KeyValuePair<YamlNode, YamlNode>? MisplacedResponses(YamlMappingNode root)
    {
        foreach (var pair in root.Children)
        {
            if (pair.Value is YamlSequenceNode sequence && sequence.Children.Any(item => item is YamlMappingNode entry && Find(entry, "status") is not null))
            {
                return pair;
            }
        }

        return null;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>For a number written in quotes (which YAML reads as text), the sentence that says so; empty otherwise.</summary>
    private static string QuotedNumberHint(YamlNode node) =>
        node is YamlScalarNode scalar && scalar.Style != ScalarStyle.Plain && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? " It is in quotes, so YAML reads it as text: write " + scalar.Value + " without quotes."
            : string.Empty;

    private static YamlNode? Find(YamlMappingNode map, string key) => YamlNodes.Find(map, key);

    private static bool IsNullNode(YamlNode node) => node is YamlScalarNode scalar && YamlNodes.IsNull(scalar);

    private SpecLocation Loc(YamlNode node) => YamlNodes.Location(_path, node);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
}
