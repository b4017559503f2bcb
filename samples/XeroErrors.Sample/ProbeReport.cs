using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace XeroErrors.Sample;

/// <summary>Prints the probe results: how each response was classified, what its headers and exception carry, and any surprises.</summary>
internal static class ProbeReport
{
    private const int MaxBodyLength = 34;
    private const string None = "-";

    /// <summary>Marks a cell that differs from what the spec says; <see cref="WriteProblems"/> explains it.</summary>
    private const string Surprise = " !";

    /// <summary>Writes the tables, the exception messages and the problems, if any.</summary>
    /// <param name="results">The results, in request order.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(IReadOnlyList<ProbeResult> results, TextWriter writer)
    {
        writer.WriteLine("How each response was classified (ClassifyAsync) and what EnsureSuccessAsync threw:");
        ClassificationTable(results).WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("The headers, and what the typed exceptions read from the body:");
        DetailsTable(results).WriteTo(writer);
        writer.WriteLine();
        WriteMessages(results, writer);
        writer.WriteLine();
        WriteProblems(results, writer);
    }

    private static TextTable ClassificationTable(IReadOnlyList<ProbeResult> results)
    {
        var table = new TextTable("Status", "Body", "Kind", "Exception", "Transient", "Retry after", "Rate limit");
        foreach (var result in results)
        {
            var classification = result.Classification;
            table.AddRow(
                Status(result),
                Shorten(result.Body),
                classification.Kind + (result.KindIsAsExpected ? string.Empty : Surprise),
                (result.Exception?.GetType().Name ?? None) + (result.ExceptionIsAsExpected ? string.Empty : Surprise),
                classification.IsTransient ? "yes" : "no",
                classification.RetryAfter is { } wait ? wait.ToString("c", CultureInfo.InvariantCulture) : None,
                classification.RateLimitProblem?.ToString() ?? None);
        }

        return table;
    }

    private static TextTable DetailsTable(IReadOnlyList<ProbeResult> results)
    {
        var table = new TextTable("Status", "Correlation id", "Calls left min/day/app", "Typed exception properties");
        foreach (var result in results)
        {
            table.AddRow(Status(result), result.Classification.CorrelationId ?? None, CallsLeft(result.Classification), TypedProperties(result.Exception));
        }

        return table;
    }

    /// <summary>The messages are what a log shows: status, summary, what the body said, and the correlation id to quote to Xero.</summary>
    private static void WriteMessages(IReadOnlyList<ProbeResult> results, TextWriter writer)
    {
        writer.WriteLine("Exception messages:");
        foreach (var exception in results.Select(result => result.Exception).OfType<XeroApiException>())
        {
            writer.WriteLine($"  {exception.Message}");
        }
    }

    private static void WriteProblems(IReadOnlyList<ProbeResult> results, TextWriter writer)
    {
        var problems = results.SelectMany(result => result.Problems().Select(problem => $"  {Status(result)} {result.Replay.Path}: {problem}.")).ToList();
        if (problems.Count == 0)
        {
            writer.WriteLine($"All {results.Count} responses were classified and thrown as the spec says.");
            return;
        }

        writer.WriteLine($"Not as the spec says (marked{Surprise} above):");
        problems.ForEach(writer.WriteLine);
    }

    private static string Status(ProbeResult result) => result.Replay.StatusCode.ToString(CultureInfo.InvariantCulture);

    private static string CallsLeft(XeroResponseClassification classification)
    {
        if (classification.MinLimitRemaining is null && classification.DayLimitRemaining is null && classification.AppMinLimitRemaining is null)
        {
            return None;
        }

        return $"{Count(classification.MinLimitRemaining)}/{Count(classification.DayLimitRemaining)}/{Count(classification.AppMinLimitRemaining)}";
    }

    private static string Count(int? remaining) => remaining?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>What the subclasses read from the body, beyond what every <see cref="XeroApiException"/> has.</summary>
    private static string TypedProperties(XeroApiException? exception) => exception switch
    {
        // ValidationErrors holds the messages of every Xero API's 400, whatever the body's shape.
        XeroBadRequestException badRequest =>
            $"ValidationErrors=[{string.Join("; ", badRequest.ValidationErrors.Select(e => e.Field is null ? e.Message : e.Field + ": " + e.Message))}]",
        XeroUnauthorizedException unauthorized =>
            $"DetailCode={unauthorized.DetailCode ?? None}, IsTokenExpired={(unauthorized.IsTokenExpired ? "true" : "false")}",
        XeroForbiddenException forbidden =>
            $"Title={forbidden.Title ?? None}, DetailCode={forbidden.DetailCode ?? None}",
        _ => None,
    };

    /// <summary>Bodies span lines and run long; a table cell gets one line of at most <see cref="MaxBodyLength"/> characters.</summary>
    private static string Shorten(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty)";
        }

        var oneLine = Regex.Replace(body.Trim(), @"\s+", " ");
        return oneLine.Length <= MaxBodyLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxBodyLength - 3), "...");
    }
}
