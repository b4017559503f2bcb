using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;

namespace XeroErrors.Generators.Benchmarks.RateLimits;

/// <summary>
/// What the rate-limit governor costs a call that does not wait. The clock moves past a minute after each call, so no
/// call ever waits and the counts stay as large as in use; what is measured is the governor's own work. Baselines in
/// the same run: the framework's <see cref="ConcurrencyLimiter"/> (what any limiter costs), and an HttpClient call to
/// an in-memory handler without and with <see cref="XeroRateLimitHandler"/> in front.
/// </summary>
[MemoryDiagnoser]
public class GovernorBenchmarks
{
    private static readonly Uri Api = new("https://api.xero.com/api.xro/2.0/Invoices");

    /// <summary>
    /// Past a minute's window and its margin after each call: the minute counts stay empty, and the day's holds the
    /// calls of the last simulated day (about 1,400, below its 5,000), as in use.
    /// </summary>
    private static readonly TimeSpan PastEveryWindow = TimeSpan.FromSeconds(62);

    private readonly FakeTimeProvider _time = new();
    private XeroRateLimits _limits = null!;
    private ConcurrencyLimiter _concurrency = null!;
    private HttpClient _plain = null!;
    private HttpClient _governed = null!;
    private XeroResponseHeaders _headers;

    [GlobalSetup]
    public void Setup()
    {
        _limits = new XeroRateLimits(new XeroRateLimitOptions { TimeProvider = _time });
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 5, QueueLimit = int.MaxValue });
        _plain = new HttpClient(new Answer());
        _governed = new HttpClient(new XeroRateLimitHandler(_limits, new Answer()));
        _headers = XeroResponseHeaders.FromPairs(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("X-MinLimit-Remaining", "59"),
            new System.Collections.Generic.KeyValuePair<string, string>("X-DayLimit-Remaining", "4999"),
            new System.Collections.Generic.KeyValuePair<string, string>("X-AppMinLimit-Remaining", "9999"),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _governed.Dispose();
        _concurrency.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<bool> ConcurrencyLimiterAlone()
    {
        using var lease = await _concurrency.AcquireAsync(1, CancellationToken.None);
        return lease.IsAcquired;
    }

    [Benchmark]
    public async Task<bool> AcquireReportDispose()
    {
        using var lease = await _limits.AcquireAsync("tenant", CancellationToken.None);
        _limits.Report(lease, 200, _headers);
        _time.Advance(PastEveryWindow);
        return lease.IsAcquired;
    }

    [Benchmark]
    public async Task<HttpStatusCode> HttpClientWithoutGovernor()
    {
        using var response = await _plain.SendAsync(Request());
        return response.StatusCode;
    }

    [Benchmark]
    public async Task<HttpStatusCode> HttpClientWithGovernor()
    {
        using var response = await _governed.SendAsync(Request());
        _time.Advance(PastEveryWindow);
        return response.StatusCode;
    }

    private static HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Api);
        request.Headers.Add("xero-tenant-id", "tenant");
        return request;
    }

    /// <summary>Answers every call at once with Xero's remaining-calls headers.</summary>
    private sealed class Answer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
            response.Headers.Add("X-MinLimit-Remaining", "59");
            response.Headers.Add("X-DayLimit-Remaining", "4999");
            response.Headers.Add("X-AppMinLimit-Remaining", "9999");
            return Task.FromResult(response);
        }
    }
}
