using System;
using System.Collections.Generic;
using System.Linq;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// Reading <c>rate_limits:</c>: XERR026 for the section as a whole, XERR027 for one limit. A limit with an error is left
/// out and the others are kept; a section without a valid status or problem header, or with no valid limit, is none.
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>The longest window a limit may have, in seconds: 30 days.</summary>
    private const int MaxRateLimitWindow = 2_592_000;

    /// <summary>The <c>scope:</c> of a limit of the whole application, rather than per value of a request header.</summary>
    private const string AppScope = "app";

    private const string LimitShape = "'- name: ...' with 'scope:', and 'in_progress:' or 'calls:' with 'window:'";

    /// <summary>What the limits read so far have taken, for the rules across limits.</summary>
    private sealed class RateLimitReading
    {
        public RateLimitReading(YamlMappingNode root, IReadOnlyList<HeaderModel> headers, IReadOnlyList<RequestHeaderModel> requestHeaders, HeaderModel? problemHeader)
        {
            Root = root;
            Headers = headers;
            RequestHeaders = requestHeaders;
            ProblemHeader = problemHeader;
        }

        public YamlMappingNode Root { get; }

        public IReadOnlyList<HeaderModel> Headers { get; }

        public IReadOnlyList<RequestHeaderModel> RequestHeaders { get; }

        /// <summary>Null when <c>problem_header:</c> is not valid: the limits' <c>problem:</c> values are not checked then.</summary>
        public HeaderModel? ProblemHeader { get; }

        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Each problem value taken, and the limit that took it.</summary>
        public Dictionary<string, string> Problems { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The request header of the first scoped limit: every scoped limit is kept per it.</summary>
        public RequestHeaderModel? ScopeHeader { get; set; }
    }

    /// <param name="root">The spec's root.</param>
    /// <param name="headers">The response headers that are generated (a header with an error is not among them).</param>
    /// <param name="requestHeaders">The request headers that are generated.</param>
    private RateLimitsModel? ReadRateLimits(YamlMappingNode root, IReadOnlyList<HeaderModel> headers, IReadOnlyList<RequestHeaderModel> requestHeaders)
    {
        var node = Find(root, "rate_limits");
        if (node is null || IsNullNode(node))
        {
            return null;
        }

        var sectionKey = YamlNodes.FindKey(root, "rate_limits")!;
        if (node is not YamlMappingNode map)
        {
            ReportRateLimits(node, $"it is a {YamlNodes.Describe(node)}; write a mapping with 'status: 429', 'problem_header:' and 'limits:' below 'rate_limits:'");
            return null;
        }

        CheckKeys(map, SpecKeys.RateLimits, "'rate_limits'");
        var status = ReadRefusedStatus(map, sectionKey);
        var problemHeader = ReadProblemHeader(map, sectionKey, root, headers);
        var reading = new RateLimitReading(root, headers, requestHeaders, problemHeader);
        var limits = ReadLimits(map, sectionKey, reading);
        if (status is null || problemHeader is null || limits.Count == 0)
        {
            return null;
        }

        _rateLimitsAt = Loc(sectionKey);
        return new RateLimitsModel(status.Value, problemHeader, reading.ScopeHeader, limits.ToEquatableArray());
    }

    private int? ReadRefusedStatus(YamlMappingNode map, YamlNode sectionKey)
    {
        var node = Find(map, "status");
        if (node is null || IsNullNode(node))
        {
            ReportRateLimits(node ?? sectionKey, "'status' is missing; add the status of a refusal, for example 'status: 429'");
            return null;
        }

        if (IntProblem("status", node, 100, 599, "an HTTP status from 100 to 599", "429", out var status) is { } problem)
        {
            ReportRateLimits(node, problem);
            return null;
        }

        return status;
    }

    private HeaderModel? ReadProblemHeader(YamlMappingNode map, YamlNode sectionKey, YamlMappingNode root, IReadOnlyList<HeaderModel> headers)
    {
        var node = Find(map, "problem_header");
        var name = ReadText(map, "problem_header");
        if (node is not null && node is not YamlScalarNode)
        {
            // Not text: ReadText reported XERR018 already.
            return null;
        }

        var enums = headers.Where(h => h.Type == HeaderType.Enum).Select(h => h.Name).ToList();
        var oneOf = enums.Count == 0 ? string.Empty : ", or write one of: " + string.Join(", ", enums);
        if (name is null || name.Trim().Length == 0)
        {
            ReportRateLimits(node ?? sectionKey, "'problem_header' is missing; add the name of the 'type: enum' header of 'headers:' whose values name the limit a refusal hit, for example 'problem_header: X-Rate-Limit-Problem'");
            return null;
        }

        var header = headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        if (header is null)
        {
            ReportRateLimits(node!, DeclaredWithError(root, "headers", name)
                ? $"'problem_header: {YamlNodes.Quote(name)}' names a header of 'headers:' that has an error of its own and is left out; fix that header"
                : $"'problem_header: {YamlNodes.Quote(name)}' is not a header of 'headers:'; declare it there with 'type: enum' and a value for each limit{oneOf}");
            return null;
        }

        if (header.Type != HeaderType.Enum)
        {
            ReportRateLimits(node!, $"'problem_header: {YamlNodes.Quote(name)}' is a 'type: {TypeName(header.Type)}' header; name a 'type: enum' header of 'headers:', whose values name the limit a refusal hit{oneOf}");
            return null;
        }

        return header;
    }

    private List<RateLimitModel> ReadLimits(YamlMappingNode map, YamlNode sectionKey, RateLimitReading reading)
    {
        var result = new List<RateLimitModel>();
        var node = Find(map, "limits");
        if (node is null || IsNullNode(node))
        {
            ReportRateLimits(node ?? sectionKey, $"'limits' is missing; add 'limits:', a sequence of {LimitShape}");
            return result;
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            ReportRateLimits(node, node is YamlSequenceNode
                ? $"'limits' is empty; list at least one limit, {LimitShape}"
                : $"'limits' is a {YamlNodes.Describe(node)}; write a sequence of {LimitShape}");
            return result;
        }

        var index = 0;
        foreach (var item in sequence.Children)
        {
            index++;
            if (item is not YamlMappingNode limit)
            {
                ReportRateLimit(item, $"#{index}", $"it is a {YamlNodes.Describe(item)}; write {LimitShape}");
                continue;
            }

            if (ReadLimit(limit, index, reading) is { } model)
            {
                result.Add(model);
            }
        }

        return result;
    }

    private RateLimitModel? ReadLimit(YamlMappingNode map, int index, RateLimitReading reading)
    {
        var nameNode = Find(map, "name");
        var name = ReadText(map, "name");
        var label = name is null ? $"#{index}" : $"'{YamlNodes.Quote(name)}'";
        CheckKeys(map, SpecKeys.RateLimit, $"rate limit {label}");
        var ok = true;

        if (nameNode is not null && nameNode is not YamlScalarNode)
        {
            // Not text: ReadText reported XERR018 already.
            ok = false;
        }
        else if (name is null || name.Length == 0)
        {
            Fail(nameNode ?? map, "'name' is missing; add a C# identifier for the limit, for example 'name: TenantCallsPerMinute'");
        }
        else if (!Identifiers.IsValid(name))
        {
            Fail(nameNode!, $"'name: {YamlNodes.Quote(name)}' is not a valid C# identifier; use letters, digits and '_', starting with a letter, for example 'name: TenantCallsPerMinute'");
        }
        else if (Identifiers.IsKeyword(name))
        {
            Fail(nameNode!, $"'name: {name}' is a C# keyword; choose another name, for example 'name: {char.ToUpperInvariant(name[0]) + name.Substring(1)}Limit'");
        }
        else if (GeneratedMembers.OfRateLimitOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            Fail(nameNode!, $"'name: {name}' is a member the generated options have already ({string.Join(", ", GeneratedMembers.OfRateLimitOptions)}); choose another name, for example 'name: {name}Limit'");
        }
        else if (reading.Names.Contains(name))
        {
            Fail(nameNode!, $"the name '{name}' is used by an earlier limit (names match case-insensitively); give each limit its own name");
        }

        var scope = ReadScope(map, nameNode, reading, Fail, ref ok);
        var (kind, limit, window) = ReadCount(map, nameNode, Fail);
        var remaining = ReadRemainingHeader(map, kind, reading, Fail, ref ok);
        var problem = ReadLimitProblem(map, reading, Fail, ref ok);
        var refuses = ReadWhenReached(map, kind, Fail, ref ok);
        var description = ReadText(map, "description");
        ReadText(map, "source");

        if (!ok || kind is null)
        {
            return null;
        }

        if (scope is not null)
        {
            if (reading.ScopeHeader is { } first && !string.Equals(first.Name, scope.Name, StringComparison.OrdinalIgnoreCase))
            {
                ReportRateLimits(Find(map, "scope")!, $"the limit {label} is kept per '{scope.Name}', but an earlier limit per '{first.Name}'; every limit with a request header in 'scope:' is kept per the same one: write 'scope: {first.Name}', or 'scope: app' for a limit of the whole application");
                return null;
            }

            reading.ScopeHeader = scope;
        }

        reading.Names.Add(name!);
        if (problem is not null)
        {
            reading.Problems[problem] = name!;
        }

        return new RateLimitModel(name!, PerScope: scope is not null, kind.Value, limit, window, remaining, problem, refuses, description);

        void Fail(YamlNode at, string text)
        {
            ReportRateLimit(at, label, text);
            ok = false;
        }
    }

    /// <summary>The request header a limit is kept per; null for <c>scope: app</c> (and for a scope with an error, which clears <paramref name="ok"/>).</summary>
    private RequestHeaderModel? ReadScope(YamlMappingNode map, YamlNode? nameNode, RateLimitReading reading, Action<YamlNode, string> fail, ref bool ok)
    {
        var node = Find(map, "scope");
        var scope = ReadText(map, "scope");
        if (node is not null && node is not YamlScalarNode)
        {
            ok = false;
            return null;
        }

        if (scope is null || scope.Trim().Length == 0)
        {
            fail(node ?? nameNode ?? map, "'scope' is missing; write 'scope: app' for a limit of the whole application, or the name of a header of 'request_headers:' for a limit per value of that header, for example 'scope: xero-tenant-id'");
            return null;
        }

        if (scope == AppScope)
        {
            return null;
        }

        if (reading.RequestHeaders.FirstOrDefault(h => string.Equals(h.Name, scope, StringComparison.OrdinalIgnoreCase)) is { } header)
        {
            return header;
        }

        var declared = reading.RequestHeaders.Select(h => h.Name).ToList();
        fail(node!, DeclaredWithError(reading.Root, "request_headers", scope)
            ? $"'scope: {YamlNodes.Quote(scope)}' names a header of 'request_headers:' that has an error of its own and is left out; fix that header"
            : $"'scope: {YamlNodes.Quote(scope)}' is neither 'app' nor a header of 'request_headers:'; write 'scope: app' for a limit of the whole application, or " + (declared.Count == 0
                ? "declare the header under 'request_headers:'"
                : "the request header it is kept per: " + string.Join(", ", declared)));
        return null;
    }

    /// <summary>What a limit counts and how many: <c>in_progress:</c>, or <c>calls:</c> with <c>window:</c>. A null kind is an error, reported.</summary>
    private static (RateLimitKind? Kind, int Limit, int Window) ReadCount(YamlMappingNode map, YamlNode? nameNode, Action<YamlNode, string> fail)
    {
        var inProgressNode = Find(map, "in_progress");
        var callsNode = Find(map, "calls");
        var windowNode = Find(map, "window");
        if (inProgressNode is not null && callsNode is not null)
        {
            fail(callsNode, "it has both 'in_progress:' and 'calls:'; a limit counts either the calls in progress at once ('in_progress: 5') or the calls in a window ('calls: 60' with 'window: 60'): keep one");
            return (null, 0, 0);
        }

        if (inProgressNode is not null)
        {
            var kind = (RateLimitKind?)RateLimitKind.InProgress;
            if (IntProblem("in_progress", inProgressNode, 1, int.MaxValue, "a whole number of at least 1", "5", out var inProgress) is { } problem)
            {
                fail(inProgressNode, problem);
                kind = null;
            }

            if (windowNode is not null)
            {
                fail(windowNode, "'window' is only for a limit of 'calls:'; the calls in progress have no window: remove 'window:', or write 'calls:' instead of 'in_progress:'");
                kind = null;
            }

            return (kind, inProgress, 0);
        }

        if (callsNode is not null)
        {
            var kind = (RateLimitKind?)RateLimitKind.Window;
            if (IntProblem("calls", callsNode, 1, int.MaxValue, "a whole number of at least 1", "60", out var calls) is { } problem)
            {
                fail(callsNode, problem);
                kind = null;
            }

            var window = 0;
            if (windowNode is null)
            {
                fail(callsNode, "'calls' needs 'window:', the window in seconds that the calls are counted in, for example 'window: 60'");
                kind = null;
            }
            else if (IntProblem("window", windowNode, 1, MaxRateLimitWindow, "a number of seconds from 1 to 2592000 (30 days)", "60", out window) is { } windowProblem)
            {
                fail(windowNode, windowProblem);
                kind = null;
            }

            return (kind, calls, window);
        }

        if (windowNode is not null)
        {
            fail(windowNode, "'window' needs 'calls:', how many calls the window allows, for example 'calls: 60'");
            return (null, 0, 0);
        }

        fail(nameNode ?? map, "it has neither 'in_progress:' nor 'calls:'; write 'in_progress: 5' for the calls that may be in progress at once, or 'calls: 60' with 'window: 60' for the calls allowed in a window of seconds");
        return (null, 0, 0);
    }

    private HeaderModel? ReadRemainingHeader(YamlMappingNode map, RateLimitKind? kind, RateLimitReading reading, Action<YamlNode, string> fail, ref bool ok)
    {
        var node = Find(map, "remaining_header");
        var name = ReadText(map, "remaining_header");
        if (node is null || IsNullNode(node))
        {
            return null;
        }

        if (node is not YamlScalarNode)
        {
            ok = false;
            return null;
        }

        var ints = reading.Headers.Where(h => h.Type == HeaderType.Int).Select(h => h.Name).ToList();
        var oneOf = ints.Count == 0 ? string.Empty : ", or write one of: " + string.Join(", ", ints);
        if (kind == RateLimitKind.InProgress)
        {
            fail(node, "'remaining_header' is only for a limit of 'calls:' and 'window:'; no header counts the calls in progress: remove it");
            return null;
        }

        if (name is null || name.Trim().Length == 0)
        {
            fail(node, "'remaining_header' is empty; write the 'type: int' header of 'headers:' that says how many calls the window has left, for example 'remaining_header: X-MinLimit-Remaining', or leave the key out");
            return null;
        }

        var header = reading.Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        if (header is null)
        {
            fail(node, DeclaredWithError(reading.Root, "headers", name)
                ? $"'remaining_header: {YamlNodes.Quote(name)}' names a header of 'headers:' that has an error of its own and is left out; fix that header"
                : $"'remaining_header: {YamlNodes.Quote(name)}' is not a header of 'headers:'; declare it there with 'type: int'{oneOf}");
            return null;
        }

        if (header.Type != HeaderType.Int)
        {
            fail(node, $"'remaining_header: {YamlNodes.Quote(name)}' is a 'type: {TypeName(header.Type)}' header; name a 'type: int' header of 'headers:', which says how many calls the window has left{oneOf}");
            return null;
        }

        return header;
    }

    /// <summary>The value of the problem header that names this limit, as the header's <c>values:</c> spell it.</summary>
    private string? ReadLimitProblem(YamlMappingNode map, RateLimitReading reading, Action<YamlNode, string> fail, ref bool ok)
    {
        var node = Find(map, "problem");
        var text = ReadText(map, "problem");
        if (node is null || IsNullNode(node))
        {
            return null;
        }

        if (node is not YamlScalarNode)
        {
            ok = false;
            return null;
        }

        if (reading.ProblemHeader is not { } header)
        {
            // 'problem_header' has an error of its own (XERR026): there are no values to check against.
            return null;
        }

        var values = string.Join(", ", header.Values.Select(v => v.Value));
        if (text is null || text.Trim().Length == 0)
        {
            fail(node, $"'problem' is empty; write the value of the '{header.Name}' header that names this limit in a refusal ({values}), or leave the key out");
            return null;
        }

        if (header.Values.FirstOrDefault(v => string.Equals(v.Value, text, StringComparison.OrdinalIgnoreCase)) is not { } value)
        {
            fail(node, $"'problem: {YamlNodes.Quote(text)}' is not a value of the '{header.Name}' header; write one of: {values}, or add it to the header's 'values:'");
            return null;
        }

        if (reading.Problems.TryGetValue(value.Value, out var other))
        {
            fail(node, $"'problem: {YamlNodes.Quote(text)}' names the limit '{other}' already; a refusal names one limit, so give each limit its own value of '{header.Name}', or leave the key out");
            return null;
        }

        return value.Value;
    }

    /// <summary>Whether a call that does not fit fails at once (<c>when_reached: refuse</c>) rather than waits.</summary>
    private bool ReadWhenReached(YamlMappingNode map, RateLimitKind? kind, Action<YamlNode, string> fail, ref bool ok)
    {
        var node = Find(map, "when_reached");
        var text = ReadText(map, "when_reached");
        if (node is null || IsNullNode(node))
        {
            return false;
        }

        if (node is not YamlScalarNode)
        {
            ok = false;
            return false;
        }

        if (kind == RateLimitKind.InProgress)
        {
            fail(node, "'when_reached' is only for a limit of 'calls:' and 'window:'; a call over a limit of calls in progress waits for one of them to end: remove it");
            return false;
        }

        switch (text)
        {
            case "wait":
                return false;
            case "refuse":
                return true;
            default:
                fail(node, $"'when_reached: {YamlNodes.Quote(text)}' is neither 'wait' nor 'refuse'; write 'when_reached: wait' (the default) for a call to wait for room in the window, or 'when_reached: refuse' for it to fail at once");
                return false;
        }
    }

    /// <summary>
    /// Null when <paramref name="node"/> is a plain integer from <paramref name="min"/> to <paramref name="max"/>, which
    /// <paramref name="value"/> then holds; else what is wrong and what to write.
    /// </summary>
    private static string? IntProblem(string key, YamlNode node, int min, int max, string expected, string example, out int value)
    {
        value = 0;
        if (node is not YamlScalarNode scalar || YamlNodes.IsNull(scalar))
        {
            return $"'{key}' is a {YamlNodes.Describe(node)}, not {expected}; write for example '{key}: {example}'";
        }

        if (!YamlNodes.TryGetInt(scalar, out var number))
        {
            return $"'{key}: {YamlNodes.Quote(scalar.Value)}' is not {expected}; write for example '{key}: {example}'";
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return $"'{key}' is in quotes, so YAML reads it as text; write '{key}: {YamlNodes.Quote(scalar.Value)}' without quotes";
        }

        if (number < min || number > max)
        {
            return $"'{key}: {number}' is not {expected}; write for example '{key}: {example}'";
        }

        value = number;
        return null;
    }

    /// <summary>Whether an item of the root sequence <paramref name="key"/> has the name <paramref name="name"/>: a header that is not generated is then one with an error.</summary>
    private static bool DeclaredWithError(YamlMappingNode root, string key, string name) =>
        Find(root, key) is YamlSequenceNode items
        && items.Children.OfType<YamlMappingNode>().Any(item => Find(item, "name") is YamlScalarNode { Value: { } declared } && string.Equals(declared, name, StringComparison.OrdinalIgnoreCase));

    private static string TypeName(HeaderType type) => type switch
    {
        HeaderType.Int => "int",
        HeaderType.Delay => "delay",
        HeaderType.Enum => "enum",
        _ => "string",
    };

    private void ReportRateLimits(YamlNode node, string problem) => Report(DiagnosticDescriptors.InvalidRateLimits, Loc(node), problem);

    private void ReportRateLimit(YamlNode node, string label, string problem) => Report(DiagnosticDescriptors.InvalidRateLimit, Loc(node), label, problem);
}
