using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}ResponseClassification</c>: what the classifier says about one response.</summary>
internal static class ClassificationEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(writer, $"What {CSharpText.Cref(context.ClassifierType)} says about one response from the {CSharpText.XmlText(context.ApiName)}: its kind, whether to retry, and how long to wait.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} readonly struct {context.ClassificationType}");
        writer.WriteLines($$"""
            /// <summary>Creates a classification; normally <see cref="{{context.ClassifierType}}"/> does this.</summary>
            /// <param name="kind">The kind of response.</param>
            /// <param name="statusCode">The HTTP status code.</param>
            /// <param name="isTransient">Whether retrying the same request later may succeed.</param>
            /// <param name="retryAfter">How long to wait before retrying, if known.</param>
            /// <param name="headers">The response headers the spec lists.</param>
            public {{context.ClassificationType}}({{context.KindType}} kind, int statusCode, bool isTransient, global::System.TimeSpan? retryAfter, {{context.HeadersType}} headers)
            {
                Kind = kind;
                StatusCode = statusCode;
                IsTransient = isTransient;
                RetryAfter = retryAfter;
                Headers = headers;
            }

            /// <summary>The kind of response; <see cref="{{context.KindType}}.Unknown"/> for a status the spec does not list.</summary>
            public {{context.KindType}} Kind { get; }

            /// <summary>The HTTP status code, as received (it may be outside 100-599).</summary>
            public int StatusCode { get; }

            /// <summary>True for a 2xx status.</summary>
            public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;

            /// <summary>True for a 4xx or 5xx status, or a status outside 100-599: the statuses <c>EnsureSuccessAsync</c> throws for.</summary>
            public bool IsError => StatusCode < 100 || StatusCode >= 400;

            /// <summary>Whether retrying the same request later may succeed (from the spec's <c>retry.transient</c>, or 408, 429 and 5xx for unlisted statuses).</summary>
            public bool IsTransient { get; }

            /// <summary>How long to wait before retrying: the response's Retry-After header when present, else the spec's <c>retry.after</c>; null when neither says.</summary>
            public global::System.TimeSpan? RetryAfter { get; }

            /// <summary>The response headers the spec lists, parsed.</summary>
            public {{context.HeadersType}} Headers { get; }
            """);

        foreach (var header in context.TypedHeaders)
        {
            writer.WriteLine();
            ForwardedHeaderProperty(writer, context, header);
        }

        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>The spec's summary of <see cref="Kind"/>, for example "Organisation Offline".</summary>
            public string Summary => {{context.ClassifierType}}.GetSummary(Kind);

            /// <summary>A short description for logs, such as "503 OrganisationOffline (transient, retry after 00:05:00)".</summary>
            /// <returns>The status, kind, and retry advice.</returns>
            public override string ToString()
            {
                var text = StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " " + Kind.ToString();
                if (IsTransient)
                {
                    text += RetryAfter.HasValue ? " (transient, retry after " + RetryAfter.Value.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture) + ")" : " (transient)";
                }

                return text;
            }
            """);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>A property that reads through to <c>Headers</c>, shared by the classification and the exception.</summary>
    internal static void ForwardedHeaderProperty(SourceWriter writer, EmitContext context, HeaderModel header, string headersAccess = "Headers")
    {
        var description = header.Description is null ? $"The {header.Name} header." : $"{header.Description} From the {header.Name} header.";
        DocComment.Text(writer, description, header.Type == HeaderType.Enum
            ? "Null when the header is absent; Unknown when it has a value the spec does not list (see the Text property for what was sent)."
            : "Null when the header is absent or malformed.");
        writer.WriteLine($"public {context.HeaderPropertyType(header)} {header.Property} => {headersAccess}.{header.Property};");
        if (header.Type == HeaderType.Enum)
        {
            writer.WriteLine();
            DocComment.Text(writer, $"The {header.Name} header as sent, for values the spec does not list.");
            writer.WriteLine($"public {context.Nullable("string")} {header.Property}Text => {headersAccess}.{header.Property}Text;");
        }
    }
}
