using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits the internal <c>{Prefix}ResponseBodies</c>: the spec's body shapes turned into code that recognises a body
/// and reads its fields. What is the same for every spec (the body tree, its parsers, the path walker) is the
/// machinery (<see cref="MachineryEmitter"/>), added once per compilation; this file holds only the spec's shapes,
/// their paths and patterns.
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
        // Derived from the machinery's BodyPaths, whose members the readers call by name; never instantiated.
        writer.BeginBlock($"internal abstract class {context.BodiesType} : global::XeroErrors.Machinery.BodyPaths");
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
        var shapeList = $"global::System.Func<global::XeroErrors.Machinery.ParsedBody, {context.Nullable("BodyValues")}>[]";
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
            writer.WriteLine($"return First(new global::XeroErrors.Machinery.ParsedBody(body), ShapesOf{entry.Name});");
            writer.Unindent();
        }

        writer.WriteLine($"case {context.KindType}.Unknown:");
        writer.Indent();
        writer.WriteLine("return First(new global::XeroErrors.Machinery.ParsedBody(body), ShapesOfUnknown);");
        writer.Unindent();
        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine("return BodyValues.Empty;");
        writer.Unindent();
        writer.EndBlock();
        writer.EndBlock();
        writer.WriteLine();
        writer.WriteLines($$"""
            private static BodyValues First(global::XeroErrors.Machinery.ParsedBody parsed, {{shapeList}} shapes)
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
        writer.BeginBlock($"private static {context.Nullable("BodyValues")} Read{method}(global::XeroErrors.Machinery.ParsedBody parsed)");
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
                            : from.Path.Text == BodyPathModel.KeyText ? "hit.Key"
                            : from.Path.Steps.IsEmpty ? "hit.Node.Scalar"
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
            internal static bool HasField({{context.Nullable("string")}} body, int path, params string[] values) =>
                global::XeroErrors.Machinery.BodyPaths.HasField(body, MatchNames[path], MatchPaths[path], values);
            """);
        writer.WriteLine();
        DocComment.Summary(writer, "The quoted last name of each path <c>match.fields</c> tests (empty where the path ends in no name).");
        writer.BeginBlock("private static readonly string[] MatchNames =");
        foreach (var path in context.FieldMatches)
        {
            var name = path.LastName is { } last ? "\"" + last + "\"" : string.Empty;
            writer.WriteLine(CSharpText.Literal(name) + ",");
        }

        writer.EndBlock(";");
        writer.WriteLine();
        DocComment.Summary(writer, "The paths <c>match.fields</c> tests, by the index the classifier passes.");
        writer.BeginBlock("private static readonly global::XeroErrors.Machinery.PathStep[][] MatchPaths =");
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

    /// <summary>The paths and patterns the reader uses, each emitted once as a static field.</summary>
    private sealed class PathTable
    {
        private readonly List<(BodyPathModel Path, string Field)> _paths = new();
        private readonly List<(string Pattern, string Field)> _patterns = new();

        public string Get(BodyPathModel path)
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
                writer.WriteLine($"// {CSharpText.XmlText(path.Text)}");
                var initialiser = path.Steps.IsEmpty ? "new global::XeroErrors.Machinery.PathStep[0]" : $"{{ {string.Join(", ", path.Steps.Select(StepCode))} }}";
                writer.WriteLine($"private static readonly global::XeroErrors.Machinery.PathStep[] {field} = {initialiser};");
            }

            foreach (var (pattern, field) in _patterns)
            {
                writer.WriteLine();
                writer.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex {field} = new global::System.Text.RegularExpressions.Regex({CSharpText.Literal(pattern)}, global::System.Text.RegularExpressions.RegexOptions.IgnoreCase | global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::XeroErrors.Machinery.BodyLimits.PatternTimeout);");
            }
        }

        private static string StepCode(PathStepModel step) => step.Kind switch
        {
            PathStepKind.Items => "Items",
            PathStepKind.Properties => "Properties",
            PathStepKind.Descendants => $"Below({CSharpText.Literal(step.Name!)})",
            _ => $"Name({CSharpText.Literal(step.Name!)})",
        };
    }
}
