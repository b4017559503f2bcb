using System.Linq;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits what needs System.Net.Http: <c>ClassifyAsync</c>, <c>EnsureSuccessAsync</c> and the bounded body
/// reader on the classifier, and <c>{Prefix}ErrorHandler</c>, a DelegatingHandler for any HttpClient pipeline.
/// </summary>
internal static class HttpEmitter
{
    public static string EmitClassifierHttp(EmitContext context)
    {
        var n = context.Nullable("string");
        var bang = context.Capabilities.SupportsNullable ? "!" : string.Empty;
        return ClassifierPart.Write(context, $$"""
            /// <summary>
            /// The most bytes of a body that is read, and the most bytes it decompresses to: enough for any error body, and a
            /// 100 MB body (or a gzip bomb) costs no more.
            /// </summary>
            public const int MaxBodyBytes = global::XeroErrors.Machinery.ResponseBodyReads.MaxBytes;

            /// <summary>
            /// Classifies an HTTP response. The body is read only for statuses whose entries the spec tells apart by
            /// their body (never for a 2xx), and then at most <see cref="MaxBodyBytes"/> of it.
            /// </summary>
            /// <param name="response">The response.</param>
            /// <param name="cancellationToken">Cancels reading the body.</param>
            /// <returns>The classification.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            /// <exception cref="global::System.OperationCanceledException">The token was cancelled while the body was read.</exception>
            public static global::System.Threading.Tasks.Task<{{context.ClassificationType}}> ClassifyAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken)) =>
                Http.ClassifyAsync(response, cancellationToken);

            /// <summary>
            /// Returns for a success (and for 1xx and 3xx); for an error status (4xx, 5xx, or outside 100-599) reads at most
            /// <see cref="MaxBodyBytes"/> of the body and throws the kind's exception.
            /// </summary>
            /// <param name="response">The response.</param>
            /// <param name="cancellationToken">Cancels reading the body.</param>
            /// <returns>A task that completes when the response is a success.</returns>
            /// <exception cref="{{context.ExceptionType}}">The status is an error; the type is the kind's own subclass where there is one.</exception>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            /// <exception cref="global::System.OperationCanceledException">The token was cancelled while the body was read.</exception>
            public static global::System.Threading.Tasks.Task EnsureSuccessAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken)) =>
                Http.EnsureSuccessAsync(response, cancellationToken);

            {{CreateExceptionAsync(context)}}/// <summary>The exception for an error response (4xx, 5xx, or outside 100-599), or null; created, not thrown, so callers throw it once.</summary>
            /// <param name="response">The response.</param>
            /// <param name="request">The request that got it, for what the exception records of it; null when it is not known.</param>
            /// <param name="sharedRead">False only for a caller that holds the response alone (the error handler): the body is then read without the shared read's bookkeeping.</param>
            /// <param name="innerException">The HTTP client's own exception for the response, or null.</param>
            /// <param name="cancellationToken">Cancels reading the body.</param>
            internal static global::System.Threading.Tasks.Task<{{context.Nullable(context.ExceptionType)}}> CreateErrorAsync(global::System.Net.Http.HttpResponseMessage response, {{context.Nullable("global::System.Net.Http.HttpRequestMessage")}} request, bool sharedRead, {{context.Nullable("global::System.Exception")}} innerException, global::System.Threading.CancellationToken cancellationToken) =>
                Http.CreateErrorAsync(response, request, sharedRead, innerException, cancellationToken){{bang}};

            /// <summary>The error handler's send: the response when it is not an error; otherwise it is disposed and the kind's exception thrown.</summary>
            internal static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ThrowOnErrorAsync(global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> sending, global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken) =>
                Http.ThrowOnErrorAsync(sending, request, cancellationToken);

            /// <summary>
            /// Records on <paramref name="exception"/> what is safe to keep of the request: its method, the path of its URI and the
            /// request headers the spec lists. Never the query (it can carry secrets) nor any other header, such as Authorization.
            /// </summary>
            /// <param name="exception">The exception for the response.</param>
            /// <param name="request">The request, or null when it is not known (the exception then records nothing).</param>
            internal static void RecordRequest({{context.ExceptionType}} exception, {{context.Nullable("global::System.Net.Http.HttpRequestMessage")}} request) =>
                Http.RecordRequest(exception, request);

            /// <summary>The response's headers and its content's (Content-Type and the like live there), read once per response.</summary>
            internal static {{context.HeadersType}} ReadHeaders(global::System.Net.Http.HttpResponseMessage response) =>
                Http.ReadSharedHeaders(response);

            {{HttpPart(context)}}

            /// <summary>
            /// Reads at most <see cref="MaxBodyBytes"/> of the body as text, in the charset the response names (UTF-8 when it
            /// names none or one the runtime does not know; invalid bytes become U+FFFD). A body sent with a
            /// <c>Content-Encoding</c> the handler did not undo ({{context.ContentCodings}}) is decompressed first, and the bound
            /// applies to the decompressed text.
            /// </summary>
            /// <remarks>
            /// <para>
            /// A body is read once per response content, and every caller shares that read: ClassifyAsync, EnsureSuccessAsync,
            /// ReadBodyAsync, the error handler and the retry helpers, called one after another or all at once, get the same
            /// text. A buffered body (HttpClient's default) is left rewound, so the caller can still read all of it; an
            /// unbuffered one (HttpCompletionOption.ResponseHeadersRead) has its first part consumed.
            /// </para>
            /// <para>
            /// A body that fails while being read (a reset or closed connection, corrupt compressed data, any I/O error) gives
            /// the part that arrived. Once read, the text is kept for the content's lifetime, so a disposed response still
            /// answers from it; reading a disposed response whose body was never read is a mistake and throws.
            /// </para>
            /// </remarks>
            /// <param name="response">The response.</param>
            /// <param name="cancellationToken">
            /// Stops this call. The read itself is cancelled only when it is the call that started it; other callers waiting for
            /// the same read then start it again where the body can be read again, or get the part that arrived where it cannot.
            /// </param>
            /// <returns>The text, or null when the response has no content.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            /// <exception cref="global::System.OperationCanceledException">The token was cancelled; the exception that cancellation caused, if any, is its inner exception.</exception>
            /// <exception cref="global::System.ObjectDisposedException">The response was disposed before its body was read.</exception>
            public static global::System.Threading.Tasks.Task<{{n}}> ReadBodyAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken)) =>
                global::XeroErrors.Machinery.ResponseBodyReads.ReadResponseAsync(response, cancellationToken){{bang}};

            /// <summary>
            /// Reads the body as <see cref="ReadBodyAsync"/> does and, where that read consumed an unbuffered body whole, puts
            /// the bytes back as buffered content, so a response handed on (a retry that gives up) still has all its body.
            /// </summary>
            internal static global::System.Threading.Tasks.Task<{{n}}> ReadBodyKeepingItAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) =>
                global::XeroErrors.Machinery.ResponseBodyReads.ReadKeepingItAsync(response, cancellationToken){{bang}};
            """);
    }

    /// <summary>
    /// <c>CreateExceptionAsync</c>, shaped for <c>RefitSettings.ExceptionFactory</c>: one parameter and
    /// <c>ValueTask&lt;Exception?&gt;</c> exactly, so it is assigned as a method group. Empty without ValueTask.
    /// </summary>
    private static string CreateExceptionAsync(EmitContext context)
    {
        if (!context.Capabilities.HasValueTask)
        {
            return string.Empty;
        }

        var exception = context.Nullable("global::System.Exception");
        var bang = context.Capabilities.SupportsNullable ? "!" : string.Empty;
        return $$"""
            /// <summary>
            /// The typed exception for an error response (4xx, 5xx, or outside 100-599), or null for any other; it is created, not
            /// thrown. The body is read through the shared read and left readable, and a success's body is not touched.
            /// </summary>
            /// <remarks>
            /// Its shape is Refit's exception factory's, so it is assigned as a method group:
            /// <c>new RefitSettings { ExceptionFactory = {{context.ClassifierType}}.CreateExceptionAsync }</c>.
            /// </remarks>
            /// <param name="response">The response.</param>
            /// <returns>The exception, or null.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            public static global::System.Threading.Tasks.ValueTask<{{exception}}> CreateExceptionAsync(global::System.Net.Http.HttpResponseMessage response)
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                var statusCode = (int)response.StatusCode;
                if (statusCode >= 100 && statusCode < 400)
                {
                    return new global::System.Threading.Tasks.ValueTask<{{exception}}>(({{exception}})null);
                }

                return new global::System.Threading.Tasks.ValueTask<{{exception}}>(Http.CreateExceptionKeepingBodyAsync(response){{bang}});
            }


            """;
    }

    /// <summary>
    /// The spec's part of reading an HttpResponseMessage, a private class that fills in the runtime library's
    /// HttpResponseClassifier: the spec's headers, statuses, classification, exceptions and the request headers they keep.
    /// </summary>
    private static string HttpPart(EmitContext context)
    {
        var n = context.Nullable("string");
        var headers = context.Spec.RequestHeaders;
        var names = headers.IsEmpty ? "new string[0]" : "new string[] { " + string.Join(", ", headers.Select(h => CSharpText.Literal(h.Name))) + " }";
        var values = string.Concat(headers.Select((h, i) => $", headerValues[{i}]"));
        var library = $"global::XeroErrors.Machinery.HttpResponseClassifier<{context.ClassificationType}, {context.HeadersType}, {context.ExceptionType}>";
        return $$"""
            /// <summary>The classifier's HTTP part: the runtime library's, with what this spec decides.</summary>
            private static readonly HttpPart Http = new HttpPart();

            /// <summary>What the spec decides of reading an HttpResponseMessage; the rest is the runtime library's.</summary>
            private sealed class HttpPart : {{library}}
            {
                public HttpPart()
                    : base({{names}})
                {
                }

                protected override {{context.HeadersType}} ReadHeaders(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>> headers) =>
                    {{context.HeadersType}}.FromHttpHeaders(headers);

                protected override bool NeedsBody(int statusCode) => {{context.ClassifierType}}.NeedsBody(statusCode);

                protected override {{context.ClassificationType}} Classify(int statusCode, {{n}} body, {{context.HeadersType}} headers) =>
                    {{context.ClassifierType}}.Classify(statusCode, body, headers);

                protected override {{context.ExceptionType}} CreateException({{context.ClassificationType}} classification, {{n}} body, {{context.Nullable("global::System.Exception")}} innerException) =>
                    {{context.ClassifierType}}.CreateException(classification, body, innerException);

                protected override void RecordRequest({{context.ExceptionType}} exception, {{n}} method, {{n}} path, {{n}}[] headerValues) =>
                    exception.RecordRequest(method, path{{values}});
            }
            """;
    }

    public static string EmitHandler(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(
            writer,
            CSharpText.XmlText($"A DelegatingHandler that turns {context.ApiName} error responses into typed exceptions, for any HttpClient-based client."),
            $"Successes (and 1xx, 3xx) pass through untouched, body unread. For an error it reads at most {CSharpText.Cref(context.ClassifierType + ".MaxBodyBytes")} of the body, disposes the response and throws the kind's {CSharpText.Cref(context.ExceptionType)}. "
            + "With IHttpClientFactory: <c>" + CSharpText.XmlText($"services.AddTransient<{context.HandlerType}>(); services.AddHttpClient(\"xero\").AddHttpMessageHandler<{context.HandlerType}>();") + "</c>; "
            + "with a resilience handler, add this one after it, so that the retry sees the typed exceptions. "
            + "With Kiota, add it last to <c>KiotaClientFactory.CreateDefaultHandlers()</c>, nearest the network: Kiota's RetryHandler then never sees a 429 or 503 to retry with its own waits, and retrying is left to a Polly strategy. "
            + "Refit, Flurl and RestSharp wrap an exception thrown here in their own: use the glue on " + CSharpText.Cref(context.ClassifierType) + " for them instead.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} class {context.HandlerType} : global::System.Net.Http.DelegatingHandler");
        writer.WriteLines($$"""
            /// <summary>Creates the handler for a pipeline that sets <see cref="global::System.Net.Http.DelegatingHandler.InnerHandler"/> (as IHttpClientFactory does).</summary>
            public {{context.HandlerType}}()
            {
            }

            /// <summary>Creates the handler in front of <paramref name="innerHandler"/>.</summary>
            /// <param name="innerHandler">The handler that sends the request, for example an HttpClientHandler.</param>
            public {{context.HandlerType}}(global::System.Net.Http.HttpMessageHandler innerHandler)
                : base(innerHandler)
            {
            }

            /// <summary>Sends the request and throws the typed exception for an error response.</summary>
            /// <param name="request">The request.</param>
            /// <param name="cancellationToken">Cancels the call.</param>
            /// <returns>The response, when it is not an error.</returns>
            /// <exception cref="{{context.ExceptionType}}">The response is an error.</exception>
            protected override global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken) =>
                {{context.ClassifierType}}.ThrowOnErrorAsync(base.SendAsync(request, cancellationToken), request, cancellationToken);
            """);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }
}
