using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}ApiException</c> and one subclass per error entry.</summary>
internal static class ExceptionsEmitter
{
    public static string EmitBase(EmitContext context)
    {
        var n = context.Nullable("string");
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Text(
            writer,
            $"An error response from the {context.ApiName}: status, kind, body and headers as properties.",
            "Built from the response alone: nothing of the request (its Authorization header, token or query string) is kept, so the exception is safe to log.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} class {context.ExceptionType} : global::System.Exception");
        writer.WriteLines($$"""
            /// <summary>The most characters of the body that <see cref="ResponseBody"/> keeps.</summary>
            public const int MaxResponseBodyLength = 16384;

            /// <summary>The most characters of details (such as validation messages) that <see cref="global::System.Exception.Message"/> quotes.</summary>
            private const int MaxDetailsLength = 2048;

            {{Constructors(context)}}
            /// <summary>The classification of the response.</summary>
            public {{context.ClassificationType}} Classification { get; }

            /// <summary>The kind of response.</summary>
            public {{context.KindType}} Kind => Classification.Kind;

            /// <summary>The HTTP status code.</summary>
            public int StatusCode => Classification.StatusCode;

            /// <summary>The spec's summary of the kind, for example "Organisation Offline".</summary>
            public string Summary => Classification.Summary;

            /// <summary>Whether retrying the same request later may succeed.</summary>
            public bool IsTransient => Classification.IsTransient;

            /// <summary>How long to wait before retrying: Retry-After, else the spec's <c>retry.after</c>; null when neither says.</summary>
            public global::System.TimeSpan? RetryAfter => Classification.RetryAfter;

            /// <summary>The response body, truncated to <see cref="MaxResponseBodyLength"/> characters; null when there was none.</summary>
            public {{n}} ResponseBody { get; }

            /// <summary>The response headers the spec lists, parsed.</summary>
            public {{context.HeadersType}} Headers => Classification.Headers;

            /// <summary>
            /// The {{CSharpText.XmlText(context.ApiName)}} exception in <paramref name="exception"/> or inside it: its chain of inner exceptions, and every
            /// exception of an <see cref="global::System.AggregateException"/>, as HTTP clients wrap what a handler throws.
            /// </summary>
            /// <param name="exception">The exception caught, or null.</param>
            /// <returns>The first one found, or null when there is none.</returns>
            public static {{context.Nullable(context.ExceptionType)}} Find({{context.Nullable("global::System.Exception")}} exception) => FindWithin(exception, 0);
            """);
        foreach (var field in context.BaseFields)
        {
            writer.WriteLine();
            FieldProperty(writer, context, field);
        }

        foreach (var header in context.TypedHeaders)
        {
            writer.WriteLine();
            ClassificationEmitter.ForwardedHeaderProperty(writer, context, header);
        }

        writer.WriteLine();
        writer.WriteLines($$"""
            private static {{context.Nullable(context.ExceptionType)}} FindWithin({{context.Nullable("global::System.Exception")}} exception, int depth)
            {
                // A chain is short; the bound only keeps a self-referencing one from recursing for ever.
                if (exception == null || depth > 64)
                {
                    return null;
                }

                var found = exception as {{context.ExceptionType}};
                if (found != null)
                {
                    return found;
                }

                var aggregate = exception as global::System.AggregateException;
                if (aggregate != null)
                {
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        found = FindWithin(inner, depth + 1);
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                }

                return FindWithin(exception.InnerException, depth + 1);
            }

            /// <summary>Shortens text to at most <paramref name="max"/> characters without splitting a surrogate pair.</summary>
            internal static {{n}} Truncate({{n}} text, int max)
            {
                if (text == null || text.Length <= max)
                {
                    return text;
                }

                var length = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
                return text.Substring(0, length);
            }

            private static string BuildMessage({{context.ClassificationType}} classification, {{n}} details)
            {
                var builder = new global::System.Text.StringBuilder();
                builder.Append({{CSharpText.Literal(context.ApiName + " responded ")}});
                builder.Append(classification.StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                builder.Append(' ').Append(classification.Summary).Append('.');
                if (!string.IsNullOrEmpty(details))
                {
                    builder.Append(' ').Append(Truncate(details, MaxDetailsLength));
                    while (char.IsWhiteSpace(builder[builder.Length - 1]))
                    {
                        builder.Length--;
                    }

                    var last = builder[builder.Length - 1];
                    if (last != '.' && last != '!' && last != '?')
                    {
                        builder.Append('.');
                    }
                }
            """);
        writer.EnterBlock("the message builder");
        foreach (var header in context.Spec.Headers.Where(h => h.InMessage))
        {
            var value = $"classification.Headers.{header.Property}";
            var text = header.Type switch
            {
                HeaderType.String => value,
                HeaderType.Int => $"{value}.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                HeaderType.Delay => $"{value}.Value.ToString(\"c\", global::System.Globalization.CultureInfo.InvariantCulture)",
                _ => $"{value}.Value.ToString()",
            };
            writer.WriteLine();
            writer.BeginBlock($"if ({value} != null)");
            writer.WriteLine($"builder.Append(' ').Append({CSharpText.Literal(header.Name + ": ")}).Append({text}).Append('.');");
            writer.EndBlock();
        }

        writer.WriteLine();
        writer.WriteLine("return builder.ToString();");
        writer.EndBlock();
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>
    /// All the subclasses in one file: a file per entry would cost the compiler a file-name check against every
    /// other generated file, which grows with the square of the entries.
    /// </summary>
    public static string EmitSubclasses(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        var first = true;
        foreach (var entry in context.ErrorResponses)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            WriteSubclass(writer, context, entry);
            first = false;
        }

        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>The base constructors: without body shapes, the two the first version had; with them, also the one that takes what was read.</summary>
    private static string Constructors(EmitContext context)
    {
        var n = context.Nullable("string");
        var t = context.ExceptionType;
        var c = context.ClassificationType;
        var e = context.Nullable("global::System.Exception");
        if (!context.HasShapes)
        {
            return $$"""
            /// <summary>Creates the exception for a classified response.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            public {{t}}({{c}} classification, {{n}} responseBody)
                : this(classification, responseBody, null, null)
            {
            }

            /// <summary>Creates the exception, with details for the message that a subclass read from the body.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            /// <param name="details">Text for the message after the status and summary, or null.</param>
            protected {{t}}({{c}} classification, {{n}} responseBody, {{n}} details)
                : this(classification, responseBody, details, null)
            {
            }

            /// <summary>Creates the exception with details for the message and the exception that reported the response.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            /// <param name="details">Text for the message after the status and summary, or null.</param>
            /// <param name="innerException">The exception an HTTP client raised for the response (such as Refit's ApiException), or null.</param>
            protected {{t}}({{c}} classification, {{n}} responseBody, {{n}} details, {{e}} innerException)
                : base(BuildMessage(classification, details), innerException)
            {
                Classification = classification;
                ResponseBody = Truncate(responseBody, MaxResponseBodyLength);
            }

            /// <summary>
            /// The base exception with an inner exception, for <see cref="{{context.ClassifierType}}.CreateException({{c}}, string, global::System.Exception)"/>.
            /// A public constructor of this shape would make a subclass's <c>base(classification, responseBody, null)</c> ambiguous.
            /// </summary>
            internal static {{t}} WithInnerException({{c}} classification, {{n}} responseBody, {{e}} innerException) =>
                new {{t}}(classification, responseBody, null, innerException);

            """;
        }

        var values = context.BodiesType + ".BodyValues";
        var assignments = string.Join("\n", context.BaseFields.Select(f => $"    {f.Property} = values.{f.Property};"));
        return $$"""
            /// <summary>Creates the exception for a classified response, reading the body with the shapes the spec gives its kind.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            public {{t}}({{c}} classification, {{n}} responseBody)
                : this({{context.BodiesType}}.Read(classification.Kind, responseBody), classification, responseBody)
            {
            }

            /// <summary>Creates the exception, with details for the message instead of what the body says.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            /// <param name="details">Text for the message after the status and summary, or null.</param>
            protected {{t}}({{c}} classification, {{n}} responseBody, {{n}} details)
                : this(classification, responseBody, details, null)
            {
            }

            /// <summary>Creates the exception with details for the message and the exception that reported the response.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            /// <param name="details">Text for the message after the status and summary, or null.</param>
            /// <param name="innerException">The exception an HTTP client raised for the response (such as Refit's ApiException), or null.</param>
            protected {{t}}({{c}} classification, {{n}} responseBody, {{n}} details, {{e}} innerException)
                : this(classification, responseBody, details, {{context.BodiesType}}.Read(classification.Kind, responseBody), innerException)
            {
            }

            /// <summary>Creates the exception from what a subclass read from the body.</summary>
            private protected {{t}}({{values}} values, {{c}} classification, {{n}} responseBody)
                : this(values, classification, responseBody, null)
            {
            }

            /// <summary>Creates the exception from what a subclass read from the body, with the exception that reported the response.</summary>
            private protected {{t}}({{values}} values, {{c}} classification, {{n}} responseBody, {{e}} innerException)
                : this(classification, responseBody, values.Describe(), values, innerException)
            {
            }

            private {{t}}({{c}} classification, {{n}} responseBody, {{n}} details, {{values}} values, {{e}} innerException)
                : base(BuildMessage(classification, details), innerException)
            {
                Classification = classification;
                ResponseBody = Truncate(responseBody, MaxResponseBodyLength);
            {{assignments}}
            }

            /// <summary>
            /// The base exception with an inner exception, for <see cref="{{context.ClassifierType}}.CreateException({{c}}, string, global::System.Exception)"/>.
            /// A public constructor of this shape would make a subclass's <c>base(classification, responseBody, null)</c> ambiguous.
            /// </summary>
            internal static {{t}} WithInnerException({{c}} classification, {{n}} responseBody, {{e}} innerException) =>
                new {{t}}({{context.BodiesType}}.Read(classification.Kind, responseBody), classification, responseBody, innerException);

            """;
    }

    private static void FieldProperty(SourceWriter writer, EmitContext context, BodyFieldModel field)
    {
        DocComment.Text(writer, field.Description ?? $"Read from the response body ({field.Property}).");
        writer.WriteLine($"public {context.FieldType(field)} {field.Property} {{ get; }}");
    }

    private static void WriteSubclass(SourceWriter writer, EmitContext context, ResponseModel entry)
    {
        var n = context.Nullable("string");
        var e = context.Nullable("global::System.Exception");
        var type = context.ExceptionTypeOf(entry);
        ResponseDocs.Write(writer, context, entry, $"Thrown for responses classified as <see cref=\"{context.KindType}.{entry.Name}\"/>.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} class {type} : {context.ExceptionType}");
        if (context.HasShapes)
        {
            var values = context.BodiesType + ".BodyValues";
            var fields = context.EntryFields(entry);
            var shapes = entry.BodyShapes.IsEmpty ? "its shapes" : "the body shapes " + string.Join(", ", entry.BodyShapes.Select(b => "'" + b + "'"));
            writer.WriteLines($$"""
                /// <summary>Creates the exception and reads the body with {{CSharpText.XmlText(shapes)}}, in that order.</summary>
                /// <param name="classification">The response's classification.</param>
                /// <param name="responseBody">The response body, or null; a body that fits no shape leaves the body properties empty.</param>
                public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody)
                    : this(classification, responseBody, null)
                {
                }

                /// <summary>Creates the exception with the exception an HTTP client raised for the response, and reads the body as above.</summary>
                /// <param name="classification">The response's classification.</param>
                /// <param name="responseBody">The response body, or null; a body that fits no shape leaves the body properties empty.</param>
                /// <param name="innerException">The exception an HTTP client raised for the response (such as Refit's ApiException), or null.</param>
                public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody, {{e}} innerException)
                    : this({{context.BodiesType}}.Read({{context.KindType}}.{{entry.Name}}, responseBody), classification, responseBody, innerException)
                {
                }

                private {{type}}({{values}} values, {{context.ClassificationType}} classification, {{n}} responseBody, {{e}} innerException)
                    : base(values, classification, responseBody, innerException)
                {
                """);
            writer.EnterBlock($"the {type} constructor from values");
            foreach (var field in fields)
            {
                writer.WriteLine($"{field.Property} = values.{field.Property};");
            }

            writer.EndBlock();
            foreach (var field in fields)
            {
                writer.WriteLine();
                FieldProperty(writer, context, field);
            }
        }
        else
        {
            writer.WriteLines($$"""
                /// <summary>Creates the exception for a classified response.</summary>
                /// <param name="classification">The response's classification.</param>
                /// <param name="responseBody">The response body, or null.</param>
                public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody)
                    : base(classification, responseBody, null)
                {
                }

                /// <summary>Creates the exception with the exception an HTTP client raised for the response.</summary>
                /// <param name="classification">The response's classification.</param>
                /// <param name="responseBody">The response body, or null.</param>
                /// <param name="innerException">The exception an HTTP client raised for the response (such as Refit's ApiException), or null.</param>
                public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody, {{e}} innerException)
                    : base(classification, responseBody, null, innerException)
                {
                }
                """);
        }

        writer.EndBlock();
    }
}
