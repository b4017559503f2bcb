using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits the internal <c>{Prefix}ResponseBodies</c>: the spec's body shapes turned into code that recognises a body
/// and reads its fields. Every body is parsed into one small tree (JSON, XML, form or text alike) that the paths walk;
/// a format the consumer's compilation cannot parse (no System.Text.Json, no System.Xml) reads as nothing.
/// </summary>
internal static class BodiesEmitter
{
    public static string Emit(EmitContext context)
    {
        var n = context.Nullable("string");
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Text(
            writer,
            "Reads the error bodies the spec's body shapes describe. Never throws: a body that fits no shape, or is not what it claims, reads as nothing.",
            "At most 1000 items are read into any list, and JSON or XML nested deeper than 64 levels reads as nothing, so a hostile body stays cheap.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"internal static class {context.BodiesType}");
        writer.WriteLines("""
            /// <summary>The most items read into one list (validation errors, messages, map entries).</summary>
            internal const int MaxItems = 1000;

            /// <summary>Deeper JSON or XML is no error body; refusing it keeps a hostile body cheap.</summary>
            private const int MaxDepth = 64;

            /// <summary>The most nodes one body is parsed into.</summary>
            private const int MaxNodes = 100000;
            """);
        writer.WriteLine();
        EmitValues(writer, context);
        writer.WriteLine();
        EmitRead(writer, context);
        var paths = new PathTable();
        foreach (var shape in context.Spec.Shapes)
        {
            writer.WriteLine();
            EmitShape(writer, context, shape, paths);
        }

        // Registered before the table is written: static fields initialise in order, so the table comes first.
        var matchPaths = context.FieldMatches.Select(paths.Get).ToList();
        writer.WriteLine();
        paths.Emit(writer);
        if (matchPaths.Count > 0)
        {
            writer.WriteLine();
            EmitFieldMatch(writer, context, matchPaths);
        }
        writer.WriteLine();
        EmitTree(writer, context);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>BodyValues: one member per property any shape reads, and the message text.</summary>
    private static void EmitValues(SourceWriter writer, EmitContext context)
    {
        DocComment.Summary(writer, "What was read from one body: one member per property the spec's shapes read.");
        writer.BeginBlock("internal sealed class BodyValues");
        writer.WriteLine("public static readonly BodyValues Empty = new BodyValues();");
        foreach (var field in context.BodyFields)
        {
            writer.WriteLine();
            writer.WriteLine($"public {context.FieldType(field)} {field.Property}{Initialiser(context, field)};");
        }

        writer.WriteLine();
        DocComment.Summary(writer, "The text the exception message quotes: the first of the spec's <c>message</c> parts that has a value.");
        writer.BeginBlock($"public {context.Nullable("string")} Describe()");
        foreach (var part in context.Spec.Message)
        {
            var fields = part.Properties.Select(p => context.BodyFields.First(f => f.Property == p)).ToList();
            writer.BeginBlock($"if ({HasValue(fields[0])})");
            if (fields.Count == 1)
            {
                writer.WriteLine($"return {Text(fields[0])};");
            }
            else
            {
                writer.WriteLine($"return Join({string.Join(", ", fields.Select(f => HasValue(f) + " ? " + Text(f) + " : null"))});");
            }

            writer.EndBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return null;");
        writer.EndBlock();
        writer.WriteLine();
        writer.WriteLines($$"""
            private static {{context.Nullable("string")}} Join(params {{context.Nullable("string")}}[] parts)
            {
                var builder = new global::System.Text.StringBuilder();
                foreach (var part in parts)
                {
                    if (!string.IsNullOrEmpty(part))
                    {
                        builder.Append(builder.Length == 0 ? string.Empty : ": ").Append(part);
                    }
                }

                return builder.Length == 0 ? null : builder.ToString();
            }

            /// <summary>The first few items, and how many more there are.</summary>
            private static string List<T>(global::System.Collections.Generic.IReadOnlyList<T> items)
            {
                const int Quoted = 3;
                var builder = new global::System.Text.StringBuilder();
                for (var i = 0; i < items.Count && i < Quoted; i++)
                {
                    builder.Append(i == 0 ? string.Empty : "; ").Append(items[i]);
                }

                if (items.Count > Quoted)
                {
                    builder.Append(" (and ").Append((items.Count - Quoted).ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(" more)");
                }

                return builder.ToString();
            }

            private static string Map(global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> map)
            {
                var items = new global::System.Collections.Generic.List<string>();
                foreach (var pair in map)
                {
                    items.Add(pair.Key + ": " + string.Join(", ", pair.Value));
                }

                return List(items);
            }
            """);
        writer.EndBlock();
    }

    private static string Initialiser(EmitContext context, BodyFieldModel field) => field.Type switch
    {
        BodyFieldType.Strings => " = new string[0]",
        BodyFieldType.Map => $" = new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>())",
        BodyFieldType.Records => $" = new {context.RecordType(field.Record!)}[0]",
        _ => string.Empty,
    };

    private static string HasValue(BodyFieldModel field) => field.Type switch
    {
        BodyFieldType.String => $"!string.IsNullOrEmpty({field.Property})",
        BodyFieldType.Int => $"{field.Property}.HasValue",
        BodyFieldType.Bool => field.Property,
        _ => $"{field.Property}.Count > 0",
    };

    private static string Text(BodyFieldModel field) => field.Type switch
    {
        BodyFieldType.String => field.Property,
        BodyFieldType.Int => $"{field.Property}.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        BodyFieldType.Bool => CSharpText.Literal(field.Property),
        BodyFieldType.Map => $"Map({field.Property})",
        _ => $"List({field.Property})",
    };

    /// <summary>Read(kind, body): an entry's shapes in its order; an unlisted status tries every shape.</summary>
    private static void EmitRead(SourceWriter writer, EmitContext context)
    {
        var entries = context.ErrorResponses.Where(e => !e.BodyShapes.IsEmpty).ToList();
        var shapeList = $"global::System.Func<ParsedBody, {context.Nullable("BodyValues")}>[]";
        DocComment.Summary(writer, "Reads a body with the first of the kind's shapes that it fits; an unlisted status tries every shape in the spec's order.");
        writer.BeginBlock($"internal static BodyValues Read({context.KindType} kind, {context.Nullable("string")} body)");
        writer.BeginBlock("if (body == null || body.Trim().Length == 0)");
        writer.WriteLine("return BodyValues.Empty;");
        writer.EndBlock();
        writer.WriteLine();
        writer.BeginBlock("switch (kind)");
        foreach (var entry in entries)
        {
            writer.WriteLine($"case {context.KindType}.{entry.Name}:");
            writer.Indent();
            writer.WriteLine($"return First(new ParsedBody(body), ShapesOf{entry.Name});");
            writer.Unindent();
        }

        writer.WriteLine($"case {context.KindType}.Unknown:");
        writer.Indent();
        writer.WriteLine("return First(new ParsedBody(body), ShapesOfUnknown);");
        writer.Unindent();
        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine("return BodyValues.Empty;");
        writer.Unindent();
        writer.EndBlock();
        writer.EndBlock();
        writer.WriteLine();
        writer.WriteLines($$"""
            private static BodyValues First(ParsedBody parsed, {{shapeList}} shapes)
            {
                foreach (var shape in shapes)
                {
                    var values = shape(parsed);
                    if (values != null)
                    {
                        return values;
                    }
                }

                return BodyValues.Empty;
            }
            """);
        writer.WriteLine();
        writer.WriteLine("// The shapes of each kind, in the spec's order; an unlisted status tries them all.");
        foreach (var entry in entries)
        {
            writer.WriteLine($"private static readonly {shapeList} ShapesOf{entry.Name} = {{ {string.Join(", ", entry.BodyShapes.Select(b => "Read" + context.ShapeMethod(b)))} }};");
        }

        writer.WriteLine($"private static readonly {shapeList} ShapesOfUnknown = {{ {string.Join(", ", context.Spec.Shapes.Select(b => "Read" + context.ShapeMethod(b.Name)))} }};");
    }

    private static void EmitShape(SourceWriter writer, EmitContext context, BodyShapeModel shape, PathTable paths)
    {
        var method = context.ShapeMethod(shape.Name);
        var root = RootOf(shape.Format);
        DocComment.Summary(writer, $"The body shape '{CSharpText.XmlText(shape.Name)}' ({FormatName(shape.Format)}): what it reads, or null when the body does not fit it.");
        writer.BeginBlock($"private static {context.Nullable("BodyValues")} Read{method}(ParsedBody parsed)");
        writer.WriteLine($"var root = parsed.{root};");
        var conditions = new List<string>();
        if (shape.Root is not null)
        {
            conditions.Add($"string.Equals(root.Name, {CSharpText.Literal(shape.Root)}, global::System.StringComparison.OrdinalIgnoreCase)");
        }

        conditions.AddRange(shape.RequiredPaths.Select(p => $"Find(root, {paths.Get(p)}).Count > 0"));
        writer.BeginBlock(conditions.Count == 0 ? "if (root == null)" : $"if (root == null || !({string.Join(" && ", conditions)}))");
        writer.WriteLine("return null;");
        writer.EndBlock();
        writer.WriteLine();
        writer.WriteLine("var values = new BodyValues();");
        foreach (var field in shape.Fields)
        {
            WriteFieldRead(writer, context, field, paths);
        }

        writer.WriteLine("return values;");
        writer.EndBlock();
    }

    private static void WriteFieldRead(SourceWriter writer, EmitContext context, BodyFieldModel field, PathTable paths)
    {
        var pathList = string.Join(", ", field.Sources.Select(s => paths.Get(s.Path)));
        var pattern = field.Pattern is null ? "null" : paths.Pattern(field.Pattern, context);
        switch (field.Type)
        {
            case BodyFieldType.String:
                writer.WriteLine($"values.{field.Property} = FirstText(root, {pattern}, {pathList});");
                break;
            case BodyFieldType.Int:
                writer.WriteLine($"values.{field.Property} = FirstInt(root, {pathList});");
                break;
            case BodyFieldType.Bool:
                writer.WriteLine($"values.{field.Property} = AnyTrue(root, {pattern}, {pathList});");
                break;
            case BodyFieldType.Strings:
                writer.WriteLine($"values.{field.Property} = AllTexts(root, {pathList});");
                break;
            case BodyFieldType.Map:
                writer.WriteLine($"values.{field.Property} = ReadMap(root, {pathList});");
                break;
            case BodyFieldType.Records:
                var record = context.Spec.Records.First(r => r.Name == field.Record);
                var type = context.RecordType(record.Name);
                writer.OpenBrace();
                writer.WriteLine($"var items = new global::System.Collections.Generic.List<{type}>();");
                foreach (var source in field.Sources)
                {
                    writer.BeginBlock($"foreach (var hit in Find(root, {paths.Get(source.Path)}))");
                    writer.BeginBlock("if (items.Count >= MaxItems)");
                    writer.WriteLine("break;");
                    writer.EndBlock();
                    writer.WriteLine();
                    foreach (var member in record.Members)
                    {
                        var from = source.Members.FirstOrDefault(m => m.Member == member.Name);
                        var value = from is null ? "null"
                            : from.Path == "$key" ? "hit.Key"
                            : from.Path == "." ? "hit.Node.Scalar"
                            : $"FirstText(hit.Node, null, {paths.Get(from.Path)})";
                        writer.WriteLine($"{context.Nullable("string")} {Local(member.Name)} = {value};");
                    }

                    var required = record.Members.Where(m => m.Required).ToList();
                    if (required.Count > 0)
                    {
                        writer.BeginBlock($"if ({string.Join(" && ", required.Select(m => $"!string.IsNullOrEmpty({Local(m.Name)})"))})");
                    }

                    writer.WriteLine($"items.Add(new {type}({string.Join(", ", record.Members.Select(m => Local(m.Name) + (m.Required ? Bang(context) : string.Empty)))}));");
                    if (required.Count > 0)
                    {
                        writer.EndBlock();
                    }

                    writer.EndBlock();
                    writer.WriteLine();
                }

                writer.WriteLine($"values.{field.Property} = items.AsReadOnly();");
                writer.EndBlock();
                break;
        }
    }

    private static string Local(string member) => "member" + member;

    private static void EmitFieldMatch(SourceWriter writer, EmitContext context, IReadOnlyList<string> matchPaths)
    {
        writer.WriteLines($$"""
            /// <summary>For <c>match.fields</c>: whether a JSON body has a value at the path (one of the given values, ignoring case, when any are given).</summary>
            internal static bool HasField({{context.Nullable("string")}} body, int path, params string[] values)
            {
                // The classifier asks this for every response of the status: a body without the field's name in quotes
                // cannot have the field, and is answered without being parsed.
                if (body == null || body.IndexOf(MatchNames[path], global::System.StringComparison.OrdinalIgnoreCase) < 0)
                {
                    return false;
                }

                var root = new ParsedBody(body).Json;
                if (root == null)
                {
                    return false;
                }

                foreach (var hit in Find(root, MatchPaths[path]))
                {
                    var text = hit.Node.Scalar;
                    if (text == null)
                    {
                        continue;
                    }

                    if (values.Length == 0)
                    {
                        return true;
                    }

                    foreach (var value in values)
                    {
                        if (string.Equals(text.Trim(), value, global::System.StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
            """);
        writer.WriteLine();
        DocComment.Summary(writer, "The quoted last name of each path <c>match.fields</c> tests (empty where the path ends in no name).");
        writer.BeginBlock("private static readonly string[] MatchNames =");
        foreach (var path in context.FieldMatches)
        {
            var last = Spec.BodyPath.Parse(path, out _)?.LastOrDefault(step => step.StartsWith("name:", System.StringComparison.Ordinal) || step.StartsWith("..", System.StringComparison.Ordinal));
            var name = last is null ? string.Empty : "\"" + (last.StartsWith("..", System.StringComparison.Ordinal) ? last.Substring(2) : last.Substring("name:".Length)) + "\"";
            writer.WriteLine(CSharpText.Literal(name) + ",");
        }

        writer.EndBlock(";");
        writer.WriteLine();
        DocComment.Summary(writer, "The paths <c>match.fields</c> tests, by the index the classifier passes.");
        writer.BeginBlock("private static readonly Step[][] MatchPaths =");
        foreach (var path in matchPaths)
        {
            writer.WriteLine(path + ",");
        }

        writer.EndBlock(";");
    }

    private static string RootOf(BodyShapeFormat format) => format switch
    {
        BodyShapeFormat.Xml => "Xml",
        BodyShapeFormat.Form => "Form",
        BodyShapeFormat.Text => "PlainText",
        _ => "Json",
    };

    private static string FormatName(BodyShapeFormat format) => format.ToString().ToLowerInvariant();

    private static string Bang(EmitContext context) => context.Capabilities.SupportsNullable ? "!" : string.Empty;

    /// <summary>The parsed tree, the path walker and the value readers: the same for every spec.</summary>
    private static void EmitTree(SourceWriter writer, EmitContext context)
    {
        var n = context.Nullable("string");
        var node = context.Nullable("Node");
        var bang = Bang(context);
        var regex = context.Nullable(context.Capabilities.HasRegex ? "global::System.Text.RegularExpressions.Regex" : "object");
        writer.WriteLines($$"""
            private enum NodeKind
            {
                Object,
                Array,
                Element,
                /// <summary>A JSON string, an XML element's text, a form value or a text body.</summary>
                Scalar,
                /// <summary>A JSON number or boolean: text for lists and numbers, not for a string field.</summary>
                Literal,
                Null,
            }

            /// <summary>A JSON value, an XML element, a form pair or the text of a body: what paths walk.</summary>
            private sealed class Node
            {
                public Node({{n}} name, NodeKind kind, {{n}} scalar)
                {
                    Name = name;
                    Kind = kind;
                    Scalar = scalar;
                }

                /// <summary>The property, element or form key; null for an array item.</summary>
                public {{n}} Name { get; }

                public NodeKind Kind { get; set; }

                /// <summary>The text of a string, number or boolean, or of an element without child elements; null otherwise.</summary>
                public {{n}} Scalar { get; set; }

                public global::System.Collections.Generic.List<Node> Children { get; } = new global::System.Collections.Generic.List<Node>();
            }

            private struct Hit
            {
                public Hit(Node node, {{n}} key)
                {
                    Node = node;
                    Key = key;
                }

                public Node Node { get; }

                /// <summary>The key the last <c>{}</c> went through.</summary>
                public {{n}} Key { get; }
            }

            private enum StepKind
            {
                Name,
                Items,
                Properties,
                Descendants,
            }

            private struct Step
            {
                public Step(StepKind kind, {{n}} name)
                {
                    Kind = kind;
                    Name = name;
                }

                public StepKind Kind { get; }

                public {{n}} Name { get; }
            }

            /// <summary>One body, parsed at most once per format, and only when a shape asks for that format.</summary>
            private sealed class ParsedBody
            {
                private readonly string _text;
                private {{node}} _json;
                private {{node}} _xml;
                private {{node}} _form;
                private bool _jsonDone;
                private bool _xmlDone;
                private bool _formDone;

                public ParsedBody(string text)
                {
                    _text = text;
                }

                public {{node}} Json
                {
                    get
                    {
                        if (!_jsonDone)
                        {
                            _jsonDone = true;
                            _json = ParseJson(_text);
                        }

                        return _json;
                    }
                }

                public {{node}} Xml
                {
                    get
                    {
                        if (!_xmlDone)
                        {
                            _xmlDone = true;
                            _xml = ParseXml(_text);
                        }

                        return _xml;
                    }
                }

                public {{node}} Form
                {
                    get
                    {
                        if (!_formDone)
                        {
                            _formDone = true;
                            _form = ParseForm(_text);
                        }

                        return _form;
                    }
                }

                /// <summary>The body as one line of text; null for several lines, markup, (broken) JSON or nothing.</summary>
                public {{node}} PlainText
                {
                    get
                    {
                        var text = _text.Trim();
                        return text.Length == 0 || text[0] == '<' || text[0] == '{' || text[0] == '[' || text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0 ? null : new Node(null, NodeKind.Scalar, text);
                    }
                }
            }

            /// <summary>Walks a path from a node: the nodes it reaches, in document order, at most <see cref="MaxNodes"/>.</summary>
            private static global::System.Collections.Generic.List<Hit> Find(Node root, Step[] steps)
            {
                var current = new global::System.Collections.Generic.List<Hit> { new Hit(root, null) };
                foreach (var step in steps)
                {
                    var next = new global::System.Collections.Generic.List<Hit>();
                    foreach (var hit in current)
                    {
                        var node = hit.Node;
                        switch (step.Kind)
                        {
                            case StepKind.Name:
                                if (node.Kind == NodeKind.Object || node.Kind == NodeKind.Element)
                                {
                                    foreach (var child in node.Children)
                                    {
                                        if (string.Equals(child.Name, step.Name, global::System.StringComparison.OrdinalIgnoreCase))
                                        {
                                            next.Add(new Hit(child, hit.Key));
                                        }
                                    }
                                }

                                break;
                            case StepKind.Items:
                                if (node.Kind == NodeKind.Array || node.Kind == NodeKind.Element)
                                {
                                    foreach (var child in node.Children)
                                    {
                                        next.Add(new Hit(child, hit.Key));
                                    }
                                }

                                break;
                            case StepKind.Properties:
                                if (node.Kind == NodeKind.Object || node.Kind == NodeKind.Element)
                                {
                                    foreach (var child in node.Children)
                                    {
                                        next.Add(new Hit(child, child.Name));
                                    }
                                }

                                break;
                            default:
                                AddDescendants(node, step.Name{{bang}}, hit.Key, next);
                                break;
                        }

                        if (next.Count >= MaxNodes)
                        {
                            break;
                        }
                    }

                    current = next;
                }

                return current;
            }

            /// <summary>Every node of the name below <paramref name="node"/>, not looking inside the ones found.</summary>
            private static void AddDescendants(Node node, string name, {{n}} key, global::System.Collections.Generic.List<Hit> into)
            {
                foreach (var child in node.Children)
                {
                    if (into.Count >= MaxNodes)
                    {
                        return;
                    }

                    if (string.Equals(child.Name, name, global::System.StringComparison.OrdinalIgnoreCase))
                    {
                        into.Add(new Hit(child, key));
                    }
                    else
                    {
                        AddDescendants(child, name, key, into);
                    }
                }
            }

            /// <summary>The texts a path reaches: scalars, and the scalar items of arrays it reaches; with <paramref name="stringsOnly"/>, no numbers or booleans.</summary>
            private static global::System.Collections.Generic.IEnumerable<string> Texts(Node root, Step[][] paths, bool stringsOnly = false)
            {
                foreach (var path in paths)
                {
                    foreach (var hit in Find(root, path))
                    {
                        if (hit.Node.Scalar != null)
                        {
                            if (!stringsOnly || hit.Node.Kind == NodeKind.Scalar)
                            {
                                yield return hit.Node.Scalar;
                            }
                        }
                        else if (hit.Node.Kind == NodeKind.Array)
                        {
                            foreach (var item in hit.Node.Children)
                            {
                                if (item.Scalar != null && (!stringsOnly || item.Kind == NodeKind.Scalar))
                                {
                                    yield return item.Scalar;
                                }
                            }
                        }
                    }
                }
            }

            private static {{n}} FirstText(Node root, {{regex}} pattern, params Step[][] paths)
            {
                foreach (var text in Texts(root, paths, stringsOnly: true))
                {
                    if (pattern == null)
                    {
                        return text;
                    }

                    var match = Matches(pattern, text);
                    if (match != null)
                    {
                        return match;
                    }
                }

                return null;
            }

            private static int? FirstInt(Node root, params Step[][] paths)
            {
                foreach (var text in Texts(root, paths))
                {
                    int value;
                    if (int.TryParse(text.Trim(), global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out value))
                    {
                        return value;
                    }
                }

                return null;
            }

            private static bool AnyTrue(Node root, {{regex}} pattern, params Step[][] paths)
            {
                foreach (var text in Texts(root, paths))
                {
                    if (pattern == null ? string.Equals(text.Trim(), "true", global::System.StringComparison.OrdinalIgnoreCase) : Matches(pattern, text) != null)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static global::System.Collections.Generic.IReadOnlyList<string> AllTexts(Node root, params Step[][] paths)
            {
                var texts = new global::System.Collections.Generic.List<string>();
                foreach (var text in Texts(root, paths))
                {
                    if (texts.Count >= MaxItems)
                    {
                        break;
                    }

                    texts.Add(text);
                }

                return texts.AsReadOnly();
            }

            /// <summary>An object's keys, each with its messages: an array's texts, or one text kept rather than lost.</summary>
            private static global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> ReadMap(Node root, params Step[][] paths)
            {
                var map = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(global::System.StringComparer.Ordinal);
                foreach (var path in paths)
                {
                    foreach (var hit in Find(root, path))
                    {
                        if (hit.Node.Kind != NodeKind.Object && hit.Node.Kind != NodeKind.Element)
                        {
                            continue;
                        }

                        foreach (var property in hit.Node.Children)
                        {
                            if (map.Count >= MaxItems || property.Name == null)
                            {
                                break;
                            }

                            var messages = new global::System.Collections.Generic.List<string>();
                            {{context.Nullable("global::System.Collections.Generic.IReadOnlyList<string>")}} earlier;
                            if (map.TryGetValue(property.Name, out earlier))
                            {
                                messages.AddRange(earlier{{bang}});
                            }

                            if (property.Scalar != null)
                            {
                                messages.Add(property.Scalar);
                            }
                            else
                            {
                                foreach (var item in property.Children)
                                {
                                    if (messages.Count >= MaxItems)
                                    {
                                        break;
                                    }

                                    if (item.Scalar != null)
                                    {
                                        messages.Add(item.Scalar);
                                    }
                                }
                            }

                            map[property.Name] = messages.AsReadOnly();
                        }
                    }
                }

                return new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(map);
            }
            """);
        if (context.Capabilities.HasRegex)
        {
            writer.WriteLines($$"""

                /// <summary>The pattern's first group, else its whole match; null when it does not match (or takes too long).</summary>
                private static {{n}} Matches(global::System.Text.RegularExpressions.Regex pattern, string text)
                {
                    try
                    {
                        var match = pattern.Match(text);
                        return !match.Success ? null : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
                    }
                    catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
                    {
                        return null;
                    }
                }
                """);
        }
        else
        {
            writer.WriteLines($$"""

                // System.Text.RegularExpressions is not referenced by this project: fields with a pattern stay empty.
                private static {{n}} Matches(object pattern, string text) => null;
                """);
        }

        EmitJsonParser(writer, context);
        EmitXmlParser(writer, context);
        writer.WriteLines($$"""

            /// <summary>A form-encoded body (<c>key=value&amp;key=value</c>) as an object of texts; null for anything else.</summary>
            private static {{node}} ParseForm(string text)
            {
                var trimmed = text.Trim();
                if (trimmed.Length == 0 || trimmed.IndexOf('=') <= 0 || trimmed.IndexOfAny(new[] { '\n', '\r', ' ', '<', '{', '[' }) >= 0)
                {
                    return null;
                }

                var root = new Node(null, NodeKind.Object, null);
                foreach (var pair in trimmed.Split('&'))
                {
                    var equals = pair.IndexOf('=');
                    if (equals <= 0 || root.Children.Count >= MaxItems)
                    {
                        continue;
                    }

                    root.Children.Add(new Node(Unescape(pair.Substring(0, equals)), NodeKind.Scalar, Unescape(pair.Substring(equals + 1))));
                }

                return root;
            }

            /// <summary>Percent-decoding as UTF-8, '+' as a space; a broken escape is kept as it is.</summary>
            private static string Unescape(string text)
            {
                var bytes = new global::System.Collections.Generic.List<byte>(text.Length);
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    int high, low;
                    if (c == '%' && i + 2 < text.Length + 0 && (high = Hex(text[i + 1])) >= 0 && (low = Hex(text[i + 2])) >= 0)
                    {
                        bytes.Add((byte)((high << 4) | low));
                        i += 2;
                    }
                    else
                    {
                        bytes.AddRange(global::System.Text.Encoding.UTF8.GetBytes(c == '+' ? " " : c.ToString()));
                    }
                }

                return global::System.Text.Encoding.UTF8.GetString(bytes.ToArray());
            }

            private static int Hex(char c) =>
                c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            """);
    }

    private static void EmitJsonParser(SourceWriter writer, EmitContext context)
    {
        var node = context.Nullable("Node");
        if (!context.ParsesJson)
        {
            writer.WriteLines($$"""

                // System.Text.Json is not referenced by this project: JSON bodies read as nothing.
                private static {{node}} ParseJson(string text) => null;
                """);
            return;
        }

        writer.WriteLines($$"""

            /// <summary>A JSON object or array as a tree; null for anything else, for invalid or truncated JSON, and for JSON nested deeper than <see cref="MaxDepth"/>.</summary>
            private static {{node}} ParseJson(string text)
            {
                var start = 0;
                while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
                {
                    start++;
                }

                if (start == text.Length || (text[start] != '{' && text[start] != '['))
                {
                    return null;
                }

                try
                {
                    var options = new global::System.Text.Json.JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip };
                    using (var document = global::System.Text.Json.JsonDocument.Parse(text.Substring(start), options))
                    {
                        var budget = MaxNodes;
                        return Convert(null, document.RootElement, ref budget);
                    }
                }
                catch (global::System.Text.Json.JsonException)
                {
                    return null;
                }
                catch (global::System.ArgumentException)
                {
                    return null;
                }
            }

            private static Node Convert({{context.Nullable("string")}} name, global::System.Text.Json.JsonElement element, ref int budget)
            {
                budget--;
                switch (element.ValueKind)
                {
                    case global::System.Text.Json.JsonValueKind.Object:
                        var obj = new Node(name, NodeKind.Object, null);
                        foreach (var property in element.EnumerateObject())
                        {
                            if (budget <= 0)
                            {
                                break;
                            }

                            obj.Children.Add(Convert(property.Name, property.Value, ref budget));
                        }

                        return obj;
                    case global::System.Text.Json.JsonValueKind.Array:
                        var array = new Node(name, NodeKind.Array, null);
                        foreach (var item in element.EnumerateArray())
                        {
                            if (budget <= 0)
                            {
                                break;
                            }

                            array.Children.Add(Convert(null, item, ref budget));
                        }

                        return array;
                    case global::System.Text.Json.JsonValueKind.String:
                        return new Node(name, NodeKind.Scalar, element.GetString());
                    case global::System.Text.Json.JsonValueKind.Number:
                    case global::System.Text.Json.JsonValueKind.True:
                    case global::System.Text.Json.JsonValueKind.False:
                        return new Node(name, NodeKind.Literal, element.GetRawText());
                    default:
                        return new Node(name, NodeKind.Null, null);
                }
            }
            """);
    }

    private static void EmitXmlParser(SourceWriter writer, EmitContext context)
    {
        var node = context.Nullable("Node");
        if (!context.Capabilities.HasXml)
        {
            writer.WriteLines($$"""

                // System.Xml is not referenced by this project: XML bodies read as nothing.
                private static {{node}} ParseXml(string text) => null;
                """);
            return;
        }

        writer.WriteLines($$"""

            /// <summary>
            /// An XML document as a tree of its root element; null for anything else, for invalid or truncated XML and for
            /// XML deeper than <see cref="MaxDepth"/>. DTDs are refused and nothing is resolved, so entity bombs and external
            /// entities read as nothing. Prefixes are kept out of names (<c>xsi:type</c> needs no declaration).
            /// </summary>
            private static {{node}} ParseXml(string text)
            {
                var trimmed = text.TrimStart();
                if (trimmed.Length == 0 || trimmed[0] != '<')
                {
                    return null;
                }

                try
                {
                    using (var reader = new global::System.Xml.XmlTextReader(new global::System.IO.StringReader(trimmed)))
                    {
                        reader.Namespaces = false;
                        reader.DtdProcessing = global::System.Xml.DtdProcessing.Prohibit;
                        reader.XmlResolver = null;
                        var stack = new global::System.Collections.Generic.List<Node>();
                        var texts = new global::System.Collections.Generic.List<global::System.Text.StringBuilder>();
                        {{node}} root = null;
                        var budget = MaxNodes;
                        while (reader.Read())
                        {
                            switch (reader.NodeType)
                            {
                                case global::System.Xml.XmlNodeType.Element:
                                    if (stack.Count >= MaxDepth || --budget <= 0)
                                    {
                                        return null;
                                    }

                                    var name = reader.Name;
                                    var element = new Node(name.Substring(name.IndexOf(':') + 1), NodeKind.Element, null);
                                    if (stack.Count == 0)
                                    {
                                        root = element;
                                    }
                                    else
                                    {
                                        stack[stack.Count - 1].Children.Add(element);
                                    }

                                    if (reader.IsEmptyElement)
                                    {
                                        element.Kind = NodeKind.Scalar;
                                        element.Scalar = string.Empty;
                                    }
                                    else
                                    {
                                        stack.Add(element);
                                        texts.Add(new global::System.Text.StringBuilder());
                                    }

                                    break;
                                case global::System.Xml.XmlNodeType.Text:
                                case global::System.Xml.XmlNodeType.CDATA:
                                    if (texts.Count > 0 && texts[texts.Count - 1].Length < MaxNodes)
                                    {
                                        texts[texts.Count - 1].Append(reader.Value);
                                    }

                                    break;
                                case global::System.Xml.XmlNodeType.EndElement:
                                    var done = stack[stack.Count - 1];
                                    if (done.Children.Count == 0)
                                    {
                                        done.Kind = NodeKind.Scalar;
                                        done.Scalar = texts[texts.Count - 1].ToString().Trim();
                                    }

                                    stack.RemoveAt(stack.Count - 1);
                                    texts.RemoveAt(texts.Count - 1);
                                    break;
                            }
                        }

                        return root;
                    }
                }
                catch (global::System.Xml.XmlException)
                {
                    return null;
                }
                catch (global::System.InvalidOperationException)
                {
                    return null;
                }
            }
            """);
    }

    /// <summary>The paths and patterns the reader uses, each emitted once as a static field.</summary>
    private sealed class PathTable
    {
        private readonly List<(string Path, string Field)> _paths = new();
        private readonly List<(string Pattern, string Field)> _patterns = new();

        public string Get(string path)
        {
            var found = _paths.FirstOrDefault(p => p.Path == path);
            if (found.Field is not null)
            {
                return found.Field;
            }

            var field = "Path" + _paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _paths.Add((path, field));
            return field;
        }

        public string Pattern(string pattern, EmitContext context)
        {
            if (!context.Capabilities.HasRegex)
            {
                return "null";
            }

            var found = _patterns.FirstOrDefault(p => p.Pattern == pattern);
            if (found.Field is not null)
            {
                return found.Field;
            }

            var field = "Pattern" + _patterns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _patterns.Add((pattern, field));
            return field;
        }

        public void Emit(SourceWriter writer)
        {
            foreach (var (path, field) in _paths)
            {
                var steps = BodyPath.Parse(path, out _) ?? new List<string>();
                writer.WriteLine($"// {CSharpText.XmlText(path)}");
                writer.WriteLine($"private static readonly Step[] {field} = new Step[] {{ {string.Join(", ", steps.Select(StepCode))} }};");
            }

            foreach (var (pattern, field) in _patterns)
            {
                writer.WriteLine();
                writer.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex {field} = new global::System.Text.RegularExpressions.Regex({CSharpText.Literal(pattern)}, global::System.Text.RegularExpressions.RegexOptions.IgnoreCase | global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromMilliseconds(100));");
            }
        }

        private static string StepCode(string step) => step switch
        {
            "[]" => "new Step(StepKind.Items, null)",
            "{}" => "new Step(StepKind.Properties, null)",
            _ when step.StartsWith("..", System.StringComparison.Ordinal) => $"new Step(StepKind.Descendants, {CSharpText.Literal(step.Substring(2))})",
            _ => $"new Step(StepKind.Name, {CSharpText.Literal(step.Substring("name:".Length))})",
        };
    }
}
