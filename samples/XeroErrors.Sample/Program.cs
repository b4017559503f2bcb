// Replays every entry of spec/errors.yaml (the Projects API's error table, the Accounting API's validation error and
// the rest) from a local HTTP server, and shows what the API generated from it makes of each: kind, exception,
// retry advice and headers.
using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using XeroErrors;
using XeroErrors.Sample;

// A bound on the whole run, on top of the per-request timeout: the sample must end even if something stalls.
using var runTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

// The sample says it replays every entry of the spec: an entry added without a replay fails it.
var unreplayed = Enum.GetValues<XeroResponseKind>().Except(ReplayCatalog.All.Select(response => response.ExpectedKind)).ToList();
if (unreplayed.Count > 0)
{
    Console.Error.WriteLine($"No replay for {string.Join(", ", unreplayed)}: add one to ReplayCatalog.");
    return 3;
}

await using var server = ReplayServer.Start(ReplayCatalog.All);
using var client = ResponseProbe.CreateClient(server.BaseAddress);
Console.WriteLine($"Replaying {ReplayCatalog.All.Count} Xero API responses from {server.BaseAddress}");
Console.WriteLine();

try
{
    var results = await ResponseProbe.ProbeAllAsync(client, ReplayCatalog.All, runTimeout.Token);
    ProbeReport.Write(results, Console.Out);

    // A non-zero exit makes the sample usable as a smoke test of the generated code.
    return results.All(result => result.Problems().Count == 0) ? 0 : 1;
}
catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
{
    Console.Error.WriteLine($"The replay failed: {exception.Message}");
    return 2;
}
