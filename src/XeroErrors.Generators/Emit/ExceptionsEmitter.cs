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
        FileHeader.Open(writer, context);
        FileHeader.Doc(
            writer,
            $"An error response from the {context.ApiName}: status, kind, body and headers as properties.",
            "Built from the response alone: nothing of the request (its Authorization header, token or query string) is kept, so the exception is safe to log.");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute);
        writer.WriteLine($"{context.Access} class {context.ExceptionType} : global::System.Exception");
        writer.OpenBrace();
        writer.WriteLines($$"""
            /// <summary>The most characters of the body that <see cref="ResponseBody"/> keeps.</summary>
            public const int MaxResponseBodyLength = 16384;

            /// <summary>The most characters of details (such as validation messages) that <see cref="global::System.Exception.Message"/> quotes.</summary>
            private const int MaxDetailsLength = 2048;

            /// <summary>Creates the exception for a classified response.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            public {{context.ExceptionType}}({{context.ClassificationType}} classification, {{n}} responseBody)
                : this(classification, responseBody, null)
            {
            }

            /// <summary>Creates the exception, with details for the message that a subclass read from the body.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="responseBody">The response body, or null; kept truncated to <see cref="MaxResponseBodyLength"/> characters.</param>
            /// <param name="details">Text for the message after the status and summary, or null.</param>
            protected {{context.ExceptionType}}({{context.ClassificationType}} classification, {{n}} responseBody, {{n}} details)
                : base(BuildMessage(classification, details))
            {
                Classification = classification;
                ResponseBody = Truncate(responseBody, MaxResponseBodyLength);
            }

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
            """);
        foreach (var header in context.TypedHeaders)
        {
            writer.WriteLine();
            ClassificationEmitter.ForwardedHeaderProperty(writer, context, header);
        }

        writer.WriteLine();
        writer.WriteLines($$"""
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
        writer.Indent();
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
            writer.WriteLine($"if ({value} != null)");
            writer.OpenBrace();
            writer.WriteLine($"builder.Append(' ').Append({CSharpText.Literal(header.Name + ": ")}).Append({text}).Append('.');");
            writer.CloseBrace();
        }

        writer.WriteLine();
        writer.WriteLine("return builder.ToString();");
        writer.CloseBrace();
        writer.CloseBrace();
        FileHeader.Close(writer);
        return writer.ToString();
    }

    /// <summary>
    /// All the subclasses in one file: a file per entry would cost the compiler a file-name check against every
    /// other generated file, which grows with the square of the entries.
    /// </summary>
    public static string EmitSubclasses(EmitContext context)
    {
        var writer = new SourceWriter();
        FileHeader.Open(writer, context);
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

        FileHeader.Close(writer);
        return writer.ToString();
    }

    private static void WriteSubclass(SourceWriter writer, EmitContext context, ResponseModel entry)
    {
        var n = context.Nullable("string");
        var type = context.ExceptionTypeOf(entry);
        ResponseDocs.Write(writer, entry, $"Thrown for responses classified as {context.KindType}.{entry.Name}.");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute);
        writer.WriteLine($"{context.Access} class {type} : {context.ExceptionType}");
        writer.OpenBrace();
        var bodyOnly = !context.ParsesJson ? " (needs System.Text.Json; without it these stay empty)" : string.Empty;
        switch (entry.Body)
        {
            case BodyFormat.Validation:
                writer.WriteLines($$"""
                    /// <summary>Creates the exception and reads <c>message</c> and <c>modelState</c> from the body{{bodyOnly}}.</summary>
                    /// <param name="classification">The response's classification.</param>
                    /// <param name="responseBody">The response body, or null; a body that is not JSON gives an empty <see cref="ModelState"/>.</param>
                    public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody)
                        : this(classification, responseBody, {{context.BodiesType}}.ParseValidation(responseBody))
                    {
                    }

                    private {{type}}({{context.ClassificationType}} classification, {{n}} responseBody, {{context.BodiesType}}.ValidationBody parsed)
                        : base(classification, responseBody, parsed.Describe())
                    {
                        ValidationMessage = parsed.Message;
                        ModelState = parsed.ModelState;
                    }

                    /// <summary>The body's <c>message</c>, such as "The request is invalid."; null when there is none.</summary>
                    public {{n}} ValidationMessage { get; }

                    /// <summary>The body's <c>modelState</c>: each element of the request that caused the error, with its messages. Never null; empty when the body has none or is not JSON.</summary>
                    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> ModelState { get; }
                    """);
                break;
            case BodyFormat.Problem:
                writer.WriteLines($$"""
                    /// <summary>Creates the exception and reads the JSON problem body ({"Type", "Title", "Status", "Detail"}){{bodyOnly}}.</summary>
                    /// <param name="classification">The response's classification.</param>
                    /// <param name="responseBody">The response body, or null; a body that is not JSON leaves the problem properties null.</param>
                    public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody)
                        : this(classification, responseBody, {{context.BodiesType}}.ParseProblem(responseBody))
                    {
                    }

                    private {{type}}({{context.ClassificationType}} classification, {{n}} responseBody, {{context.BodiesType}}.ProblemBody parsed)
                        : base(classification, responseBody, parsed.Detail)
                    {
                        ProblemType = parsed.Type;
                        Title = parsed.Title;
                        Detail = parsed.Detail;
                        DetailCode = parsed.DetailCode;
                    }

                    /// <summary>The problem body's <c>Type</c>; null when absent.</summary>
                    public {{n}} ProblemType { get; }

                    /// <summary>The problem body's <c>Title</c>, such as "Unauthorized"; null when absent.</summary>
                    public {{n}} Title { get; }

                    /// <summary>The problem body's <c>Detail</c>, such as "TokenExpired: token expired at ..."; null when absent.</summary>
                    public {{n}} Detail { get; }

                    /// <summary>The code that starts <see cref="Detail"/>, such as "TokenExpired" or "AuthenticationUnsuccessful"; null when there is none.</summary>
                    public {{n}} DetailCode { get; }

                    /// <summary>True when the access token has expired (<see cref="DetailCode"/> is "TokenExpired"): refresh the token and retry.</summary>
                    public bool IsTokenExpired => string.Equals(DetailCode, "TokenExpired", global::System.StringComparison.OrdinalIgnoreCase);
                    """);
                break;
            default:
                writer.WriteLines($$"""
                    /// <summary>Creates the exception for a classified response.</summary>
                    /// <param name="classification">The response's classification.</param>
                    /// <param name="responseBody">The response body, or null.</param>
                    public {{type}}({{context.ClassificationType}} classification, {{n}} responseBody)
                        : base(classification, responseBody, null)
                    {
                    }
                    """);
                break;
        }

        writer.CloseBrace();
    }
}
