using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace XeroErrors.Generators.Emit;

/// <summary>Readable identifiers made from HTTP header names, unique within the list they come from.</summary>
internal static class HeaderIdentifiers
{
    /// <summary>"X-Rate-Limit-Problem" gives "XRateLimitProblem"; a name that repeats another's gets its position appended.</summary>
    public static string Pascal(IReadOnlyList<string> names, string name)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var candidate = Sanitize(names[i]);
            if (candidate.Length == 0 || !taken.Add(candidate))
            {
                // "A2", then "A" and "A-": the third is "A" + its position, unless that is taken too.
                var suffix = i;
                while (!taken.Add(candidate + suffix.ToString(CultureInfo.InvariantCulture)))
                {
                    suffix += names.Count;
                }

                candidate += suffix.ToString(CultureInfo.InvariantCulture);
            }

            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Header '" + name + "' is not in the list.");
    }

    private static string Sanitize(string header)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in header)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            {
                if (builder.Length == 0 && c >= '0' && c <= '9')
                {
                    builder.Append('H');
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }
}
