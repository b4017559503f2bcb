using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// The sentence of a kind's docs that says whether the kind is transient and how long to wait, from the spec's
/// <c>retry</c>, the statuses and the header values that decide <c>IsTransient</c>, so that a reader of the IDE's tooltip
/// knows without reading the spec. It follows the classifier's rules (<see cref="ClassifierEmitter"/>) exactly.
/// </summary>
internal static class RetryAdvice
{
    /// <summary>The sentence for the kind <c>Unknown</c>: the status rule alone.</summary>
    public const string Unknown = "Transient for 408, 429 and 5xx; not transient for other statuses.";

    /// <summary>The sentence (already XML, it may link the retry strategy) for <paramref name="response"/>'s kind.</summary>
    public static string Describe(EmitContext context, ResponseModel response)
    {
        var errors = response.Statuses.Where(s => !ClassifierEmitter.IsSuccess(s)).ToList();
        if (errors.Count == 0)
        {
            return "Not transient: a success is never retried.";
        }

        var transient = errors.Where(s => response.Transient ?? ClassifierEmitter.IsTransientStatus(s)).ToList();
        var text = transient.Count == errors.Count
            ? "Transient: " + Retried(context, response) + "."
            : transient.Count == 0
                ? "Not transient: retrying the same request will not help."
                : $"Transient on {Statuses(transient)}: {Retried(context, response)}. Not transient on {Statuses(errors.Except(transient))}.";
        return text + HeaderValues(context, response, anyTransient: transient.Count > 0, anyNotTransient: transient.Count < errors.Count);
    }

    /// <summary>Who retries the kind and after how long: the retry strategy where Polly is referenced, else the caller.</summary>
    private static string Retried(EmitContext context, ResponseModel response)
    {
        var who = context.Capabilities.HasPolly ? $"retried by {CSharpText.Cref(context.RetryType)}" : "worth retrying";
        var header = context.DelayHeader is null ? null : CSharpText.XmlText(context.DelayHeader.Name);
        if (response.RetryAfterSeconds is { } seconds)
        {
            var wait = seconds == 0 ? "no wait" : "wait " + Duration(seconds);
            return header is null ? $"{who}; {wait}" : $"{who}; {wait} unless {header} says otherwise";
        }

        if (header is not null)
        {
            return context.Capabilities.HasPolly ? $"{who}; wait what {header} says, else Polly's backoff" : $"{who}; wait what {header} says, when the response has it";
        }

        return context.Capabilities.HasPolly ? $"{who} after Polly's backoff" : who;
    }

    /// <summary>
    /// The header values that override <c>IsTransient</c> (the classifier checks them for every kind), said only on the
    /// kinds a <c>match</c> picks by that header: there the header is expected, elsewhere it would be noise.
    /// </summary>
    private static string HeaderValues(EmitContext context, ResponseModel response, bool anyTransient, bool anyNotTransient)
    {
        var matched = new HashSet<string>(response.Match.Headers.Concat(response.Match.HeaderValues.Select(m => m.Header)), StringComparer.OrdinalIgnoreCase);
        var text = string.Empty;
        foreach (var header in context.Spec.Headers.Where(h => h.Type == HeaderType.Enum && matched.Contains(h.Name)))
        {
            var notTransient = header.Values.Where(v => v.Transient == false).Select(v => v.Value).ToList();
            var transient = header.Values.Where(v => v.Transient == true).Select(v => v.Value).ToList();
            if (anyTransient && notTransient.Count > 0)
            {
                text += $" Not transient when {CSharpText.XmlText(header.Name)} is {Values(notTransient)}.";
            }

            if (anyNotTransient && transient.Count > 0)
            {
                text += $" Transient when {CSharpText.XmlText(header.Name)} is {Values(transient)}.";
            }
        }

        return text;
    }

    /// <summary>A whole number of seconds as people say it: "5 minutes", "1 hour", "90 seconds".</summary>
    private static string Duration(int seconds)
    {
        static string Count(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s");

        return seconds % 3600 == 0 ? Count(seconds / 3600, "hour")
            : seconds % 60 == 0 ? Count(seconds / 60, "minute")
            : Count(seconds, "second");
    }

    private static string Values(IEnumerable<string> values) => string.Join(" or ", values.Select(v => "\"" + CSharpText.XmlText(v) + "\""));

    private static string Statuses(IEnumerable<int> statuses) => string.Join(", ", statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)));
}
