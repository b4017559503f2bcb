using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}ResponseHeaders</c> (the listed headers, parsed) and one enum per <c>type: enum</c> header.</summary>
internal static class HeadersEmitter
{
    private const string DateHeader = "Date";

    public static string EmitHeaderEnum(EmitContext context, HeaderModel header)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Text(writer, $"Values of the {header.Name} response header.", header.Description);
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} enum {context.EnumType(header)}");
        DocComment.Text(writer, "A value the spec does not list; the raw text is in " + header.Property + "Text.");
        writer.WriteLine("Unknown = 0,");
        var index = 0;
        foreach (var value in header.Values)
        {
            index++;
            writer.WriteLine();
            var summary = $"\"{value.Value}\"" + (value.Description is null ? "." : ": " + value.Description);
            var remarks = value.Transient switch
            {
                false => "A response with this value is not transient: retrying soon does not help.",
                true => "A response with this value is transient.",
                _ => null,
            };
            DocComment.Text(writer, summary, remarks);
            writer.WriteLine($"{value.Member} = {index.ToString(CultureInfo.InvariantCulture)},");
        }

        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    public static string EmitHeadersStruct(EmitContext context)
    {
        var slots = Slots(context);
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Text(
            writer,
            "The response headers the spec lists, parsed into typed values.",
            "Header names match case-insensitively; the first value of a header counts. A missing or malformed value gives null, never an exception.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} readonly struct {context.HeadersType}");
        foreach (var header in context.MatchHeaders)
        {
            DocComment.Summary(writer, $"Whether the {CSharpText.XmlText(header)} header was present (a <c>match</c> tests it).");
            writer.WriteLine($"internal readonly bool {context.PresenceField(header)};");
        }

        foreach (var header in context.MatchValueHeaders)
        {
            DocComment.Summary(writer, $"The {CSharpText.XmlText(header)} header's value as sent (a <c>match.header-values</c> compares it).");
            writer.WriteLine($"internal readonly {context.Nullable("string")} {context.ValueField(header)};");
        }

        if (context.MatchHeaders.Count > 0 || context.MatchValueHeaders.Count > 0)
        {
            writer.WriteLine();
        }

        // Constructor: every property and presence flag, in a fixed order. A struct with no listed headers keeps
        // C#'s own parameterless constructor.
        var members = ConstructorMembers(context);
        if (members.Count > 0)
        {
            EmitConstructor(writer, context, members);
        }

        foreach (var header in context.Spec.Headers)
        {
            writer.WriteLine();
            var description = header.Description is null ? $"The {header.Name} header." : $"{header.Description} From the {header.Name} header.";
            DocComment.Xml(writer, CSharpText.XmlText(description), HeaderRemarks(context, header));
            writer.WriteLine($"public {context.HeaderPropertyType(header)} {header.Property} {{ get; }}");
            if (header.Type == HeaderType.Enum)
            {
                writer.WriteLine();
                DocComment.Text(writer, $"The {header.Name} header as sent, for values the spec does not list.");
                writer.WriteLine($"public {context.Nullable("string")} {header.Property}Text {{ get; }}");
            }
        }

        writer.WriteLine();
        DocComment.Text(writer, "Reads the listed headers from HTTP headers, for example HttpResponseMessage.Headers.", "Returns the default (every property null) when headers is null.");
        DocComment.Param(writer, "headers", "The response's headers; null is allowed.");
        writer.BeginBlock($"public static {context.HeadersType} FromHttpHeaders({context.Nullable("global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>")} headers)");
        writer.WriteLines($$"""
            return headers == null ? default({{context.HeadersType}}) : Reader.Build(global::XeroErrors.Machinery.HeaderValues.Collect(headers, Reader.Names));
            """);
        writer.EndBlock();

        writer.WriteLine();
        DocComment.Text(writer, "Reads the listed headers from name-value pairs, for HTTP clients other than HttpClient.", "Returns the default (every property null) when headers is null.");
        DocComment.Param(writer, "headers", "The response's headers as name-value pairs; null is allowed.");
        writer.BeginBlock($"public static {context.HeadersType} FromPairs({context.Nullable("global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>>")} headers)");
        writer.WriteLines($$"""
            return headers == null ? default({{context.HeadersType}}) : Reader.Build(global::XeroErrors.Machinery.HeaderValues.Collect(headers, Reader.Names));
            """);
        writer.EndBlock();
        if (context.Capabilities.HasValueTuple)
        {
            EmitTuplePairs(writer, context);
        }

        EmitParsers(writer, context);
        EmitReader(writer, context, slots);

        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    private static void EmitConstructor(SourceWriter writer, EmitContext context, List<(string Member, string Type, string Parameter)> members)
    {
        writer.BeginBlock($"private {context.HeadersType}({string.Join(", ", members.Select(m => m.Type + " " + m.Parameter))})");

        // "this." keeps a property and a parameter of the same spelling apart (a property may start in lower case).
        foreach (var (member, _, parameter) in members)
        {
            writer.WriteLine($"this.{member} = {parameter};");
        }

        writer.EndBlock();
    }

    /// <summary>
    /// The members the constructor sets, in a fixed order, with their types and parameter names. A parameter is the
    /// member in camel case ("retryAfter"), or "value" and its position when two members would give the same name
    /// (members may differ only in the case of their first letter).
    /// </summary>
    private static List<(string Member, string Type, string Parameter)> ConstructorMembers(EmitContext context)
    {
        var members = new List<(string Member, string Type)>();
        foreach (var header in context.Spec.Headers)
        {
            members.Add((header.Property, context.HeaderPropertyType(header)));
            if (header.Type == HeaderType.Enum)
            {
                members.Add((header.Property + "Text", context.Nullable("string")));
            }
        }

        foreach (var header in context.MatchHeaders)
        {
            members.Add((context.PresenceField(header), "bool"));
        }

        foreach (var header in context.MatchValueHeaders)
        {
            members.Add((context.ValueField(header), context.Nullable("string")));
        }

        var camelCounts = members.GroupBy(m => Camel(m.Member)).ToDictionary(g => g.Key, g => g.Count());
        return members.Select((m, index) =>
        {
            var camel = Camel(m.Member);
            var parameter = camelCounts[camel] == 1
                ? (Spec.Identifiers.IsKeyword(camel) ? "@" + camel : camel)
                : "value" + index.ToString(CultureInfo.InvariantCulture);
            return (m.Member, m.Type, parameter);
        }).ToList();
    }

    private static void EmitReader(SourceWriter writer, EmitContext context, IReadOnlyList<string> slots)
    {
        writer.WriteLine();
        DocComment.Summary(writer, "The headers of interest, and the typed headers from the first value of each.");
        writer.BeginBlock("private static class Reader");
        writer.WriteLine($"public static readonly string[] Names = {(slots.Count == 0 ? "new string[0]" : "{ " + string.Join(", ", slots.Select(CSharpText.Literal)) + " }")};");
        writer.WriteLine();
        var args = new List<string>();
        foreach (var header in context.Spec.Headers)
        {
            var field = Field(slots, header.Name);
            switch (header.Type)
            {
                case HeaderType.Int:
                    args.Add($"global::XeroErrors.Machinery.HeaderValues.ParseInt({field})");
                    break;
                case HeaderType.Delay:
                    args.Add($"global::XeroErrors.Machinery.HeaderValues.ParseDelay({field}, {Field(slots, DateHeader)})");
                    break;
                case HeaderType.Enum:
                    args.Add($"ParseEnum{header.Property}({field})");
                    args.Add(field);
                    break;
                default:
                    args.Add(field);
                    break;
            }
        }

        foreach (var header in context.MatchHeaders)
        {
            args.Add($"{Field(slots, header)} != null");
        }

        foreach (var header in context.MatchValueHeaders)
        {
            args.Add(Field(slots, header));
        }

        var parameter = $"{context.Nullable("string")}[] values";
        writer.WriteLine(args.Count == 0
            ? $"public static {context.HeadersType} Build({parameter}) => default({context.HeadersType});"
            : $"public static {context.HeadersType} Build({parameter}) => new {context.HeadersType}({string.Join(", ", args)});");
        writer.EndBlock();
    }

    private static void EmitParsers(SourceWriter writer, EmitContext context)
    {
        var headers = context.Spec.Headers;
        foreach (var header in headers.Where(h => h.Type == HeaderType.Enum))
        {
            var type = context.EnumType(header);
            writer.WriteLine();
            writer.BeginBlock($"private static {type}? ParseEnum{header.Property}({context.Nullable("string")} text)");
            writer.BeginBlock("if (text == null)");
            writer.WriteLine("return null;");
            writer.EndBlock();
            writer.WriteLine();
            writer.WriteLine("var trimmed = text.Trim();");
            foreach (var value in header.Values)
            {
                writer.BeginBlock($"if (string.Equals(trimmed, {CSharpText.Literal(value.Value.Trim())}, global::System.StringComparison.OrdinalIgnoreCase))");
                writer.WriteLine($"return global::{context.Spec.Namespace}.{type}.{value.Member};");
                writer.EndBlock();
                writer.WriteLine();
            }

            writer.WriteLine($"return global::{context.Spec.Namespace}.{type}.Unknown;");
            writer.EndBlock();
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>
    /// <c>FromPairs</c> for (Name, Value) tuples, as Flurl's <c>IReadOnlyNameValueList</c> is. It is generic over the
    /// sequence because a second overload taking a sequence would make existing calls ambiguous: <c>FromPairs(null)</c>,
    /// and a collection expression of <c>new(name, value)</c>, which fits a KeyValuePair and a tuple alike. A type
    /// parameter cannot be inferred from either, so those calls still pick the KeyValuePair overload.
    /// </summary>
    private static void EmitTuplePairs(SourceWriter writer, EmitContext context)
    {
        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>
            /// Reads the listed headers from (Name, Value) pairs, for example Flurl's <c>IFlurlResponse.Headers</c>.
            /// </summary>
            /// <remarks>
            /// Returns the default (every property null) when headers is null; a pair without a name or value is skipped.
            /// </remarks>
            /// <typeparam name="TPairs">The sequence's type: any <c>IEnumerable&lt;(string Name, string Value)&gt;</c>.</typeparam>
            /// <param name="headers">The response's headers as (Name, Value) pairs; null is allowed.</param>
            public static {{context.HeadersType}} FromPairs<TPairs>(TPairs headers)
                where TPairs : global::System.Collections.Generic.IEnumerable<(string Name, string Value)>
            {
                if (headers == null)
                {
                    return default({{context.HeadersType}});
                }

                var values = global::XeroErrors.Machinery.HeaderValues.Start(Reader.Names);
                foreach (var header in headers)
                {
                    global::XeroErrors.Machinery.HeaderValues.Add(values, Reader.Names, header.Name, header.Value);
                }

                return Reader.Build(values);
            }
            """);
    }

    /// <summary>The remarks of a header's property, as XML.</summary>
    private static string? HeaderRemarks(EmitContext context, HeaderModel header) => header.Type switch
    {
        HeaderType.Delay => "Delta-seconds or an HTTP date; a date is measured from the response's Date header when there is one.",
        HeaderType.Enum => $"{CSharpText.Cref(context.EnumType(header) + ".Unknown")} when the value is not one the spec lists; null when the header is absent.",
        HeaderType.Int => "Null when the header is absent or not an integer.",
        _ => null,
    };

    /// <summary>Each distinct header name the reader looks for: listed headers, match headers, and Date for HTTP-date delays.</summary>
    private static IReadOnlyList<string> Slots(EmitContext context)
    {
        var slots = new List<string>();
        void Add(string name)
        {
            if (!slots.Any(s => string.Equals(s, name, System.StringComparison.OrdinalIgnoreCase)))
            {
                slots.Add(name);
            }
        }

        foreach (var header in context.Spec.Headers)
        {
            Add(header.Name);
        }

        foreach (var header in context.MatchHeaders)
        {
            Add(header);
        }

        foreach (var header in context.MatchValueHeaders)
        {
            Add(header);
        }

        if (context.DelayHeader is not null)
        {
            Add(DateHeader);
        }

        return slots;
    }

    /// <summary>Where a header's value is among the values <c>Reader.Build</c> takes, or <c>null</c> for a header the reader does not collect.</summary>
    private static string Field(IReadOnlyList<string> slots, string name)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (string.Equals(slots[i], name, System.StringComparison.OrdinalIgnoreCase))
            {
                return "values[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            }
        }

        return "null";
    }
}
