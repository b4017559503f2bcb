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
            "Of the request it keeps only the method, the path and the request headers the spec lists, and only when created from an HttpResponseMessage that has its request: never the query string, the Authorization header or the token, so the exception is safe to log.");
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
            public static {{context.Nullable(context.ExceptionType)}} Find({{context.Nullable("global::System.Exception")}} exception) => global::XeroErrors.Machinery.ExceptionText.Find<{{context.ExceptionType}}>(exception);
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
        WriteRequestMembers(writer, context);
        writer.WriteLine();
        if (Emitter.GovernsRateLimits(context.Spec, context.Capabilities))
        {
            WriteLocalRefusalMembers(writer, context);
            writer.WriteLine();
        }

        writer.WriteLines($$"""
            private static string BuildMessage({{context.ClassificationType}} classification, {{n}} details) =>
                global::XeroErrors.Machinery.ExceptionText.Message({{CSharpText.Literal(context.ApiName + " responded ")}}, classification.StatusCode, classification.Summary, BuildAdvice(classification), details, MaxDetailsLength{{QuotedHeaders(context)}});
            """);
        writer.WriteLine();
        WriteAdvice(writer, context);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>The headers the message quotes (<c>in_message: true</c>), as label and value pairs for the library's message.</summary>
    private static string QuotedHeaders(EmitContext context) =>
        string.Concat(context.Spec.Headers.Where(h => h.InMessage).Select(header =>
        {
            var value = $"classification.Headers.{header.Property}";
            var text = header.Type switch
            {
                HeaderType.String => value,
                HeaderType.Int => $"{value}?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                HeaderType.Delay => $"{value}?.ToString(\"c\", global::System.Globalization.CultureInfo.InvariantCulture)",
                _ => $"{value}?.ToString()",
            };
            return $", {CSharpText.Literal(header.Name + ": ")}, {text}";
        }));

    /// <summary>
    /// What a refusal of the rate-limit governor changes: the call was never sent, so the message must not say the API
    /// responded. The exception is otherwise the one the server's refusal would have given, so code that catches that
    /// catches this too.
    /// </summary>
    private static void WriteLocalRefusalMembers(SourceWriter writer, EmitContext context)
    {
        var responded = context.ApiName + " responded ";
        writer.WriteLines($$"""
            /// <summary>The message of a call the rate-limit governor refused before sending it; null for a response.</summary>
            private {{context.Nullable("string")}} _refusedLocally;

            /// <summary>What went wrong, and what to do about it.</summary>
            public override string Message => _refusedLocally ?? base.Message;

            /// <summary>Makes this the exception of a call {{CSharpText.Cref(context.RateLimitsType)}} refused before sending it, for the reason given.</summary>
            /// <param name="reason">Why the call was not sent.</param>
            internal void RefuseLocally(string reason)
            {
                var message = base.Message;
                var advice = message.StartsWith({{CSharpText.Literal(responded)}}, global::System.StringComparison.Ordinal) ? message.Substring({{CSharpText.Literal(responded.Length)}}) : message;
                _refusedLocally = {{CSharpText.Literal(context.ApiName + " call not sent: ")}} + reason + ", so it would get " + advice;
            }
            """);
    }

    /// <summary>
    /// The request's method, path and listed headers: get-only properties set after construction by <c>RecordRequest</c>, so
    /// that no public constructor changes (users subclass the exception), and <c>ToString()</c>, which shows them.
    /// </summary>
    private static void WriteRequestMembers(SourceWriter writer, EmitContext context)
    {
        var n = context.Nullable("string");
        const string unknown = "null when the exception was not created from an HttpResponseMessage that has its request.";
        writer.WriteLines($$"""
            /// <summary>The method of the request that got the response, such as "GET"; {{unknown}}</summary>
            public {{n}} RequestMethod { get; private set; }

            /// <summary>
            /// The path of the request's URI, such as "/api.xro/2.0/Invoices": never its query, which can carry secrets; {{unknown}}
            /// </summary>
            public {{n}} RequestPath { get; private set; }
            """);
        foreach (var header in context.Spec.RequestHeaders)
        {
            writer.WriteLine();
            DocComment.Text(
                writer,
                (header.Description is null ? string.Empty : header.Description + " ") + $"From the {header.Name} request header.",
                "Null when the request did not have the header, or when the exception was not created from an HttpResponseMessage that has its request.");
            writer.WriteLine($"public {n} {header.Property} {{ get; private set; }}");
        }

        writer.WriteLine();
        writer.WriteLines("""
            /// <summary>Records what is safe to keep of the request that got the response.</summary>
            /// <param name="requestMethod">The request's method.</param>
            /// <param name="requestPath">The path of the request's URI, without its query.</param>
            """);
        foreach (var header in context.Spec.RequestHeaders)
        {
            DocComment.Param(writer, ParameterName(header), CSharpText.XmlText($"The first value of the {header.Name} request header, or null."));
        }

        var parameters = string.Concat(context.Spec.RequestHeaders.Select(h => $", {n} {ParameterName(h)}"));
        writer.BeginBlock($"internal void RecordRequest({n} requestMethod, {n} requestPath{parameters})");
        writer.WriteLine("RequestMethod = requestMethod;");
        writer.WriteLine("RequestPath = requestPath;");
        foreach (var header in context.Spec.RequestHeaders)
        {
            writer.WriteLine($"{header.Property} = {ParameterName(header)};");
        }

        writer.EndBlock();
        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>
            /// The exception as text, as <see cref="global::System.Exception.ToString"/> gives it, with the request that got the response
            /// on the line after the message when it is known: its method, path and the request headers the spec lists.
            /// </summary>
            /// <returns>The text.</returns>
            public override string ToString() =>
                global::XeroErrors.Machinery.ExceptionText.WithRequest(base.ToString(), GetType().ToString() + ": " + Message, RequestMethod, RequestPath{{string.Concat(context.Spec.RequestHeaders.Select(h => $", {CSharpText.Literal(h.Name)}, {h.Property}"))}});
            """);
    }

    /// <summary>A request header's parameter of <c>RecordRequest</c>: its property in camel case, escaped when that is a keyword.</summary>
    private static string ParameterName(RequestHeaderModel header)
    {
        var name = char.ToLowerInvariant(header.Property[0]) + header.Property.Substring(1);
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? name
            : "@" + name;
    }

    /// <summary>
    /// What the message says after the summary: the spec's words for the header values the response carries (an enum value's
    /// <c>message:</c>) and the wait advised, so that a log line says what to do, not only what happened.
    /// </summary>
    private static void WriteAdvice(SourceWriter writer, EmitContext context)
    {
        var n = context.Nullable("string");
        var reasons = context.TypedHeaders.Where(h => h.Type == HeaderType.Enum && h.Values.Any(v => v.Message is not null)).ToList();
        writer.WriteLines($$"""
            /// <summary>
            /// What the message says after the summary, such as "minute limit; retry after 5 s": the spec's words for the header
            /// values the response carries, then the wait <see cref="RetryAfter"/> advises; null when there is neither.
            /// </summary>
            private static {{n}} BuildAdvice({{context.ClassificationType}} classification)
            {
            """);
        writer.EnterBlock("BuildAdvice(classification)");
        if (reasons.Count > 0)
        {
            writer.WriteLine($"{n} reason = null;");
        }

        var first = true;
        foreach (var header in reasons)
        {
            writer.BeginBlock($"switch (classification.Headers.{header.Property})");
            foreach (var value in header.Values.Where(v => v.Message is not null))
            {
                var text = CSharpText.Literal(value.Message!);
                writer.WriteLine($"case {context.EnumType(header)}.{value.Member}:");
                writer.Indent();
                writer.WriteLine(first ? $"reason = {text};" : $"reason = reason == null ? {text} : reason + \"; \" + {text};");
                writer.WriteLine("break;");
                writer.Unindent();
            }

            writer.EndBlock();
            writer.WriteLine();
            first = false;
        }

        writer.WriteLine($"return global::XeroErrors.Machinery.ExceptionText.Advice({(reasons.Count > 0 ? "reason" : "null")}, classification.RetryAfter, classification.IsTransient);");
        writer.EndBlock();
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
                ResponseBody = global::XeroErrors.Machinery.ExceptionText.Truncate(responseBody, MaxResponseBodyLength);
            }

            /// <summary>
            /// The base exception with an inner exception, for <see cref="{{context.ClassifierType}}.CreateException({{c}}, string, global::System.Exception)"/>.
            /// A public constructor of this shape would make a subclass's <c>base(classification, responseBody, null)</c> ambiguous.
            /// </summary>
            internal static {{t}} WithInnerException({{c}} classification, {{n}} responseBody, {{e}} innerException) =>
                new {{t}}(classification, responseBody, null, innerException);

            """;
        }

        const string values = "global::XeroErrors.Machinery.BodyValues";
        var assignments = string.Join("\n", context.BaseFields.Select(f => $"    {f.Property} = {BodiesEmitter.ValueOf(context, f, "values")};"));
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
                : this(classification, responseBody, {{context.BodiesType}}.Describe(values), values, innerException)
            {
            }

            private {{t}}({{c}} classification, {{n}} responseBody, {{n}} details, {{values}} values, {{e}} innerException)
                : base(BuildMessage(classification, details), innerException)
            {
                Classification = classification;
                ResponseBody = global::XeroErrors.Machinery.ExceptionText.Truncate(responseBody, MaxResponseBodyLength);
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
            const string values = "global::XeroErrors.Machinery.BodyValues";
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
                    : {{(fields.Count == 0 ? "base" : "this")}}({{context.BodiesType}}.Read({{context.KindType}}.{{entry.Name}}, responseBody), classification, responseBody, innerException)
                {
                }
                """);
            if (fields.Count > 0)
            {
                // Only a kind with properties of its own needs the values once more, to fill them.
                writer.WriteLine();
                writer.WriteLines($$"""
                    private {{type}}({{values}} values, {{context.ClassificationType}} classification, {{n}} responseBody, {{e}} innerException)
                        : base(values, classification, responseBody, innerException)
                    {
                    """);
                writer.EnterBlock($"the {type} constructor from values");
                foreach (var field in fields)
                {
                    writer.WriteLine($"{field.Property} = {BodiesEmitter.ValueOf(context, field, "values")};");
                }

                writer.EndBlock();
            }

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
