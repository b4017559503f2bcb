using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using XeroErrors.Generators.Benchmarks.Infrastructure;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Benchmarks.RateLimits;

/// <summary>
/// The rate-limit workload in real time, not a BenchmarkDotNet benchmark: 4 tenants × 50 calls from 32 concurrent
/// callers through <see cref="XeroRateLimitHandler"/>, against a server that enforces the same limits (2 in progress,
/// 10 a minute, 40 a day per tenant) and answers in 200 ms. The clock runs <c>--speed</c> times faster than the real
/// one (real timers and threads, scaled), so a run takes seconds. It reports the workload's time against the least
/// the limits allow, the 429s the server sent (the target is none) and the calls refused without being sent.
/// Run: <c>dotnet run -c Release --project benchmarks/XeroErrors.Generators.Benchmarks -- ratelimits</c>
/// (options: <c>--runs 5 --speed 30</c>).
/// </summary>
public static class RateLimitWorkload
{
    private const int Tenants = 4;
    private const int CallsPerTenant = 50;
    private const int Callers = 32;
    private const int InProgress = 2;
    private const int PerMinute = 10;
    private const int PerDay = 40;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = (int)BenchmarkArguments.Option(args, "--runs", 5.0);
        var speed = BenchmarkArguments.Option(args, "--speed", 30.0);

        // The least the limits allow one tenant's 40 calls: windows of 10 a minute, the last one's 10 calls 2 at a time.
        var least = TimeSpan.FromMinutes((PerDay - 1) / PerMinute) + Latency * Math.Ceiling(PerMinute / (double)InProgress);
        Console.WriteLine($"Workload: {Tenants} tenants x {CallsPerTenant} calls, {Callers} callers; limits {InProgress} in progress, {PerMinute}/min, {PerDay}/day; latency {Latency.TotalMilliseconds} ms; clock x{speed}.");
        Console.WriteLine($"Least the limits allow: {least.TotalSeconds:0.0} s (on the workload's clock).");
        var ratios = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (took, tooMany, refused, ok) = await RunOnceAsync(new ScaledTime(speed));
            var ratio = took / least;
            ratios.Add(ratio);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {took.TotalSeconds:0.0} s, ratio {ratio:0.000}; {ok} succeeded, {refused} refused unsent, {tooMany} answered 429"));
            if (tooMany > 0 || ok != Tenants * PerDay || refused != Tenants * (CallsPerTenant - PerDay))
            {
                Console.WriteLine("The workload did not keep to the limits.");
                return 1;
            }
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio {ratios[ratios.Count / 2]:0.000} (min {ratios[0]:0.000}, max {ratios[^1]:0.000}); target <= 1.15"));
        return 0;
    }

    private static async Task<(TimeSpan Took, int TooMany, int Refused, int Ok)> RunOnceAsync(ScaledTime time)
    {
        var server = new LimitingServer(time) { InProgress = InProgress, PerMinute = PerMinute, PerDay = PerDay, Latency = Latency };
        var limits = new XeroRateLimits(new XeroRateLimitOptions
        {
            TenantCallsInProgress = InProgress,
            TenantCallsPerMinute = PerMinute,
            TenantCallsPerDay = PerDay,
            TimeProvider = time,
        });
        using var client = new HttpClient(new XeroRateLimitHandler(limits, server));
        var calls = new Queue<string>(Enumerable.Range(0, CallsPerTenant).SelectMany(_ => Enumerable.Range(1, Tenants).Select(t => "tenant-" + t)));
        int ok = 0, refused = 0;
        async Task Caller()
        {
            while (true)
            {
                string? tenant;
                lock (calls)
                {
                    if (!calls.TryDequeue(out tenant))
                    {
                        return;
                    }
                }

                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.xero.com/api.xro/2.0/Invoices");
                    request.Headers.Add("xero-tenant-id", tenant);
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        System.Threading.Interlocked.Increment(ref ok);
                    }
                }
                catch (XeroApiException ex) when (XeroRateLimits.IsRefusedLocally(ex))
                {
                    System.Threading.Interlocked.Increment(ref refused);
                }
            }
        }

        var start = time.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(Caller)));
        return (time.GetElapsedTime(start), server.TotalRefused, refused, ok);
    }
}
