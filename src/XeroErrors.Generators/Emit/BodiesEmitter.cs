using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits the internal <c>{Prefix}ResponseBodies</c>: the spec's body shapes as data (a static <c>BodyShape</c> per
/// shape, with a <c>BodyRead</c> per field into the field's slot of <c>BodyValues</c>), their paths and patterns, and
/// which shapes each kind tries. Reading a body with them is the machinery's (<see cref="MachineryEmitter"/>), so what
/// a consumer compiles per spec is tables, not a reader method per shape.
/// </summary>
internal static class BodiesEmitter
{
    private const string Machinery = "global::XeroErrors.Machinery.";

    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Text(
            writer,
            "Reads the error bodies the spec's body shapes describe. Never throws: a body that fits no shape, or is not what it claims, reads as nothing.",
            "At most 1000 items are read into any list, and JSON or XML nested deeper than 64 levels reads as nothing, so a hostile body stays cheap.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        // Derived from the machinery's BodyPaths for the path steps' names (Name, Items, Below); never instantiated.
        writer.BeginBlock($"internal abstract class {context.BodiesType} : {Machinery}BodyPaths");
        EmitRead(writer, context);
        writer.WriteLine();
        EmitDescribe(writer, context);

        // Every shape is written before the tables: writing one registers its paths and patterns, and the static fields
        // initialise in the order they are written, so the paths come first, then the shapes that use them.
        var paths = new PathTable();
        var shapes = context.Spec.Shapes.Select(shape => Shape(context, shape, paths)).ToList();
        var matchPaths = context.FieldMatches.Select(paths.Get).ToList();
        writer.WriteLine();
        paths.Emit(writer);
        writer.WriteLine();
        writer.WriteLine("// The spec's body shapes; each reads into the slots of BodyValues " + string.Join(", ", context.BodyFields.Select((f, i) => $"{f.Property} ({i})")) + ".");
        var first = true;
        foreach (var (shape, text) in context.Spec.Shapes.Zip(shapes, (shape, text) => (shape, text)))
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;

            DocComment.Summary(writer, $"The body shape '{CSharpText.XmlText(shape.Name)}' ({FormatName(shape.Format)}).");
            writer.WriteLines(text);
        }

        writer.WriteLine();
        writer.WriteLine("// The shapes of each kind, in the spec's order; an unlisted status tries them all.");
        var shapeList = Machinery + "BodyShape[]";
        foreach (var entry in context.ErrorResponses.Where(e => !e.BodyShapes.IsEmpty))
        {
            writer.WriteLine($"private static readonly {shapeList} ShapesOf{entry.Name} = {{ {string.Join(", ", entry.BodyShapes.Select(b => "Shape" + context.ShapeMethod(b)))} }};");
        }

        writer.WriteLine($"private static readonly {shapeList} ShapesOfUnknown = {{ {string.Join(", ", context.Spec.Shapes.Select(b => "Shape" + context.ShapeMethod(b.Name)))} }};");
        foreach (var record in context.Spec.Records.Where(r => context.BodyFields.Any(f => f.Record == r.Name)))
        {
            writer.WriteLine();
            EmitRecordFactory(writer, context, record);
        }

        if (matchPaths.Count > 0)
        {
            writer.WriteLine();
            EmitFieldMatch(writer, context, matchPaths);
        }

        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>
    /// The expression that reads a body field's property from the values <paramref name="values"/> names, such as
    /// <c>values.Text(3)</c>: each field has the slot of its place among the spec's body fields.
    /// </summary>
    public static string ValueOf(EmitContext context, BodyFieldModel field, string values)
    {
        var slot = Slot(context, field);
        return field.Type switch
        {
            BodyFieldType.Int => $"{values}.Int({slot})",
            BodyFieldType.Bool => $"{values}.Flag({slot})",
            BodyFieldType.Strings => $"{values}.Texts({slot})",
            BodyFieldType.Map => $"{values}.Map({slot})",
            BodyFieldType.Records => $"{values}.Records<{context.RecordType(field.Record!)}>({slot})",
            _ => $"{values}.Text({slot})",
        };
    }

    private static int Slot(EmitContext context, BodyFieldModel field)
    {
        var fields = context.BodyFields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Property == field.Property)
            {
                return i;
            }
        }

        throw new System.InvalidOperationException("A body field that no shape reads: " + field.Property);
    }

    /// <summary>Describe(values): the message text, from the first of the spec's <c>message</c> parts that has a value.</summary>
    private static void EmitDescribe(SourceWriter writer, EmitContext context)
    {
        DocComment.Summary(writer, "The text the exception message quotes: the first of the spec's <c>message</c> parts that has a value.");
        writer.BeginBlock($"internal static {context.Nullable("string")} Describe({Machinery}BodyValues values)");
        foreach (var part in context.Spec.Message)
        {
            var fields = part.Properties.Select(p => context.BodyFields.First(f => f.Property == p)).ToList();
            writer.BeginBlock($"if (values.Has({Slot(context, fields[0])}))");
            writer.WriteLine(fields.Count == 1
                ? $"return {Quote(context, fields[0])};"
                : $"return {Machinery}BodyValues.Join({string.Join(", ", fields.Select(f => Quote(context, f)))});");
            writer.EndBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return null;");
        writer.EndBlock();
    }

    /// <summary>A field as the message quotes it; a flag that is set is quoted by its property's name.</summary>
    private static string Quote(EmitContext context, BodyFieldModel field) => field.Type == BodyFieldType.Bool
        ? $"values.Flag({Slot(context, field)}) ? {CSharpText.Literal(field.Property)} : null"
        : $"values.Quote({Slot(context, field)})";

    /// <summary>Read(kind, body): an entry's shapes in its order; an unlisted status tries every shape.</summary>
    private static void EmitRead(SourceWriter writer, EmitContext context)
    {
        DocComment.Summary(writer, "Reads a body with the first of the kind's shapes that it fits; an unlisted status tries every shape in the spec's order.");
        writer.BeginBlock($"internal static {Machinery}BodyValues Read({context.KindType} kind, {context.Nullable("string")} body)");
        writer.BeginBlock("switch (kind)");
        foreach (var entry in context.ErrorResponses.Where(e => !e.BodyShapes.IsEmpty))
        {
            writer.WriteLine($"case {context.KindType}.{entry.Name}:");
            writer.Indent();
            writer.WriteLine($"return {Machinery}BodyValues.Read(body, ShapesOf{entry.Name});");
            writer.Unindent();
        }

        writer.WriteLine($"case {context.KindType}.Unknown:");
        writer.Indent();
        writer.WriteLine($"return {Machinery}BodyValues.Read(body, ShapesOfUnknown);");
        writer.Unindent();
        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine($"return {Machinery}BodyValues.Empty;");
        writer.Unindent();
        writer.EndBlock();
        writer.EndBlock();
    }

    /// <summary>A shape as a static field: its format, what a body must have to fit it, and each field it reads into its slot.</summary>
    private static string Shape(EmitContext context, BodyShapeModel shape, PathTable paths)
    {
        var root = shape.Root is null ? "null" : CSharpText.Literal(shape.Root);
        var required = shape.RequiredPaths.IsEmpty ? "null" : $"new[] {{ {string.Join(", ", shape.RequiredPaths.Select(paths.Get))} }}";
        var head = $"private static readonly {Machinery}BodyShape Shape{context.ShapeMethod(shape.Name)} = new {Machinery}BodyShape({Machinery}BodyFormat.{FormatMember(shape.Format)}, {root}, {required}";
        var reads = shape.Fields.Select(field => FieldRead(context, field, paths)).ToList();
        return reads.Count == 0 ? head + ");" : head + ",\n" + string.Join(",\n", reads.Select(r => "    " + r)) + ");";
    }

    private static string FieldRead(EmitContext context, BodyFieldModel field, PathTable paths)
    {
        var slot = Slot(context, field);
        var pathList = string.Join(", ", field.Sources.Select(s => paths.Get(s.Path)));
        var pattern = field.Pattern is null ? "null" : paths.Pattern(field.Pattern, context);
        var read = Machinery + "BodyRead.";
        switch (field.Type)
        {
            case BodyFieldType.Int:
                return $"{read}Int({slot}, {pathList})";
            case BodyFieldType.Bool:
                return $"{read}Flag({slot}, {pattern}, {pathList})";
            case BodyFieldType.Strings:
                return $"{read}Texts({slot}, {pathList})";
            case BodyFieldType.Map:
                return $"{read}Map({slot}, {pathList})";
            case BodyFieldType.Records:
                var record = context.Spec.Records.First(r => r.Name == field.Record);
                var sources = field.Sources.Select(source =>
                {
                    var members = record.Members.Select(member =>
                    {
                        var from = source.Members.FirstOrDefault(m => m.Member == member.Name);
                        var required = member.Required ? "true" : "false";
                        var kind = Machinery + "RecordMember.";
                        return from is null ? $"{kind}Absent({required})"
                            : from.Path.Text == BodyPathModel.KeyText ? $"{kind}Key({required})"
                            : from.Path.Steps.IsEmpty ? $"{kind}Scalar({required})"
                            : $"{kind}At({paths.Get(from.Path)}, {required})";
                    });
                    return $"new {Machinery}RecordSource({paths.Get(source.Path)}, {string.Join(", ", members)})";
                });
                return $"{read}Records<{context.RecordType(record.Name)}>({slot}, Create{record.Name}, {string.Join(", ", sources)})";
            default:
                return $"{read}Text({slot}, {pattern}, {pathList})";
        }
    }

    /// <summary>Creates a record from its members' values, in the record's order, as a record source reads them.</summary>
    private static void EmitRecordFactory(SourceWriter writer, EmitContext context, RecordModel record)
    {
        var type = context.RecordType(record.Name);
        var arguments = string.Join(", ", record.Members.Select((m, i) => $"members[{i}]" + (m.Required ? Bang(context) : string.Empty)));
        DocComment.Summary(writer, $"Creates a {CSharpText.Cref(type)} from its members' values, in its order.");
        writer.WriteLine($"private static {type} Create{record.Name}({context.Nullable("string")}[] members) => new {type}({arguments});");
    }

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

    /// <summary>The library's <c>BodyFormat</c> member for a shape's format.</summary>
    private static string FormatMember(BodyShapeFormat format) => format switch
    {
        BodyShapeFormat.Xml => "Xml",
        BodyShapeFormat.Form => "Form",
        BodyShapeFormat.Text => "Text",
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
