using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace XeroErrors.Sample;

/// <summary>What the client learned about one replayed response.</summary>
/// <param name="Replay">The response the server was asked to send.</param>
/// <param name="Body">The body as received; empty when there was none.</param>
/// <param name="Classification">What <see cref="XeroResponseClassifier.ClassifyAsync"/> said.</param>
/// <param name="Exception">What <see cref="XeroResponseClassifier.EnsureSuccessAsync"/> threw; null for a success.</param>
internal sealed record ProbeResult(ReplayResponse Replay, string Body, XeroResponseClassification Classification, XeroApiException? Exception)
{
    /// <summary>The kind is the one the replay table expects.</summary>
    public bool KindIsAsExpected => Classification.Kind == Replay.ExpectedKind;

    /// <summary>An exception was thrown exactly for an error, and it is the one for the classified kind.</summary>
    public bool ExceptionIsAsExpected =>
        Exception is null ? !Classification.IsError : Exception.Kind == Classification.Kind;

    /// <summary>What went differently from the spec, in words; empty when nothing did.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!KindIsAsExpected)
        {
            problems.Add($"ClassifyAsync said {Classification.Kind}, the spec says {Replay.ExpectedKind}");
        }

        if (!ExceptionIsAsExpected)
        {
            problems.Add(Exception is null
                ? $"EnsureSuccessAsync threw nothing for a {Classification.Kind} error"
                : $"EnsureSuccessAsync threw {Exception.GetType().Name} (kind {Exception.Kind}) where ClassifyAsync said {Classification.Kind}");
        }

        return problems;
    }
}

/// <summary>The client side: calls each replayed response the way an application calls the Xero API.</summary>
internal static class ResponseProbe
{
    /// <summary>Bounds every request, so a stuck server fails the sample instead of hanging it.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates a plain HttpClient for the replay server.</summary>
    /// <param name="baseAddress">The server's root.</param>
    /// <returns>The client.</returns>
    public static HttpClient CreateClient(Uri baseAddress)
    {
        // The server is on loopback: a proxy configured for the machine must not intercept the calls.
        var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = RequestTimeout };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };
    }

    /// <summary>Requests each response in turn, classifies it, and collects what the generated API reports.</summary>
    /// <param name="client">The client, whose base address is the replay server.</param>
    /// <param name="replays">The responses to request.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One result per response, in order.</returns>
    public static async Task<IReadOnlyList<ProbeResult>> ProbeAllAsync(HttpClient client, IEnumerable<ReplayResponse> replays, CancellationToken cancellationToken)
    {
        var results = new List<ProbeResult>();
        foreach (var replay in replays)
        {
            results.Add(await ProbeAsync(client, replay, cancellationToken));
        }

        return results;
    }

    private static async Task<ProbeResult> ProbeAsync(HttpClient client, ReplayResponse replay, CancellationToken cancellationToken)
    {
        // GetAsync buffers the whole body by default, so the classifier, EnsureSuccessAsync and the table can each read it.
        using var response = await client.GetAsync(replay.Path, cancellationToken);
        var classification = await XeroResponseClassifier.ClassifyAsync(response, cancellationToken);
        var exception = await EnsureSuccessAsync(response, cancellationToken);

        // For the table only: the classifier reads the body itself, and only for the statuses that need it.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ProbeResult(replay, body, classification, exception);
    }

    /// <summary>
    /// The usual pattern in application code: let EnsureSuccessAsync throw the kind's own exception and
    /// catch the base type. Here the exception is returned rather than handled, so the table can show it.
    /// </summary>
    private static async Task<XeroApiException?> EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await XeroResponseClassifier.EnsureSuccessAsync(response, cancellationToken);
            return null;
        }
        catch (XeroApiException exception)
        {
            return exception;
        }
    }
}
