namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
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
        /// <summary>The largest delay a header can give (about 29 years), so that no value overflows <see cref="TimeSpan"/>.</summary>
        private const long MaxDelaySeconds = 922337203L;

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
