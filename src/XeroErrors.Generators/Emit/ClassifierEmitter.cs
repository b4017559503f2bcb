using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits <c>{Prefix}ResponseClassifier</c>: a switch on the status code with ordinal-ignore-case
/// searches in the body, generated from the spec rather than a table read at run time.
/// </summary>
internal static class ClassifierEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(
            writer,
            $"Tells which {CSharpText.Cref(context.KindType)} a response from the {CSharpText.XmlText(context.ApiName)} is, and turns error responses into exceptions.",
            "Nothing here throws for any status code or body: an unexpected response is classified, never a crash.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} static partial class {context.ClassifierType}");
        writer.WriteLines($$"""
            /// <summary>Classifies a response from its status code and body, with no headers.</summary>
            /// <param name="statusCode">The HTTP status code; any value is accepted.</param>
            /// <param name="body">The response body, or null; any text is accepted.</param>
            /// <returns>The classification; <see cref="{{context.KindType}}.Unknown"/> for a status the spec does not list.</returns>
            public static {{context.ClassificationType}} Classify(int statusCode, {{context.Nullable("string")}} body) =>
                Classify(statusCode, body, default({{context.HeadersType}}));

            /// <summary>Classifies a response from its status code, body and headers.</summary>
            /// <param name="statusCode">The HTTP status code; any value is accepted.</param>
            /// <param name="body">The response body, or null; any text is accepted.</param>
            /// <param name="headers">The response's headers, from <see cref="{{context.HeadersType}}.FromHttpHeaders"/> or <see cref="{{context.HeadersType}}.FromPairs"/>.</param>
            /// <returns>The classification; <see cref="{{context.KindType}}.Unknown"/> for a status the spec does not list.</returns>
            public static {{context.ClassificationType}} Classify(int statusCode, {{context.Nullable("string")}} body, {{context.HeadersType}} headers)
            {
                switch (statusCode)
                {
            """);
        writer.EnterBlock("Classify(int, string, headers)");
        writer.EnterBlock("switch (statusCode)");
        foreach (var group in ByStatus(context.Spec))
        {
            WriteStatusCase(writer, context, group.Key, group.Value);
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine($"return Classified(statusCode, headers, {context.KindType}.Unknown, IsTransientStatus(statusCode), -1);");
        writer.Unindent();
        writer.EndBlock();
        writer.EndBlock();
        writer.WriteLine();
        WriteClassified(writer, context);
        WriteThrowHelpers(writer, context);
        WriteSummaries(writer, context);
        WriteHelpers(writer, context);

        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>
    /// <c>Classified</c>: an outcome of the switch made a classification, after what the spec says of header values
    /// (a value that makes a response transient or not) and of waits (Retry-After, else the entry's <c>retry.after</c>).
    /// </summary>
    private static void WriteClassified(SourceWriter writer, EmitContext context)
    {
        DocComment.Summary(writer, "The classification of an entry the status and body chose, with what the spec says of header values and waits.");
        writer.BeginBlock($"private static {context.ClassificationType} Classified(int statusCode, in {context.HeadersType} headers, {context.KindType} kind, bool isTransient, int retryAfterSeconds)");
        var first = true;
        foreach (var header in context.Spec.Headers.Where(h => h.Type == HeaderType.Enum))
        {
            foreach (var value in header.Values.Where(v => v.Transient.HasValue))
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                writer.WriteLine($"// The spec: a {header.Name} of \"{CSharpText.XmlText(value.Value)}\" is {(value.Transient == true ? "transient" : "not transient")}.");
                writer.WriteLine(value.Transient == true
                    ? $"if (headers.{header.Property} == {context.EnumType(header)}.{value.Member} && !(statusCode >= 200 && statusCode <= 299))"
                    : $"if (headers.{header.Property} == {context.EnumType(header)}.{value.Member})");
                writer.OpenBrace();
                writer.WriteLine($"isTransient = {(value.Transient == true ? "true" : "false")};");
                writer.EndBlock();
            }
        }

        if (!first)
        {
            writer.WriteLine();
        }

        writer.WriteLine(context.DelayHeader is null ? "global::System.TimeSpan? retryAfter = null;" : $"var retryAfter = headers.{context.DelayHeader.Property};");
        writer.WriteLines($$"""
            if (!retryAfter.HasValue && retryAfterSeconds >= 0)
            {
                retryAfter = global::System.TimeSpan.FromSeconds(retryAfterSeconds);
            }

            return new {{context.ClassificationType}}(kind, statusCode, isTransient, retryAfter, headers);
            """);
        writer.EndBlock();
    }

    private static void WriteStatusCase(SourceWriter writer, EmitContext context, int status, List<ResponseModel> entries)
    {
        writer.WriteLine($"case {CSharpText.Literal(status)}:");
        writer.Indent();
        if (entries.Count == 1)
        {
            WriteOutcome(writer, context, entries[0], status);
        }
        else
        {
            // Entries are tried in spec order; the default entry decides when no match hits.
            foreach (var entry in entries)
            {
                // The body of a success is never read (ClassifyAsync does not fetch it), so only headers tell 2xx entries apart.
                var conditions = entry.Match.Headers.Select(h => $"headers.{context.PresenceField(h)}")
                    .Concat(entry.Match.HeaderValues.Select(h => $"IsOneOf(headers.{context.ValueField(h.Header)}, {string.Join(", ", h.Values.Select(CSharpText.Literal))})"))
                    .Concat(IsSuccess(status) ? Enumerable.Empty<string>() : entry.Match.BodyTexts.Select(b => $"Contains(body, {CSharpText.Literal(b)})"))
                    .Concat(IsSuccess(status) ? Enumerable.Empty<string>() : entry.Match.Fields.Select(f => FieldCondition(context, f)))
                    .ToList();
                if (conditions.Count == 0)
                {
                    continue;
                }

                writer.BeginBlock($"if ({string.Join(" || ", conditions)})");
                WriteOutcome(writer, context, entry, status);
                writer.EndBlock();
                writer.WriteLine();
            }

            // A spec with XERR011 or XERR012 still generates (its build fails on the error): then the first
            // default, or the last entry, stands in so that the code compiles. With nothing to test (a shared 2xx
            // told apart only by its body), the default entry it is.
            var fallback = entries.FirstOrDefault(e => e.IsDefault) ?? entries[entries.Count - 1];
            WriteOutcome(writer, context, fallback, status);
        }

        writer.Unindent();
    }

    private static string FieldCondition(EmitContext context, FieldMatch match)
    {
        var index = CSharpText.Literal(context.FieldMatches.ToList().IndexOf(match.Path));
        var values = string.Concat(match.Values.Select(v => ", " + CSharpText.Literal(v)));
        return $"{context.BodiesType}.HasField(body, {index}{values})";
    }

    private static void WriteOutcome(SourceWriter writer, EmitContext context, ResponseModel entry, int status)
    {
        // A success is never transient, whatever the spec says (XERR101 tells the author).
        var transient = !IsSuccess(status) && (entry.Transient ?? IsTransientStatus(status));
        var seconds = entry.RetryAfterSeconds is { } after && !IsSuccess(status) ? CSharpText.Literal(after) : "-1";
        writer.WriteLine($"return Classified(statusCode, headers, {context.KindType}.{entry.Name}, {(transient ? "true" : "false")}, {seconds});");
    }

    private static void WriteThrowHelpers(SourceWriter writer, EmitContext context)
    {
        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>Throws the exception of the response's kind when the status is an error (4xx, 5xx, or outside 100-599); returns otherwise.</summary>
            /// <param name="statusCode">The HTTP status code.</param>
            /// <param name="body">The response body, or null.</param>
            /// <exception cref="{{context.ExceptionType}}">The status is an error; the type is the kind's own subclass where there is one.</exception>
            public static void EnsureSuccess(int statusCode, {{context.Nullable("string")}} body) =>
                EnsureSuccess(statusCode, body, default({{context.HeadersType}}));

            /// <summary>Throws the exception of the response's kind when the status is an error (4xx, 5xx, or outside 100-599); returns otherwise.</summary>
            /// <param name="statusCode">The HTTP status code.</param>
            /// <param name="body">The response body, or null.</param>
            /// <param name="headers">The response's headers.</param>
            /// <exception cref="{{context.ExceptionType}}">The status is an error; the type is the kind's own subclass where there is one.</exception>
            public static void EnsureSuccess(int statusCode, {{context.Nullable("string")}} body, {{context.HeadersType}} headers)
            {
                var classification = Classify(statusCode, body, headers);
                if (classification.IsError)
                {
                    throw CreateException(classification, body);
                }
            }

            /// <summary>Creates the exception for a classified response: the kind's own subclass, or <see cref="{{context.ExceptionType}}"/> for a kind without one.</summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="body">The response body, or null; it is kept truncated to <see cref="{{context.ExceptionType}}.MaxResponseBodyLength"/> characters.</param>
            /// <returns>The exception; it is not thrown.</returns>
            public static {{context.ExceptionType}} CreateException({{context.ClassificationType}} classification, {{context.Nullable("string")}} body) =>
                CreateException(classification, body, null);

            /// <summary>
            /// Creates the exception for a classified response, with the exception an HTTP client raised for it as
            /// <see cref="global::System.Exception.InnerException"/>: the kind's own subclass, or <see cref="{{context.ExceptionType}}"/> for a kind without one.
            /// </summary>
            /// <param name="classification">The response's classification.</param>
            /// <param name="body">The response body, or null; it is kept truncated to <see cref="{{context.ExceptionType}}.MaxResponseBodyLength"/> characters.</param>
            /// <param name="innerException">The client's own exception for the response, or null.</param>
            /// <returns>The exception; it is not thrown.</returns>
            public static {{context.ExceptionType}} CreateException({{context.ClassificationType}} classification, {{context.Nullable("string")}} body, {{context.Nullable("global::System.Exception")}} innerException)
            {
                switch (classification.Kind)
                {
            """);
        writer.EnterBlock("CreateException(classification, body, innerException)");
        writer.EnterBlock("switch (classification.Kind)");
        foreach (var entry in context.ErrorResponses)
        {
            writer.WriteLine($"case {context.KindType}.{entry.Name}:");
            writer.Indent();
            writer.WriteLine($"return new {context.ExceptionTypeOf(entry)}(classification, body, innerException);");
            writer.Unindent();
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine($"return {context.ExceptionType}.WithInnerException(classification, body, innerException);");
        writer.Unindent();
        writer.EndBlock();
        writer.EndBlock();
    }

    private static void WriteSummaries(SourceWriter writer, EmitContext context)
    {
        writer.WriteLine();
        DocComment.Summary(writer, "The spec's summary of a kind, for example \"Organisation Offline\"; \"Unknown\" for a kind the spec does not list.");
        DocComment.Param(writer, "kind", "The kind.");
        DocComment.Returns(writer, "The summary text.");
        writer.BeginBlock($"public static string GetSummary({context.KindType} kind)");
        writer.BeginBlock("switch (kind)");
        foreach (var entry in context.Spec.Responses)
        {
            writer.WriteLine($"case {context.KindType}.{entry.Name}:");
            writer.Indent();
            writer.WriteLine($"return {CSharpText.Literal(entry.Summary)};");
            writer.Unindent();
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine("return \"Unknown\";");
        writer.Unindent();
        writer.EndBlock();
        writer.EndBlock();
    }

    private static void WriteHelpers(SourceWriter writer, EmitContext context)
    {
        var bodyStatuses = ByStatus(context.Spec).Where(g => g.Value.Count > 1 && !IsSuccess(g.Key) && g.Value.Any(e => !e.Match.BodyTexts.IsEmpty || !e.Match.Fields.IsEmpty)).Select(g => g.Key).ToList();
        writer.WriteLine();
        DocComment.Summary(writer, "Whether classifying this status looks at the body; other statuses are classified without reading it.");
        DocComment.Param(writer, "statusCode", "The HTTP status code.");
        DocComment.Returns(writer, "True when the spec tells entries of this status apart by their body.");
        writer.BeginBlock("public static bool NeedsBody(int statusCode)");
        if (bodyStatuses.Count == 0)
        {
            writer.WriteLine("return false;");
        }
        else
        {
            writer.BeginBlock("switch (statusCode)");
            foreach (var status in bodyStatuses)
            {
                writer.WriteLine($"case {CSharpText.Literal(status)}:");
            }

            writer.Indent();
            writer.WriteLine("return true;");
            writer.Unindent();
            writer.WriteLine("default:");
            writer.Indent();
            writer.WriteLine("return false;");
            writer.Unindent();
            writer.EndBlock();
        }

        writer.EndBlock();
        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>For statuses the spec does not list: 408, 429 and 5xx are worth retrying.</summary>
            private static bool IsTransientStatus(int statusCode) =>
                statusCode == 408 || statusCode == 429 || (statusCode >= 500 && statusCode <= 599);

            private static bool Contains({{context.Nullable("string")}} body, string marker) =>
                body != null && body.IndexOf(marker, global::System.StringComparison.OrdinalIgnoreCase) >= 0;
            """);
        if (context.MatchValueHeaders.Count > 0)
        {
            writer.WriteLines($$"""

                private static bool IsOneOf({{context.Nullable("string")}} value, params string[] values)
                {
                    if (value == null)
                    {
                        return false;
                    }

                    foreach (var candidate in values)
                    {
                        if (string.Equals(value.Trim(), candidate, global::System.StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }

                    return false;
                }
                """);
        }
    }

    /// <summary>Whether an entry without <c>retry.transient</c> is transient on <paramref name="status"/>: 408, 429 and 5xx.</summary>
    internal static bool IsTransientStatus(int status) => status == 408 || status == 429 || (status >= 500 && status <= 599);

    internal static bool IsSuccess(int status) => status >= 200 && status <= 299;

    /// <summary>Entries per status, statuses ascending, entries in spec order.</summary>
    internal static SortedDictionary<int, List<ResponseModel>> ByStatus(SpecModel spec)
    {
        var result = new SortedDictionary<int, List<ResponseModel>>();
        foreach (var entry in spec.Responses)
        {
            foreach (var status in entry.Statuses)
            {
                if (!result.TryGetValue(status, out var list))
                {
                    result[status] = list = new List<ResponseModel>();
                }

                list.Add(entry);
            }
        }

        return result;
    }

}
