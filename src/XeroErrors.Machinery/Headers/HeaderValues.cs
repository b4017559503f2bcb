namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;
    using System.Globalization;

    /// <summary>
    /// Parses the values of the response headers a spec types as <c>int</c> or <c>delay</c>. A missing or malformed value
    /// gives null, never an exception.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class HeaderValues
    {
        /// <summary>What <see cref="Start"/> hands out: one array per thread, reused by every read of headers on it.</summary>
        [ThreadStatic]
        private static string[] scratch;

        /// <summary>The largest delay a header can give (about 29 years), so that no value overflows <see cref="TimeSpan"/>.</summary>
        private const long MaxDelaySeconds = 922337203L;

        /// <summary>
        /// The first value of each of <paramref name="names"/> among HTTP headers (a header's first value; names match
        /// ignoring case, and the first header of a name counts), in the order of <paramref name="names"/>.
        /// </summary>
        /// <param name="headers">The headers, each with its values.</param>
        /// <param name="names">The headers of interest.</param>
        /// <returns>A value per name, null where the headers have none: the calling thread's scratch array (see <see cref="Start"/>).</returns>
        public static string[] Collect(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string[] names)
        {
            var values = Start(names);
            foreach (var header in headers)
            {
                if (header.Value == null)
                {
                    continue;
                }

                foreach (var value in header.Value)
                {
                    Add(values, names, header.Key, value);
                    break;
                }
            }

            return values;
        }

        /// <summary>The value of each of <paramref name="names"/> among name-value pairs; the first pair of a name counts.</summary>
        /// <param name="headers">The pairs.</param>
        /// <param name="names">The headers of interest.</param>
        /// <returns>A value per name, null where the pairs have none: the calling thread's scratch array (see <see cref="Start"/>).</returns>
        public static string[] Collect(IEnumerable<KeyValuePair<string, string>> headers, string[] names)
        {
            var values = Start(names);
            foreach (var header in headers)
            {
                Add(values, names, header.Key, header.Value);
            }

            return values;
        }

        /// <summary>
        /// The calling thread's scratch array, with a null value for each of <paramref name="names"/>, for a caller that
        /// <see cref="Add"/>s the headers itself. It is valid until the next call on the same thread: the generated code
        /// reads it into the typed headers at once, so that reading a response's headers allocates nothing for it.
        /// </summary>
        /// <param name="names">The headers of interest.</param>
        /// <returns>The array; it may be longer than <paramref name="names"/>.</returns>
        public static string[] Start(string[] names)
        {
            var values = scratch;
            if (values == null || values.Length < names.Length)
            {
                values = scratch = new string[Math.Max(names.Length, 16)];
            }
            else
            {
                Array.Clear(values, 0, names.Length);
            }

            return values;
        }

        /// <summary>Keeps a header's value where it is one of <paramref name="names"/> that has no value yet.</summary>
        /// <param name="values">A value per name, filled so far.</param>
        /// <param name="names">The headers of interest.</param>
        /// <param name="name">The header's name; null is skipped.</param>
        /// <param name="value">Its value; null is skipped.</param>
        public static void Add(string[] values, string[] names, string name, string value)
        {
            if (name == null || value == null)
            {
                return;
            }

            for (var i = 0; i < names.Length; i++)
            {
                if (values[i] == null && string.Equals(name, names[i], StringComparison.OrdinalIgnoreCase))
                {
                    values[i] = value;
                }
            }
        }

        /// <summary>An integer, with an optional sign and surrounding spaces.</summary>
        public static int? ParseInt(string text)
        {
            int value;
            if (text != null && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                return value;
            }

            return null;
        }

        /// <summary>Delta-seconds, or an HTTP date measured from the response's Date header (else from now).</summary>
        public static TimeSpan? ParseDelay(string text, string date)
        {
            if (text == null)
            {
                return null;
            }

            var trimmed = text.Trim();
            long seconds;
            if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            {
                return seconds <= MaxDelaySeconds ? TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond) : (TimeSpan?)null;
            }

            DateTimeOffset at;
            if (!TryParseHttpDate(trimmed, out at))
            {
                return null;
            }

            DateTimeOffset now;
            if (date == null || !TryParseHttpDate(date.Trim(), out now))
            {
                now = DateTimeOffset.UtcNow;
            }

            var delay = at - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        private static bool TryParseHttpDate(string text, out DateTimeOffset value)
        {
            return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }
    }
}
