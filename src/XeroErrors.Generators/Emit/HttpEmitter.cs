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
        var writer = new SourceWriter();
        FileHeader.Open(writer, context);
        writer.WriteLine($"{context.Access} static partial class {context.ClassifierType}");
        writer.OpenBrace();
        writer.WriteLines($$"""
            /// <summary>The most bytes of a body that is read: enough for any error body, and a 100 MB body costs no more.</summary>
            public const int MaxBodyBytes = 1024 * 1024;

            private const int ChunkBytes = 16 * 1024;

            /// <summary>
            /// Classifies an HTTP response. The body is read only for statuses whose entries the spec tells apart by
            /// their body (never for a 2xx), and then at most <see cref="MaxBodyBytes"/> of it.
            /// </summary>
            /// <param name="response">The response.</param>
            /// <param name="cancellationToken">Cancels reading the body.</param>
            /// <returns>The classification.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            /// <exception cref="global::System.OperationCanceledException">The token was cancelled while the body was read.</exception>
            public static async global::System.Threading.Tasks.Task<{{context.ClassificationType}}> ClassifyAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                var statusCode = (int)response.StatusCode;
                var headers = ReadHeaders(response);
                var body = NeedsBody(statusCode) ? await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false) : null;
                return Classify(statusCode, body, headers);
            }

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
            public static async global::System.Threading.Tasks.Task EnsureSuccessAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                var statusCode = (int)response.StatusCode;
                if (statusCode >= 100 && statusCode < 400)
                {
                    return;
                }

                var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                var classification = Classify(statusCode, body, ReadHeaders(response));
                throw CreateException(classification, body);
            }

            /// <summary>The response's headers and its content's (Content-Type and the like live there).</summary>
            internal static {{context.HeadersType}} ReadHeaders(global::System.Net.Http.HttpResponseMessage response) =>
                response.Content == null
                    ? {{context.HeadersType}}.FromHttpHeaders(response.Headers)
                    : {{context.HeadersType}}.FromHttpHeaders(global::System.Linq.Enumerable.Concat(response.Headers, response.Content.Headers));

            /// <summary>
            /// Reads at most <see cref="MaxBodyBytes"/> of the body as text, in the charset the response names (UTF-8 when it
            /// names none or one the runtime does not know; invalid bytes become U+FFFD).
            /// </summary>
            /// <remarks>
            /// The text is remembered per response content, so ClassifyAsync, EnsureSuccessAsync and the retry helpers agree
            /// on a body that can only be read once. A buffered body (HttpClient's default) is left rewound, so the caller can
            /// still read all of it; an unbuffered one (HttpCompletionOption.ResponseHeadersRead) has its first part consumed.
            /// </remarks>
            /// <param name="response">The response.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The text, or null when the response has no content. A body that fails while being read gives the part that arrived.</returns>
            /// <exception cref="global::System.OperationCanceledException">The token was cancelled.</exception>
            public static async global::System.Threading.Tasks.Task<{{n}}> ReadBodyAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                var content = response.Content;
                if (content == null)
                {
                    return null;
                }

                {{context.Nullable("BodyText")}} known;
                if (ReadBodies.TryGetValue(content, out known))
                {
                    return known{{(context.Capabilities.SupportsNullable ? "!" : string.Empty)}}.Text;
                }

                var declared = content.Headers.ContentLength;
                // Room for a declared length plus the read that finds the end, so a small body is one small buffer.
                var capacity = declared.HasValue && declared.Value >= 0 ? (int)global::System.Math.Min(declared.Value + 1, MaxBodyBytes) : ChunkBytes;
                var buffer = new byte[capacity];
                var count = 0;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();

                    // Not disposed: HttpContent hands this same stream to every reader of the body.
                    var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                    if (stream.CanSeek)
                    {
                        stream.Position = 0;
                    }

                    // A network read may ignore the token; closing the stream ends it. A seekable body is in memory and never waits.
                    var registration = stream.CanSeek ? default(global::System.Threading.CancellationTokenRegistration) : cancellationToken.Register(s => ((global::System.IDisposable)s{{(context.Capabilities.SupportsNullable ? "!" : string.Empty)}}).Dispose(), stream);
                    using (registration)
                    {
                        while (count < MaxBodyBytes)
                        {
                            if (count == buffer.Length)
                            {
                                var grown = new byte[global::System.Math.Min(MaxBodyBytes, global::System.Math.Max(ChunkBytes, buffer.Length * 2))];
                                global::System.Buffer.BlockCopy(buffer, 0, grown, 0, count);
                                buffer = grown;
                            }

                            var read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
                            if (read == 0)
                            {
                                break;
                            }

                            count += read;
                        }
                    }

                    if (stream.CanSeek)
                    {
                        stream.Position = 0;
                    }
                }
                catch (global::System.Exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw new global::System.OperationCanceledException(cancellationToken);
                }
                catch (global::System.Exception ex) when (ex is global::System.IO.IOException || ex is global::System.Net.Http.HttpRequestException || ex is global::System.ObjectDisposedException || ex is global::System.InvalidOperationException || ex is global::System.NotSupportedException)
                {
                    // The body broke off: classify on the part that arrived.
                }

                var text = Decode(buffer, count, content.Headers.ContentType == null ? null : content.Headers.ContentType.CharSet);
                return ReadBodies.GetValue(content, _ => new BodyText(text)).Text;
            }

            /// <summary>Bodies already read, per content, so a body that can be read once is read once.</summary>
            private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<global::System.Net.Http.HttpContent, BodyText> ReadBodies =
                new global::System.Runtime.CompilerServices.ConditionalWeakTable<global::System.Net.Http.HttpContent, BodyText>();

            private sealed class BodyText
            {
                public BodyText(string text)
                {
                    Text = text;
                }

                public string Text { get; }
            }

            private static string Decode(byte[] bytes, int count, {{n}} charset)
            {
                if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                {
                    return global::System.Text.Encoding.UTF8.GetString(bytes, 3, count - 3);
                }

                var encoding = global::System.Text.Encoding.UTF8;
                if (!string.IsNullOrEmpty(charset))
                {
                    try
                    {
                        encoding = global::System.Text.Encoding.GetEncoding(charset{{(context.Capabilities.SupportsNullable ? "!" : string.Empty)}}.Trim().Trim('"'));
                    }
                    catch (global::System.ArgumentException)
                    {
                        // A charset the runtime does not know: read it as UTF-8 rather than fail.
                    }
                    catch (global::System.NotSupportedException)
                    {
                        // As above.
                    }
                }

                return encoding.GetString(bytes, 0, count);
            }
            """);
        writer.CloseBrace();
        FileHeader.Close(writer);
        return writer.ToString();
    }

    public static string EmitHandler(EmitContext context)
    {
        var writer = new SourceWriter();
        FileHeader.Open(writer, context);
        FileHeader.Doc(
            writer,
            $"A DelegatingHandler that turns {context.ApiName} error responses into typed exceptions, for any HttpClient-based client.",
            $"Successes (and 1xx, 3xx) pass through untouched, body unread. For an error it reads at most {context.ClassifierType}.MaxBodyBytes of the body, disposes the response and throws the kind's {context.ExceptionType}. With IHttpClientFactory: services.AddTransient<{context.HandlerType}>(); services.AddHttpClient(\"xero\").AddHttpMessageHandler<{context.HandlerType}>();");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute);
        writer.WriteLine($"{context.Access} class {context.HandlerType} : global::System.Net.Http.DelegatingHandler");
        writer.OpenBrace();
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
            protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var statusCode = (int)response.StatusCode;
                if (statusCode >= 100 && statusCode < 400)
                {
                    return response;
                }

                using (response)
                {
                    await {{context.ClassifierType}}.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
                }

                // Not reached: EnsureSuccessAsync throws for every status that gets here.
                throw new global::System.InvalidOperationException("Unexpected status " + statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".");
            }
            """);
        writer.CloseBrace();
        FileHeader.Close(writer);
        return writer.ToString();
    }
}
