using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>Reading <c>bodies:</c>, <c>records:</c>, <c>message:</c> and an entry's <c>body:</c>.</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] FieldTypes = { "string", "int", "bool", "strings", "map", "records" };
    private static readonly string[] FieldScopes = { "entry", "base", "message" };
    private static readonly string[] Formats = { "json", "xml", "text", "form" };

    /// <summary>A shape as read, with the node its diagnostics point at (null for a built-in shape).</summary>
    private sealed record RawShape(BodyShapeModel Model, YamlNode? Node, Dictionary<string, YamlNode> FieldNodes);

    private List<RawShape> ReadShapes(YamlMappingNode root)
    {
        var result = new List<RawShape>();
        if (OptionalSequence(root, "bodies", "a sequence of body shapes ('- name: ...' with 'format:' and 'fields:')") is not { } sequence)
        {
            return result;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(item), YamlNodes.Describe(item), "write it as '- name: ...' with 'format:' and 'fields:' below it");
                continue;
            }

            if (ReadShape(map) is { } shape)
            {
                if (result.FirstOrDefault(s => s.Model.Name == shape.Model.Name) is { } earlier)
                {
                    Report(DiagnosticDescriptors.InvalidBodyShape, Loc(map), $"'{YamlNodes.Quote(shape.Model.Name)}'", $"the name is already used by the shape at line {earlier.Node!.Start.Line}");
                    continue;
                }

                result.Add(shape);
            }
        }

        return result;
    }

    /// <summary>Shapes with a name that could not be read: entries that list them get no second error.</summary>
    private readonly HashSet<string> _unreadableShapes = new(StringComparer.Ordinal);

    private RawShape? ReadShape(YamlMappingNode map)
    {
        var name = ReadText(map, "name");
        CheckKeys(map, SpecKeys.BodyShape, name is null ? "a body shape" : $"the body shape '{YamlNodes.Quote(name)}'");
        ReadText(map, "description");
        ReadText(map, "source");
        if (name is null || !IsShapeName(name))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "name") ?? map), name is null ? "without a name" : $"'{YamlNodes.Quote(name)}'", "give it a 'name:' of letters, digits, '-' and '_', starting with a letter, such as 'accounting-validation'");
            return null;
        }

        var label = $"'{YamlNodes.Quote(name)}'";
        var ok = true;
        var formatText = ReadText(map, "format");
        var format = BodyShapeFormat.Json;
        switch (formatText)
        {
            case null:
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "format") ?? map), label, "it has no 'format:'; add 'format: json' (or xml, text, form)");
                ok = false;
                break;
            case "json":
                break;
            case "xml":
                format = BodyShapeFormat.Xml;
                break;
            case "text":
                format = BodyShapeFormat.Text;
                break;
            case "form":
                format = BodyShapeFormat.Form;
                break;
            default:
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "format")!), label, $"'format' is '{YamlNodes.Quote(formatText)}', but it must be one of {string.Join(", ", Formats)}");
                ok = false;
                break;
        }

        string? root = null;
        var required = new List<BodyPathModel>();
        if (Find(map, "when") is { } whenNode && !IsNullNode(whenNode))
        {
            if (whenNode is not YamlMappingNode when)
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(whenNode), label, "'when' must be a mapping such as '{ fields: [ErrorNumber] }' or '{ root: ApiException }'");
                ok = false;
            }
            else
            {
                CheckKeys(when, SpecKeys.BodyShapeWhen, $"'when' of {label}");
                root = ReadText(when, "root");
                if (root is not null && format != BodyShapeFormat.Xml)
                {
                    Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(when, "root")!), label, "'when.root' names an XML root element, but the shape's format is not xml");
                    ok = false;
                }

                var fields = new List<(string, YamlNode)>();
                ReadStringList(when, "fields", "when.fields", fields, text => text.Length > 0, "a path");
                foreach (var (path, pathNode) in fields)
                {
                    if (CheckPath(label, path, pathNode, format))
                    {
                        required.Add(BodyPath.Checked(path));
                    }
                    else
                    {
                        ok = false;
                    }
                }
            }
        }

        var fieldList = new List<BodyFieldModel>();
        var fieldNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var fieldsNode = Find(map, "fields");
        if (fieldsNode is YamlSequenceNode fieldSequence)
        {
            foreach (var item in fieldSequence.Children)
            {
                if (item is not YamlMappingNode fieldMap)
                {
                    Report(DiagnosticDescriptors.InvalidBodyShape, Loc(item), label, "each field is a mapping such as '{ property: ErrorNumber, type: int, path: ErrorNumber }'");
                    ok = false;
                    continue;
                }

                if (ReadField(fieldMap, label, format) is { } field)
                {
                    if (fieldNodes.ContainsKey(field.Property))
                    {
                        Report(DiagnosticDescriptors.InvalidBodyShape, Loc(fieldMap), label, $"the property '{field.Property}' is read twice; list several paths under one field instead");
                        ok = false;
                        continue;
                    }

                    fieldList.Add(field);
                    fieldNodes[field.Property] = fieldMap;
                }
                else
                {
                    ok = false;
                }
            }
        }
        else if (fieldsNode is not null && !IsNullNode(fieldsNode))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(fieldsNode), label, "'fields' must be a sequence of fields");
            ok = false;
        }

        if (!ok)
        {
            _unreadableShapes.Add(name);
            return null;
        }

        var model = new BodyShapeModel(name, format, root, required.ToEquatableArray(), fieldList.ToEquatableArray());
        return new RawShape(model, map, fieldNodes);
    }

    private BodyFieldModel? ReadField(YamlMappingNode map, string shape, BodyShapeFormat format)
    {
        CheckKeys(map, SpecKeys.BodyField, $"a field of {shape}", SpecKeys.BodyFieldScopeBeforeRename);
        var property = ReadText(map, "property");
        if (property is null || !Identifiers.IsValid(property) || Identifiers.IsKeyword(property))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "property") ?? map), shape, property is null ? "a field has no 'property:'" : $"the property '{YamlNodes.Quote(property)}' is not a valid C# identifier");
            return null;
        }

        var label = $"{shape} (property '{property}')";
        var typeText = ReadText(map, "type") ?? "string";
        var typeIndex = Array.IndexOf(FieldTypes, typeText);
        if (typeIndex < 0)
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "type")!), label, $"the type '{YamlNodes.Quote(typeText)}' is not one of {string.Join(", ", FieldTypes)}");
            return null;
        }

        var type = (BodyFieldType)typeIndex;
        var scopeKey = ScopeKey(map, label);
        if (scopeKey is null)
        {
            return null;
        }

        var scopeText = ReadText(map, scopeKey) ?? "entry";
        var scopeIndex = Array.IndexOf(FieldScopes, scopeText);
        if (scopeIndex < 0)
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, scopeKey)!), label, $"'{scopeKey}' is '{YamlNodes.Quote(scopeText)}', but it must be entry, base or message");
            return null;
        }

        var pattern = ReadText(map, "pattern");
        if (pattern is not null)
        {
            if (type != BodyFieldType.String && type != BodyFieldType.Bool)
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "pattern")!), label, "'pattern' applies to string and bool fields only");
                return null;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "pattern")!), label, $"the pattern is not a valid regular expression ({YamlNodes.Quote(ex.Message.TrimEnd('.'))})");
                return null;
            }
        }

        var record = ReadText(map, "record");
        if ((record is null) != (type != BodyFieldType.Records))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "record") ?? map), label, type == BodyFieldType.Records ? "a 'records' field names its record with 'record: ValidationError'" : "'record' applies to 'records' fields only");
            return null;
        }

        var sources = ReadSources(map, label, format, type == BodyFieldType.Records);
        if (sources is null)
        {
            return null;
        }

        var description = ReadText(map, "description");
        return new BodyFieldModel(property, type, (BodyFieldScope)scopeIndex, sources.ToEquatableArray(), pattern, record, description);
    }

    /// <summary>'path: p', 'paths: [p, q]', or (for records) 'from: [{ path: p, members: { Member: relative } }]'.</summary>
    private List<BodyFieldSource>? ReadSources(YamlMappingNode map, string label, BodyShapeFormat format, bool records)
    {
        var result = new List<BodyFieldSource>();
        var given = new[] { "path", "paths", "from" }.Where(k => Find(map, k) is not null).ToList();
        if (given.Count != 1 || (records != (given[0] == "from")))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(map), label, records
                ? "a 'records' field says where its items are with 'from: [{ path: ..., members: { Message: ... } }]'"
                : "a field says where its value is with one 'path:' or a 'paths:' list");
            return null;
        }

        if (given[0] != "from")
        {
            var paths = new List<(string, YamlNode)>();
            ReadStringList(map, given[0], given[0], paths, text => text.Length > 0, "a path");
            foreach (var (path, node) in paths)
            {
                if (!CheckPath(label, path, node, format))
                {
                    return null;
                }

                result.Add(new BodyFieldSource(BodyPath.Checked(path), EquatableArray<RecordMemberSource>.Empty));
            }

            return result.Count == 0 ? null : result;
        }

        if (Find(map, "from") is not YamlSequenceNode from || from.Children.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(Find(map, "from")!), label, "'from' is a sequence of '{ path: ..., members: { Message: ... } }'");
            return null;
        }

        foreach (var item in from.Children)
        {
            if (item is not YamlMappingNode source || ReadText(source, "path") is not { } path || Find(source, "members") is not YamlMappingNode members)
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(item), label, "each 'from' item has a 'path:' and 'members:' such as '{ path: \"invalidFields[]\", members: { Field: name, Message: reason } }'");
                return null;
            }

            CheckKeys(source, SpecKeys.BodyFieldSource, $"a 'from' item of {label}");
            if (!CheckPath(label, path, Find(source, "path")!, format))
            {
                return null;
            }

            var memberList = new List<RecordMemberSource>();
            foreach (var pair in members.Children)
            {
                var member = (pair.Key as YamlScalarNode)?.Value;
                var relative = (pair.Value as YamlScalarNode)?.Value;
                if (member is null || relative is null || (relative != "$key" && !CheckPath(label, relative, pair.Value, format)))
                {
                    if (member is null || relative is null)
                    {
                        Report(DiagnosticDescriptors.InvalidBodyShape, Loc(pair.Key), label, "each member maps a record member to a path, such as 'Message: reason'");
                    }

                    return null;
                }

                memberList.Add(new RecordMemberSource(member, BodyPath.Checked(relative)));
            }

            result.Add(new BodyFieldSource(BodyPath.Checked(path), memberList.ToEquatableArray()));
        }

        return result;
    }

    private bool CheckPath(string label, string path, YamlNode node, BodyShapeFormat format)
    {
        if (!BodyPath.IsValid(path, out var error))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(node), label, $"the path '{YamlNodes.Quote(path)}' is not valid: {error}");
            return false;
        }

        if (format == BodyShapeFormat.Text && path != ".")
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(node), label, $"a text body has no parts, so its only path is '.', not '{YamlNodes.Quote(path)}'");
            return false;
        }

        if (format == BodyShapeFormat.Form && path != "." && !BodyPath.IsSingleName(path))
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(node), label, $"a form body is flat, so a path is one name such as 'oauth_problem', not '{YamlNodes.Quote(path)}'");
            return false;
        }

        return true;
    }

    private List<(RecordModel Model, YamlNode? Node)> ReadRecords(YamlMappingNode root)
    {
        var result = new List<(RecordModel, YamlNode?)>();
        if (OptionalSequence(root, "records", "a sequence of records ('- name: ValidationError' with 'members:')") is not { } sequence)
        {
            return result;
        }

        foreach (var item in sequence.Children)
        {
            var map = item as YamlMappingNode;
            var name = map is null ? null : ReadText(map, "name");
            if (map is null || name is null || !Identifiers.IsValid(name) || Identifiers.IsKeyword(name))
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(item), "record", "a record is '- name: ValidationError' (a C# identifier) with 'members:'");
                continue;
            }

            CheckKeys(map, SpecKeys.Record, $"the record '{name}'");
            var members = new List<RecordMemberModel>();
            if (Find(map, "members") is YamlSequenceNode memberNodes)
            {
                foreach (var memberNode in memberNodes.Children)
                {
                    var memberMap = memberNode as YamlMappingNode;
                    var member = memberMap is null ? null : ReadText(memberMap, "name");
                    if (memberMap is null || member is null || !Identifiers.IsValid(member) || Identifiers.IsKeyword(member) || member == name || members.Any(m => m.Name == member))
                    {
                        Report(DiagnosticDescriptors.InvalidBodyShape, Loc(memberNode), $"record '{name}'", "each member is '- name: Message' (a C# identifier, once, not the record's own name), with optional 'required: true'");
                        continue;
                    }

                    CheckKeys(memberMap, SpecKeys.RecordMember, $"a member of the record '{name}'");
                    members.Add(new RecordMemberModel(member, ReadBoolean(memberMap, "required") ?? false, ReadText(memberMap, "description")));
                }
            }

            if (members.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidBodyShape, Loc(map), $"record '{name}'", "it has no 'members:'");
                continue;
            }

            result.Add((new RecordModel(name, ReadText(map, "description"), members.ToEquatableArray()), map));
        }

        return result;
    }

    private List<(List<string> Properties, YamlNode Node)>? ReadMessage(YamlMappingNode root)
    {
        if (OptionalSequence(root, "message", "a sequence of properties (or lists of properties) to quote, such as '[ValidationErrors, Detail]'") is not { } sequence)
        {
            return null;
        }

        var result = new List<(List<string>, YamlNode)>();
        foreach (var item in sequence.Children)
        {
            var names = item is YamlSequenceNode group
                ? group.Children.Select(c => (c as YamlScalarNode)?.Value).ToList()
                : new List<string?> { (item as YamlScalarNode)?.Value };
            if (names.Count == 0 || names.Any(n => n is null || !Identifiers.IsValid(n)))
            {
                Report(DiagnosticDescriptors.InvalidValue, Loc(item), "message", YamlNodes.Describe(item), "a property name, or a list of them");
                continue;
            }

            result.Add((names.Select(n => n!).ToList(), item));
        }

        return result;
    }

    /// <summary>An entry's 'body:': one shape name or a list of them, in the order they are tried.</summary>
    private List<(string Name, YamlNode Node)> ReadBodyList(YamlMappingNode map)
    {
        var result = new List<(string, YamlNode)>();
        var node = Find(map, "body");
        if (node is null || IsNullNode(node))
        {
            return result;
        }

        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : new[] { node };
        foreach (var item in items)
        {
            if (item is YamlScalarNode scalar && !YamlNodes.IsNull(scalar) && scalar.Value is { Length: > 0 } name)
            {
                // 'text' has always meant "kept as text, nothing read".
                if (name != "text")
                {
                    result.Add((name, item));
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, Loc(item), "body", item is YamlScalarNode s ? YamlNodes.Quote(s.Value) : YamlNodes.Describe(item), "the name of a body shape, or a list of them");
            }
        }

        return result;
    }

    /// <summary>A root key that may be absent or empty; anything but a sequence there is XERR018.</summary>
    private YamlSequenceNode? OptionalSequence(YamlMappingNode root, string key, string expected)
    {
        var node = Find(root, key);
        if (node is null || IsNullNode(node))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(DiagnosticDescriptors.InvalidValue, Loc(node), key, YamlNodes.Describe(node), expected);
            return null;
        }

        return sequence;
    }

    private static bool IsShapeName(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_');

    /// <summary>
    /// The key a field's scope is written under: <c>scope</c>, or <c>on</c> from specs written before the rename (warning
    /// XERR111, at the key). Both in one field is a broken field (null).
    /// </summary>
    private string? ScopeKey(YamlMappingNode map, string label)
    {
        var renamed = YamlNodes.FindKey(map, SpecKeys.BodyFieldScopeBeforeRename);
        if (renamed is null)
        {
            return "scope";
        }

        if (Find(map, "scope") is not null)
        {
            Report(DiagnosticDescriptors.InvalidBodyShape, Loc(renamed), label, "it has both 'scope' and 'on', which is the same key under its old name; keep 'scope' only");
            return null;
        }

        var value = Find(map, SpecKeys.BodyFieldScopeBeforeRename) is YamlScalarNode { Value: { } text } ? YamlNodes.Quote(text) : "entry";
        Report(DiagnosticDescriptors.BooleanLikeKey, Loc(renamed), label, value);
        return SpecKeys.BodyFieldScopeBeforeRename;
    }

    /// <summary>How a field reads, for XERR024: "a string on the base exception".</summary>
    internal static string DescribeField(BodyFieldModel field)
    {
        var type = field.Type == BodyFieldType.Records ? "records of " + field.Record : FieldTypes[(int)field.Type];
        return string.Format(CultureInfo.InvariantCulture, "{0} ({1})", type, "scope: " + FieldScopes[(int)field.Scope]);
    }

    private static readonly System.Lazy<(List<RawShape> Shapes, List<(RecordModel Model, YamlNode? Node)> Records)> BuiltIns = new(LoadBuiltIns);

    private static (List<RawShape>, List<(RecordModel, YamlNode?)>) LoadBuiltIns()
    {
        var parser = new SpecParser("built-in");
        var stream = new YamlStream();
        stream.Load(new System.IO.StringReader(BuiltInShapes.Yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var records = parser.ReadRecords(root).Select(r => (r.Model, (YamlNode?)null)).ToList();
        var shapes = parser.ReadShapes(root).Select(s => s with { Node = null }).ToList();
        if (parser._diagnostics.Count > 0)
        {
            throw new System.InvalidOperationException("The built-in body shapes are not valid: " + parser._diagnostics[0].ToDiagnostic().GetMessage(CultureInfo.InvariantCulture));
        }

        return (shapes, records);
    }

    /// <summary>
    /// Ties entries to the shapes they list: unknown names (XERR023), unused shapes (XERR105), a property read two ways
    /// (XERR024), record members, shadowed shapes (XERR106) and the message parts. Returns what the emitter needs, with
    /// the shapes each entry keeps; the entries themselves are left as read.
    /// </summary>
    private (List<BodyShapeModel> Shapes, List<RecordModel> Records, List<MessagePart> Message, Dictionary<RawResponse, EquatableArray<string>> EntryShapes) ResolveBodies(
        YamlMappingNode root,
        List<RawResponse> responses,
        List<RawHeader> headers)
    {
        var declared = ReadShapes(root);
        var records = ReadRecords(root);
        var message = ReadMessage(root);
        var builtIns = BuiltIns.Value;
        foreach (var record in builtIns.Records.Where(r => records.All(own => own.Model.Name != r.Model.Name)))
        {
            records.Add(record);
        }

        var available = declared.Concat(builtIns.Shapes.Where(b => declared.All(d => d.Model.Name != b.Model.Name))).ToList();
        var broken = new HashSet<string>(StringComparer.Ordinal);

        // Fields that break a rule drop their shape, so what is generated still compiles.
        var properties = new Dictionary<string, (BodyFieldModel Field, RawShape Shape)>(StringComparer.Ordinal);
        var reserved = new HashSet<string>(GeneratedMembers.ReservedForBodyFields.Concat(headers.Select(h => h.Model.Property)), StringComparer.OrdinalIgnoreCase);
        var used = available.Where(shape => responses.Any(r => r.BodyShapes.Any(b => b.Name == shape.Model.Name))).ToList();
        foreach (var shape in used)
        {
            foreach (var field in shape.Model.Fields)
            {
                var at = shape.FieldNodes.TryGetValue(field.Property, out var node) && shape.Node is not null ? node : null;
                var label = $"'{YamlNodes.Quote(shape.Model.Name)}'";
                if (reserved.Contains(field.Property))
                {
                    ReportAt(DiagnosticDescriptors.InvalidBodyShape, at, shape, responses, label, $"the property '{field.Property}' is already a member of the exceptions or of the headers; choose another name");
                    broken.Add(shape.Model.Name);
                }
                else if (properties.TryGetValue(field.Property, out var earlier) && !SameProperty(earlier.Field, field))
                {
                    ReportAt(DiagnosticDescriptors.ConflictingBodyField, at, shape, responses, field.Property, DescribeField(field), shape.Model.Name, DescribeField(earlier.Field), earlier.Shape.Model.Name);
                    broken.Add(shape.Model.Name);
                }
                else if (field.Type == BodyFieldType.Records && CheckRecordField(field, records) is { } problem)
                {
                    ReportAt(DiagnosticDescriptors.InvalidBodyShape, at, shape, responses, label, problem);
                    broken.Add(shape.Model.Name);
                }
                else if (!properties.ContainsKey(field.Property))
                {
                    properties[field.Property] = (field, shape);
                }
            }
        }

        foreach (var shape in declared.Where(d => !used.Contains(d)))
        {
            Report(DiagnosticDescriptors.UnusedBodyShape, Loc(shape.Node!), shape.Model.Name);
        }

        var names = string.Join(", ", available.Select(a => a.Model.Name));
        var byName = used.Where(u => !broken.Contains(u.Model.Name)).ToDictionary(u => u.Model.Name, StringComparer.Ordinal);
        var builtInsUsed = new HashSet<string>(StringComparer.Ordinal);

        // What each entry reads, once its unknown, broken and repeated shapes are dropped; the checked entries stay as read.
        var entryShapes = new Dictionary<RawResponse, EquatableArray<string>>();
        foreach (var response in responses)
        {
            var kept = new List<(string Name, YamlNode Node)>();
            foreach (var (name, node) in response.BodyShapes)
            {
                if (!byName.ContainsKey(name))
                {
                    if (!broken.Contains(name) && !_unreadableShapes.Contains(name))
                    {
                        Report(DiagnosticDescriptors.UnknownBodyShape, Loc(node), response.Name, YamlNodes.Quote(name), names);
                    }

                    continue;
                }

                if (kept.Any(k => k.Name == name))
                {
                    continue;
                }

                var shadow = kept.Select(k => byName[k.Name].Model).FirstOrDefault(earlier => Shadows(earlier, byName[name].Model));
                if (shadow is not null)
                {
                    Report(DiagnosticDescriptors.ShadowedBodyShape, Loc(node), response.Name, name, shadow.Name);
                }

                kept.Add((name, node));
                if (declared.All(d => d.Model.Name != name) && builtInsUsed.Add(name))
                {
                    // Once per shape, where it is first listed: the fix is one declaration, not one per entry.
                    Report(DiagnosticDescriptors.BuiltInBodyShape, Loc(node), response.Name, name);
                }

                // One place is enough to say that System.Text.Json is missing: the first entry that reads JSON.
                if (byName[name].Model.Format == BodyShapeFormat.Json && _bodyUses.Count == 0)
                {
                    _bodyUses.Add(new BodyUse(response.Name, name, Loc(node)));
                }
            }

            entryShapes[response] = kept.Select(k => k.Name).ToEquatableArray();
        }

        var shapes = used.Where(u => byName.ContainsKey(u.Model.Name)).Select(u => u.Model).ToList();
        var fields = shapes.SelectMany(s => s.Fields).GroupBy(f => f.Property).Select(g => g.First()).ToList();
        var parts = new List<MessagePart>();
        if (message is null)
        {
            // By default: lists of messages first, then texts, in declaration order; flags, numbers and derived codes are not quoted.
            parts.AddRange(fields.Where(f => f.Type is BodyFieldType.Records or BodyFieldType.Strings or BodyFieldType.Map).Select(Part));
            parts.AddRange(fields.Where(f => f.Type == BodyFieldType.String && f.Pattern is null).Select(Part));
        }
        else
        {
            foreach (var (group, node) in message)
            {
                var unknown = group.FirstOrDefault(p => fields.All(f => f.Property != p));
                if (unknown is not null)
                {
                    // A name no used shape reads may belong to a shape that is broken or unused: only say so when it is truly unknown.
                    if (available.SelectMany(a => a.Model.Fields).All(f => f.Property != unknown))
                    {
                        Report(DiagnosticDescriptors.InvalidValue, Loc(node), "message", YamlNodes.Quote(unknown), "a property that a body shape reads (" + string.Join(", ", fields.Select(f => f.Property)) + ")");
                    }

                    continue;
                }

                parts.Add(new MessagePart(group.ToEquatableArray()));
            }
        }

        var usedRecords = records.Select(r => r.Model).Where(r => fields.Any(f => f.Record == r.Name)).ToList();
        return (shapes, usedRecords, parts, entryShapes);

        static MessagePart Part(BodyFieldModel field) => new(new[] { field.Property }.ToEquatableArray());
    }

    private static bool SameProperty(BodyFieldModel a, BodyFieldModel b) => a.Type == b.Type && a.Scope == b.Scope && a.Record == b.Record;

    private static string? CheckRecordField(BodyFieldModel field, List<(RecordModel Model, YamlNode? Node)> records)
    {
        var record = records.Select(r => r.Model).FirstOrDefault(r => r.Name == field.Record);
        if (record is null)
        {
            return $"the record '{field.Record}' is not declared under 'records:' (declared: {string.Join(", ", records.Select(r => r.Model.Name))})";
        }

        foreach (var source in field.Sources)
        {
            if (source.Members.FirstOrDefault(m => record.Members.All(rm => rm.Name != m.Member)) is { } unknown)
            {
                return $"'{unknown.Member}' is not a member of the record '{record.Name}' ({string.Join(", ", record.Members.Select(m => m.Name))})";
            }

            if (record.Members.FirstOrDefault(m => m.Required && source.Members.All(sm => sm.Member != m.Name)) is { } missing)
            {
                return $"the path '{source.Path.Text}' does not say where the required member '{missing.Name}' is";
            }
        }

        return null;
    }

    /// <summary>Whether every body that fits <paramref name="later"/> also fits <paramref name="earlier"/>.</summary>
    private static bool Shadows(BodyShapeModel earlier, BodyShapeModel later) =>
        earlier.Format == later.Format
        && (earlier.Root is null || string.Equals(earlier.Root, later.Root, StringComparison.OrdinalIgnoreCase))
        && earlier.RequiredPaths.All(p => later.RequiredPaths.Any(q => string.Equals(p.Text, q.Text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Reports at a field of a spec's own shape, or (for a built-in shape) at the first entry that lists it.</summary>
    private void ReportAt(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode? node, RawShape shape, List<RawResponse> responses, params string[] args)
    {
        var at = node
            ?? shape.Node
            ?? responses.SelectMany(r => r.BodyShapes).First(b => b.Name == shape.Model.Name).Node;
        Report(descriptor, Loc(at), args);
    }
}
