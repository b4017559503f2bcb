using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace XeroErrors.Generators.Benchmarks.Infrastructure;

/// <summary>
/// Writes a valid spec of a given number of entries, shaped like a large real one. A few success entries have a
/// status of their own; the error entries are spread over 400 statuses (1xx, 3xx, 4xx and 5xx), at least five to a
/// status, so every status is shared. In each status the first entry is the one <c>default: true</c>; every other
/// entry has a <c>match</c> with body markers unique in the spec, and the second entry of a status also a header
/// marker; entries from the third of a status on whose number is a multiple of ten have a second status, where
/// they are matched too.
/// </summary>
internal static class SyntheticSpec
{
    private const int EntriesPerStatus = 5;

    /// <summary>Fixed-width numbers, so that no name or marker is a prefix or part of another.</summary>
    private const string Number = "D5";

    private static readonly int[] ErrorStatuses = Enumerable.Range(100, 100).Concat(Enumerable.Range(300, 300)).ToArray();

    private static readonly string[] MatchHeaders = { "X-Synthetic-Flag", "X-Synthetic-Legacy" };

    public static string Write(int entries)
    {
        if (entries < EntriesPerStatus || entries > 99_999)
        {
            throw new ArgumentOutOfRangeException(nameof(entries), entries, "Between 5 and 99,999 entries.");
        }

        var successes = Math.Min(entries / 20, 100);
        var errors = entries - successes;
        var statusCount = Math.Clamp(errors / EntriesPerStatus, 1, ErrorStatuses.Length);

        var yaml = new StringBuilder();
        WriteRoot(yaml, entries);
        for (var i = 0; i < successes; i++)
        {
            WriteSuccess(yaml, i, 200 + i);
        }

        for (var i = 0; i < errors; i++)
        {
            var statusIndex = i % statusCount;
            var rank = i / statusCount;
            var statuses = new List<int> { ErrorStatuses[statusIndex] };
            if (rank >= 2 && i % 10 == 0 && statusCount > 1)
            {
                statuses.Add(ErrorStatuses[(statusIndex + 1) % statusCount]);
            }

            WriteError(yaml, i, statuses, rank, statusIndex);
        }

        return yaml.ToString();
    }

    private static void WriteRoot(StringBuilder yaml, int entries)
    {
        yaml.Append(CultureInfo.InvariantCulture, $"""
            # A synthetic spec of {entries} entries, written by the benchmarks.
            namespace: Synthetic.Errors
            prefix: Synth
            headers:
              - name: Retry-After
                property: RetryAfter
                type: delay
              - name: X-Rate-Limit-Problem
                property: RateLimitProblem
                type: enum
                values:
                  - value: minute
                    member: Minute
                  - value: day
                    member: Day
                    transient: false
              - name: X-Correlation-Id
                property: CorrelationId
                type: string
                message: true
            responses:

            """);
    }

    private static void WriteSuccess(StringBuilder yaml, int index, int status)
    {
        var n = index.ToString(Number, CultureInfo.InvariantCulture);
        yaml.Append(CultureInfo.InvariantCulture, $"""
              - name: Success{n}
                status: {status}
                summary: Success {n}
                description: Synthetic success entry {n}.

            """);
    }

    private static void WriteError(StringBuilder yaml, int index, List<int> statuses, int rank, int statusIndex)
    {
        var n = index.ToString(Number, CultureInfo.InvariantCulture);
        var status = statuses.Count == 1 ? statuses[0].ToString(CultureInfo.InvariantCulture) : "[" + string.Join(", ", statuses) + "]";
        yaml.Append(CultureInfo.InvariantCulture, $"""
              - name: Synthetic{n}
                status: {status}
                summary: Synthetic {n}
                description: "Synthetic error entry {n}: rank {rank} of its status."

            """);

        if (rank == 0)
        {
            yaml.AppendLine("    default: true");
        }

        // Every non-default entry must have a match; a third of the defaults have one as well.
        if (rank > 0 || statusIndex % 3 == 0)
        {
            yaml.AppendLine("    match:");
            if (rank == 1)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      headers: [\"{MatchHeaders[statusIndex % MatchHeaders.Length]}\"]");
            }

            yaml.Append(CultureInfo.InvariantCulture, $"      body: [\"synthetic marker {n} a\"");
            if (index % 2 == 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $", \"Synthetic Marker {n} b\"");
            }

            yaml.AppendLine("]");
        }

        if (index % 6 == 3)
        {
            yaml.AppendLine("    body: problem");
        }
        else if (index % 11 == 5)
        {
            yaml.AppendLine("    body: validation");
        }

        if (index % 4 == 3)
        {
            yaml.AppendLine("    retry: { transient: true, after: 30 }");
        }
        else if (index % 9 == 4)
        {
            yaml.AppendLine("    retry: { transient: false }");
        }
    }
}
