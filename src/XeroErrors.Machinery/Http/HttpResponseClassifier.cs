namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;
    using System.Linq;
    using System.Net.Http;
    using System.Runtime.CompilerServices;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// What a spec's classifier does with an <see cref="HttpResponseMessage"/>, written once for every spec: when to read
    /// the body, reading the headers once per response, creating the exception for an error and recording the request on
    /// it. What the spec decides (its headers, which statuses need the body, the classification, the exception types and
    /// the request headers they keep) comes from the generated class that derives from this one.
    /// </summary>
    /// <typeparam name="TClassification">The spec's classification.</typeparam>
    /// <typeparam name="THeaders">The spec's typed response headers.</typeparam>
    /// <typeparam name="TException">The spec's base exception.</typeparam>
    /// <remarks>
    /// The async methods live here, not in the generated code: an async method is among the costliest code a compiler
    /// builds, and every consumer would build these again on every build.
    /// </remarks>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class HttpResponseClassifier<TClassification, THeaders, TException>
        where TException : Exception
    {
        private readonly ConditionalWeakTable<HttpResponseMessage, HeaderSet> headerSets = new ConditionalWeakTable<HttpResponseMessage, HeaderSet>();

        private readonly string[] requestHeaderNames;

        /// <summary>Creates the classifier's HTTP part.</summary>
        /// <param name="requestHeaderNames">The request headers the spec's exceptions keep, in the order <see cref="RecordRequest(TException, string, string, string[])"/> gets their values.</param>
        protected HttpResponseClassifier(string[] requestHeaderNames)
        {
            this.requestHeaderNames = requestHeaderNames ?? new string[0];
        }

        /// <summary>The spec's typed headers, from a response's headers and its content's.</summary>
        /// <param name="headers">The headers, each with its values.</param>
        /// <returns>The typed headers.</returns>
        protected abstract THeaders ReadHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers);

        /// <summary>Whether the spec tells the entries of a status apart by their body, so that the body must be read.</summary>
        /// <param name="statusCode">The status.</param>
        /// <returns>True when the body decides.</returns>
        protected abstract bool NeedsBody(int statusCode);

        /// <summary>The spec's classification of a response.</summary>
        /// <param name="statusCode">The status.</param>
        /// <param name="body">The body, or null when it was not read.</param>
        /// <param name="headers">The typed headers.</param>
        /// <returns>The classification.</returns>
        protected abstract TClassification Classify(int statusCode, string body, THeaders headers);

        /// <summary>The spec's exception for a classified error response.</summary>
        /// <param name="classification">The classification.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="innerException">The HTTP client's own exception for the response, or null.</param>
        /// <returns>The exception.</returns>
        protected abstract TException CreateException(TClassification classification, string body, Exception innerException);

        /// <summary>Records what is safe to keep of the request on the exception.</summary>
        /// <param name="exception">The exception.</param>
        /// <param name="method">The request's method.</param>
        /// <param name="path">The path of its URI, without query or fragment; null for none.</param>
        /// <param name="headerValues">The first value of each request header the constructor named, or null where the request has none.</param>
        protected abstract void RecordRequest(TException exception, string method, string path, string[] headerValues);

        /// <summary>Classifies a response, reading the body only for a status whose entries the spec tells apart by it.</summary>
        /// <param name="response">The response.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The classification.</returns>
        public async Task<TClassification> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            var statusCode = (int)response.StatusCode;
            var headers = ReadSharedHeaders(response);
            var body = NeedsBody(statusCode) ? await ResponseBodyReads.ReadResponseAsync(response, cancellationToken).ConfigureAwait(false) : null;
            return Classify(statusCode, body, headers);
        }

        /// <summary>Returns for a success (and 1xx, 3xx); for an error, reads the body and throws the kind's exception.</summary>
        /// <param name="response">The response.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>A task that completes when the response is a success.</returns>
        public async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            var error = await CreateErrorAsync(response, response.RequestMessage, true, null, cancellationToken).ConfigureAwait(false);
            if (error != null)
            {
                throw error;
            }
        }

        /// <summary>
        /// The exception for an error response (the caller has checked the status), its body read through the shared read
        /// and left readable, as Refit's exception factory needs it.
        /// </summary>
        /// <param name="response">The response.</param>
        /// <returns>The exception.</returns>
        public async Task<Exception> CreateExceptionKeepingBodyAsync(HttpResponseMessage response)
        {
            var body = await ResponseBodyReads.ReadKeepingItAsync(response, default(CancellationToken)).ConfigureAwait(false);
            var exception = CreateException(Classify((int)response.StatusCode, body, ReadSharedHeaders(response)), body, null);
            RecordRequest(exception, response.RequestMessage);
            return exception;
        }

        /// <summary>The exception for an error response (4xx, 5xx, or outside 100-599), or null; created, not thrown, so callers throw it once.</summary>
        /// <param name="response">The response.</param>
        /// <param name="request">The request that got it, for what the exception records of it; null when it is not known.</param>
        /// <param name="sharedRead">False only for a caller that holds the response alone (the error handler): the body and headers are then read without the shared read's bookkeeping.</param>
        /// <param name="innerException">The HTTP client's own exception for the response, or null.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The exception, or null for a success.</returns>
        public async Task<TException> CreateErrorAsync(HttpResponseMessage response, HttpRequestMessage request, bool sharedRead, Exception innerException, CancellationToken cancellationToken)
        {
            var statusCode = (int)response.StatusCode;
            if (statusCode >= 100 && statusCode < 400)
            {
                return null;
            }

            var body = sharedRead
                ? await ResponseBodyReads.ReadResponseAsync(response, cancellationToken).ConfigureAwait(false)
                : await ResponseBodyReads.ReadUnsharedAsync(response, cancellationToken).ConfigureAwait(false);
            var classification = Classify(statusCode, body, sharedRead ? ReadSharedHeaders(response) : ReadUnsharedHeaders(response));
            var exception = CreateException(classification, body, innerException);
            RecordRequest(exception, request);
            return exception;
        }

        /// <summary>
        /// Waits for the response a handler's inner handler sends and, for an error, disposes it and throws the kind's
        /// exception; a success (and 1xx, 3xx) is returned untouched, its body unread.
        /// </summary>
        /// <param name="sending">The inner handler's send.</param>
        /// <param name="request">The request sent, for what the exception records where the response does not name it.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The response, when it is not an error.</returns>
        public async Task<HttpResponseMessage> ThrowOnErrorAsync(Task<HttpResponseMessage> sending, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await sending.ConfigureAwait(false);
            var statusCode = (int)response.StatusCode;
            if (statusCode >= 100 && statusCode < 400)
            {
                return response;
            }

            TException error;
            using (response)
            {
                // Created here and thrown once: every rethrow through an async method costs a stack trace.
                error = await CreateErrorAsync(response, response.RequestMessage ?? request, false, null, cancellationToken).ConfigureAwait(false);
            }

            throw error;
        }

        /// <summary>
        /// Records on <paramref name="exception"/> what is safe to keep of the request: its method, the path of its URI and
        /// the request headers the spec lists. Never the query (it can carry secrets) nor any other header.
        /// </summary>
        /// <param name="exception">The exception.</param>
        /// <param name="request">The request, or null when it is not known (nothing is recorded).</param>
        public void RecordRequest(TException exception, HttpRequestMessage request)
        {
            if (request == null)
            {
                return;
            }

            var values = new string[requestHeaderNames.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = FirstValue(request, requestHeaderNames[i]);
            }

            RecordRequest(exception, request.Method.Method, PathOf(request.RequestUri), values);
        }

        /// <summary>
        /// The response's headers and its content's, read once per response under a lock of its own: HttpClient parses a
        /// header the first time it is enumerated, and two callers enumerating at once can break that.
        /// </summary>
        /// <param name="response">The response.</param>
        /// <returns>The typed headers.</returns>
        public THeaders ReadSharedHeaders(HttpResponseMessage response)
        {
            var read = headerSets.GetValue(response, _ => new HeaderSet());
            lock (read)
            {
                if (!read.IsRead)
                {
                    read.Value = ReadUnsharedHeaders(response);
                    read.IsRead = true;
                }

                return read.Value;
            }
        }

        /// <summary>The headers of a response no other code is reading (the error handler's).</summary>
        /// <param name="response">The response.</param>
        /// <returns>The typed headers.</returns>
        public THeaders ReadUnsharedHeaders(HttpResponseMessage response)
        {
            return response.Content == null
                ? ReadHeaders(response.Headers)
                : ReadHeaders(response.Headers.Concat(response.Content.Headers));
        }

        /// <summary>The path of a request URI, such as "/api.xro/2.0/Invoices", without its query or fragment; null for none.</summary>
        private static string PathOf(Uri uri)
        {
            if (uri == null)
            {
                return null;
            }

            if (uri.IsAbsoluteUri)
            {
                return uri.AbsolutePath;
            }

            // A relative URI (a request not sent through HttpClient) has no AbsolutePath: cut its text before the query.
            var text = uri.OriginalString;
            var end = text.IndexOfAny(new[] { '?', '#' });
            return end < 0 ? text : text.Substring(0, end);
        }

        /// <summary>The first value of a request header; null when the request does not have it.</summary>
        private static string FirstValue(HttpRequestMessage request, string name)
        {
            IEnumerable<string> values;
            if (request.Headers.TryGetValues(name, out values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }

            return null;
        }

        private sealed class HeaderSet
        {
            public bool IsRead;

            public THeaders Value;
        }
    }
}
