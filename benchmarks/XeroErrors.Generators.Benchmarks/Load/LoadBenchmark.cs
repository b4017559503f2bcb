using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using XeroErrors.Generators.Benchmarks.Infrastructure;

namespace XeroErrors.Generators.Benchmarks.Load;

/// <summary>
/// A load benchmark, not a BenchmarkDotNet one: requests per second and latency percentiles through
/// <see cref="XeroErrorHandler"/> against a plain client and a hand-written handler, at several concurrencies,
/// against a keep-alive server on 127.0.0.1. Client and server share the machine, so every ratio is reported with
/// its spread over runs. Run: <c>dotnet run -c Release --project benchmarks/XeroErrors.Generators.Benchmarks -- load</c>
/// (options: <c>--seconds 2 --runs 3 --concurrency 1,16,64,256 --mix success,errors</c>).
/// </summary>
public static class LoadBenchmark
{
    private enum Client
    {
        /// <summary>No handler: the caller reads the body and disposes the response.</summary>
        Plain,

        /// <summary>What a user would write by hand: read an error body, throw one exception.</summary>
        HandWritten,

        /// <summary>The generated <see cref="XeroErrorHandler"/>.</summary>
        Xero,
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchmarkArguments.Option(args, "--seconds", 2.0);
        var runs = (int)BenchmarkArguments.Option(args, "--runs", 3.0);
        var concurrencies = BenchmarkArguments.OptionList(args, "--concurrency", [1, 16, 64, 256]);
        var mixes = Array.IndexOf(args, "--mix") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : ["success", "errors"];

        await using var server = new KeepAliveServer();
        Console.WriteLine($"# Load: {runs} runs of {seconds:0.#} s per cell, {Environment.ProcessorCount} cores shared by client and server");
        foreach (var (mix, baseline) in new[] { ("success", Client.Plain), ("errors", Client.HandWritten) }.Where(m => mixes.Contains(m.Item1)))
        {
            Console.WriteLine();
            Console.WriteLine($"## {mix} mix: Xero handler against {baseline}");
            Console.WriteLine("| clients | client | req/s (median) | p50 ms | p99 ms | Xero/baseline throughput: median (min-max) |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|");
            foreach (var concurrency in concurrencies)
            {
                var results = new Dictionary<Client, List<Result>> { [baseline] = [], [Client.Xero] = [] };
                await MeasureAsync(server, mix, baseline, concurrency, TimeSpan.FromSeconds(0.5)); // warm-up
                await MeasureAsync(server, mix, Client.Xero, concurrency, TimeSpan.FromSeconds(0.5));
                for (var run = 0; run < runs; run++)
                {
                    // Alternate the order so that drift on a shared machine does not favour one client.
                    foreach (var client in run % 2 == 0 ? new[] { baseline, Client.Xero } : new[] { Client.Xero, baseline })
                    {
                        results[client].Add(await MeasureAsync(server, mix, client, concurrency, TimeSpan.FromSeconds(seconds)));
                    }
                }

                var ratios = results[Client.Xero].Zip(results[baseline], (x, b) => x.RequestsPerSecond / b.RequestsPerSecond).OrderBy(r => r).ToList();
                foreach (var client in new[] { baseline, Client.Xero })
                {
                    var list = results[client];
                    var spread = client == Client.Xero ? $"{BenchmarkArguments.Median(ratios):0.000} ({ratios[0]:0.000}-{ratios[^1]:0.000})" : string.Empty;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {concurrency} | {client} | {BenchmarkArguments.Median(list.Select(r => r.RequestsPerSecond)):0} | {BenchmarkArguments.Median(list.Select(r => r.P50)):0.000} | {BenchmarkArguments.Median(list.Select(r => r.P99)):0.000} | {spread} |"));
                }
            }
        }

        return 0;
    }

    private sealed record Result(double RequestsPerSecond, double P50, double P99);

    private static async Task<Result> MeasureAsync(KeepAliveServer server, string mix, Client kind, int concurrency, TimeSpan duration)
    {
        var sockets = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        HttpMessageHandler handler = kind switch
        {
            Client.Xero => new XeroErrorHandler(sockets),
            Client.HandWritten => new HandWrittenErrorHandler(sockets),
            _ => sockets,
        };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var latencies = new List<double>[concurrency];
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            var i = worker;
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(mix + "/" + (i++ % KeepAliveServer.ErrorMix.Length).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                    await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is XeroApiException or HandWrittenErrorHandler.ApiError)
                {
                    // An error response, thrown as designed.
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).OrderBy(l => l).ToArray();
        return new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

}

/// <summary>The hand-written equivalent of the generated handler: read an error body, throw one exception.</summary>
internal sealed class HandWrittenErrorHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public sealed class ApiError(HttpStatusCode status, string body) : Exception($"{(int)status}: {body}");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new ApiError(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
    }
}

/// <summary>
/// A keep-alive HTTP/1.1 server on 127.0.0.1 that answers <c>/success/N</c> with a 200 and <c>/errors/N</c> with the
/// N-th response of the seed's error mix. Its responses are made once, so the server costs as little as it can.
/// </summary>
internal sealed class KeepAliveServer : IAsyncDisposable
{
    public static readonly (int Status, string Body, string Headers)[] ErrorMix =
    [
        (400, """{"message":"The request is invalid.","modelState":{"model.Name":["The Project Name cannot be empty"],"model.ContactId":["The ContactId cannot be null or empty"]}}""", "Content-Type: application/json\r\n"),
        (401, """{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"TokenExpired: token expired at 11/28/2026 10:00:00","Instance":"d7c5d0a6","Extensions":{}}""", "Content-Type: application/json\r\n"),
        (404, "The resource you're looking for cannot be found", string.Empty),
        (429, string.Empty, "Retry-After: 12\r\nX-Rate-Limit-Problem: minute\r\n"),
        (500, "An unhandled error with the Xero API.", string.Empty),
        (503, "The Xero API is currently offline for maintenance", string.Empty),
        (503, "The Xero API is temporarily unavailable", string.Empty),
        (503, "The Organisation is offline", string.Empty),
    ];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[][] _errors;
    private readonly byte[] _success;
    private readonly Task _loop;

    public KeepAliveServer()
    {
        _errors = ErrorMix.Select(r => Response(r.Status, r.Body, r.Headers)).ToArray();
        _success = Response(200, """{"projects":[]}""", "Content-Type: application/json\r\n");
        _listener.Start(1024);
        _loop = Task.Run(AcceptLoop);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    private static byte[] Response(int status, string body, string headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Status\r\n{headers}Xero-Correlation-Id: load\r\nContent-Length: {bytes.Length}\r\n\r\n").Concat(bytes).ToArray();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[8192];
            var filled = 0;
            try
            {
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                    int end;
                    while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) >= 0)
                    {
                        var line = Encoding.ASCII.GetString(buffer, 0, Math.Min(end, 64));
                        await socket.SendAsync(Pick(line), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                        var consumed = end + 4;
                        Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                        filled -= consumed;
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client closed the connection or the benchmark ended.
            }
        }
    }

    /// <summary>The response for a request line such as <c>GET /errors/3 HTTP/1.1</c>.</summary>
    private byte[] Pick(string requestLine)
    {
        if (requestLine.Contains("/success/", StringComparison.Ordinal))
        {
            return _success;
        }

        var start = requestLine.IndexOf("/errors/", StringComparison.Ordinal) + "/errors/".Length;
        var stop = requestLine.IndexOf(' ', start);
        return int.TryParse(requestLine.AsSpan(start, stop - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < _errors.Length ? _errors[n] : _errors[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
        }

        _stop.Dispose();
    }
}
