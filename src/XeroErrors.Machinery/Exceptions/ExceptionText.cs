namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;
    using System.Globalization;
    using System.Text;

    /// <summary>
    /// The text of every spec's exceptions, written once: the message (status, summary, advice, details and the headers
    /// the spec quotes), the wait as a person reads it, the request line of <c>ToString()</c>, and finding the exception
    /// inside the ones HTTP clients wrap it in. The words that come from the spec are passed in.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ExceptionText
    {
        /// <summary>How deep <see cref="Find{TException}"/> looks: a chain is short, and the bound only stops a self-referencing one.</summary>
        private const int MaxDepth = 64;

        /// <summary>
        /// The exception's message: "{responded}{status} {summary}: {advice}. {details}. {header}: {value}." with the parts
        /// that are null left out, the details cut to <paramref name="maxDetails"/> characters and ended with a full stop.
        /// </summary>
        /// <param name="responded">The opening words, such as "Xero API responded ".</param>
        /// <param name="statusCode">The status.</param>
        /// <param name="summary">The spec's summary of the kind.</param>
        /// <param name="advice">What to do, such as "minute limit; retry after 5 s", or null.</param>
        /// <param name="details">What the body said, or null.</param>
        /// <param name="maxDetails">The most characters of <paramref name="details"/> quoted.</param>
        /// <param name="headers">Pairs of a header's label (such as "Xero-Correlation-Id: ") and its value, or null where the response has none.</param>
        /// <returns>The message.</returns>
        public static string Message(string responded, int statusCode, string summary, string advice, string details, int maxDetails, params string[] headers)
        {
            var builder = new StringBuilder();
            builder.Append(responded).Append(statusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(summary);
            if (advice != null)
            {
                builder.Append(": ").Append(advice);
            }

            builder.Append('.');
            if (!string.IsNullOrEmpty(details))
            {
                builder.Append(' ').Append(Truncate(details, maxDetails));
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

            for (var i = 0; i + 1 < headers.Length; i += 2)
            {
                if (headers[i + 1] != null)
                {
                    builder.Append(' ').Append(headers[i]).Append(headers[i + 1]).Append('.');
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// The advice after the summary: the spec's reason (null for none), then the wait, as a cue to retry for a transient
        /// kind and as a wait for a person for one that is not (the retry helpers do not retry it).
        /// </summary>
        /// <param name="reason">The spec's words for the header values the response carries, or null.</param>
        /// <param name="retryAfter">The wait advised, or null.</param>
        /// <param name="isTransient">Whether the kind is transient.</param>
        /// <returns>The advice, or null when there is neither a reason nor a wait.</returns>
        public static string Advice(string reason, TimeSpan? retryAfter, bool isTransient)
        {
            if (retryAfter == null)
            {
                return reason;
            }

            var wait = isTransient
                ? "retry after " + FormatWait(retryAfter.Value)
                : "not transient, wait " + FormatWait(retryAfter.Value) + " before retrying";
            return reason == null ? wait : reason + "; " + wait;
        }

        /// <summary>A wait as a person reads it, the same in every culture: "5 s", "1 minute", "10 hours", "1 hour 30 minutes", "2 minutes 5 s".</summary>
        /// <param name="wait">The wait.</param>
        /// <returns>The text.</returns>
        public static string FormatWait(TimeSpan wait)
        {
            // Whole seconds, rounded up: a wait said shorter than advised would bring the caller back too early.
            var seconds = wait.Ticks <= 0 ? 0 : (wait.Ticks / TimeSpan.TicksPerSecond) + (wait.Ticks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
            if (seconds < 60)
            {
                return seconds.ToString(CultureInfo.InvariantCulture) + " s";
            }

            var builder = new StringBuilder();
            AppendUnit(builder, seconds / 86400, "day");
            AppendUnit(builder, seconds / 3600 % 24, "hour");
            AppendUnit(builder, seconds / 60 % 60, "minute");
            if (seconds % 60 != 0)
            {
                builder.Append(' ').Append((seconds % 60).ToString(CultureInfo.InvariantCulture)).Append(" s");
            }

            return builder.ToString();
        }

        /// <summary>
        /// <see cref="Exception.ToString"/>'s text with the request that got the response on the line after the message:
        /// "Request: GET /api.xro/2.0/Invoices (xero-tenant-id: ...)". Unchanged when the request is not known.
        /// </summary>
        /// <param name="text">What <see cref="Exception.ToString"/> gives.</param>
        /// <param name="head">The type and the message, as that text starts.</param>
        /// <param name="method">The request's method, or null.</param>
        /// <param name="path">The request's path, or null.</param>
        /// <param name="headers">Pairs of a request header's name and its value, or null where the request did not have it.</param>
        /// <returns>The text.</returns>
        public static string WithRequest(string text, string head, string method, string path, params string[] headers)
        {
            if (method == null && path == null)
            {
                return text;
            }

            var request = new StringBuilder("Request: ");
            request.Append(method).Append(' ').Append(path);
            var listed = 0;
            for (var i = 0; i + 1 < headers.Length; i += 2)
            {
                if (headers[i + 1] != null)
                {
                    request.Append(listed++ == 0 ? " (" : ", ").Append(headers[i]).Append(": ").Append(headers[i + 1]);
                }
            }

            if (listed > 0)
            {
                request.Append(')');
            }

            // Exception.ToString starts with the type and the message: the request belongs right below them, above the stack.
            return text.StartsWith(head, StringComparison.Ordinal)
                ? head + Environment.NewLine + request + text.Substring(head.Length)
                : text + Environment.NewLine + request;
        }

        /// <summary>
        /// The <typeparamref name="TException"/> in <paramref name="exception"/> or inside it: its chain of inner exceptions,
        /// and every exception of an <see cref="AggregateException"/>, as HTTP clients wrap what a handler throws.
        /// </summary>
        /// <typeparam name="TException">The spec's base exception.</typeparam>
        /// <param name="exception">The exception caught, or null.</param>
        /// <returns>The first one found, or null.</returns>
        public static TException Find<TException>(Exception exception)
            where TException : Exception
        {
            return FindWithin<TException>(exception, 0);
        }

        /// <summary>Shortens text to at most <paramref name="max"/> characters without splitting a surrogate pair.</summary>
        /// <param name="text">The text, or null.</param>
        /// <param name="max">The most characters kept.</param>
        /// <returns>The text, shortened where it is longer.</returns>
        public static string Truncate(string text, int max)
        {
            if (text == null || text.Length <= max)
            {
                return text;
            }

            var length = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
            return text.Substring(0, length);
        }

        private static TException FindWithin<TException>(Exception exception, int depth)
            where TException : Exception
        {
            if (exception == null || depth > MaxDepth)
            {
                return null;
            }

            var found = exception as TException;
            if (found != null)
            {
                return found;
            }

            var aggregate = exception as AggregateException;
            if (aggregate != null)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    found = FindWithin<TException>(inner, depth + 1);
                    if (found != null)
                    {
                        return found;
                    }
                }

                return null;
            }

            return FindWithin<TException>(exception.InnerException, depth + 1);
        }

        /// <summary>Appends "3 hours" (or "1 hour") after what is there; nothing for zero.</summary>
        private static void AppendUnit(StringBuilder builder, long count, string unit)
        {
            if (count == 0)
            {
                return;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
            if (count != 1)
            {
                builder.Append('s');
            }
        }
    }
}
