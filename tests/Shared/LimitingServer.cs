using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>
/// An in-process stand-in for Xero's API that enforces rate limits the way Xero publishes them, on the test's clock:
/// per tenant (the xero-tenant-id header) calls in progress, calls in a sliding minute and calls in a day, and the
/// application's calls in a sliding minute. Every response carries the remaining-calls headers; a call over a limit
/// is a 429 with X-Rate-Limit-Problem and Retry-After. It counts what it receives, so a test can prove what reached it.
/// </summary>
internal sealed class LimitingServer : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _appMinute = new();

    public LimitingServer(TimeProvider time) => _time = time;

    public int InProgress { get; init; } = 5;

    public int PerMinute { get; init; } = 60;

    public int PerDay { get; init; } = 5000;

    public int AppPerMinute { get; init; } = 10000;

    /// <summary>How long the server takes to answer, on the test's clock.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>What the test wants the next response for a tenant to be instead (a 429 it chose); taken once.</summary>
    public ConcurrentDictionary<string, Func<HttpResponseMessage>> Next { get; } = new();

    /// <summary>The calls that reached the server for a tenant, refused or not.</summary>
    public int Received(string tenant)
    {
        lock (_gate)
        {
            return TenantOf(tenant).Received;
        }
    }

    /// <summary>When each call the server accepted for a tenant arrived, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Arrivals(string tenant)
    {
        lock (_gate)
        {
            return TenantOf(tenant).Arrivals.ToList();
        }
    }

    /// <summary>The most calls of a tenant the server had in progress at once.</summary>
    public int MostInProgress(string tenant)
    {
        lock (_gate)
        {
            return TenantOf(tenant).MostInProgress;
        }
    }

    /// <summary>Every 429 the server answered, for any tenant.</summary>
    public int TotalRefused
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Values.Sum(t => t.Refused);
            }
        }
    }

    /// <summary>Counts calls another process made for a tenant, which this server's headers then report.</summary>
    public void CallsByOthers(string tenant, int calls)
    {
        lock (_gate)
        {
            var state = TenantOf(tenant);
            for (var i = 0; i < calls; i++)
            {
                state.Minute.Enqueue(_time.GetUtcNow());
                state.Day++;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tenantId = request.Headers.TryGetValues("xero-tenant-id", out var values) ? values.First() : "";
        HttpResponseMessage? response = null;
        Tenant tenant;
        lock (_gate)
        {
            tenant = TenantOf(tenantId);
            tenant.Received++;
            var now = _time.GetUtcNow();
            Slide(tenant.Minute, now);
            Slide(_appMinute, now);
            if (Next.TryRemove(tenantId, out var chosen))
            {
                response = chosen();
            }
            else if (tenant.Day >= PerDay)
            {
                response = TooMany("day", 3600);
            }
            else if (tenant.Minute.Count >= PerMinute)
            {
                response = TooMany("minute", (int)Math.Ceiling((tenant.Minute.Peek() + TimeSpan.FromMinutes(1) - now).TotalSeconds));
            }
            else if (_appMinute.Count >= AppPerMinute)
            {
                response = TooMany("appminute", (int)Math.Ceiling((_appMinute.Peek() + TimeSpan.FromMinutes(1) - now).TotalSeconds));
            }
            else if (tenant.Current >= InProgress)
            {
                response = TooMany("concurrent", 1);
            }

            if (response is null)
            {
                tenant.Day++;
                tenant.Minute.Enqueue(now);
                tenant.Arrivals.Add(now);
                _appMinute.Enqueue(now);
                tenant.Current++;
                tenant.MostInProgress = Math.Max(tenant.MostInProgress, tenant.Current);
            }
            else
            {
                tenant.Refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            }
        }

        if (response is not null)
        {
            response.RequestMessage = request;
            return response;
        }

        try
        {
            await Task.Delay(Latency, _time, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                tenant.Current--;
            }
        }

        var ok = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{}") };
        lock (_gate)
        {
            Remaining(ok, tenant);
        }

        return ok;
    }

    private void Remaining(HttpResponseMessage response, Tenant tenant)
    {
        Slide(tenant.Minute, _time.GetUtcNow());
        Slide(_appMinute, _time.GetUtcNow());
        response.Headers.Add("X-MinLimit-Remaining", Text(PerMinute - tenant.Minute.Count));
        response.Headers.Add("X-DayLimit-Remaining", Text(PerDay - tenant.Day));
        response.Headers.Add("X-AppMinLimit-Remaining", Text(AppPerMinute - _appMinute.Count));
    }

    private static HttpResponseMessage TooMany(string problem, int retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-Rate-Limit-Problem", problem);
        response.Headers.Add("Retry-After", Text(Math.Max(1, retryAfter)));
        return response;
    }

    private static void Slide(Queue<DateTimeOffset> window, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() <= now - TimeSpan.FromMinutes(1))
        {
            window.Dequeue();
        }
    }

    private static string Text(int value) => Math.Max(0, value).ToString(CultureInfo.InvariantCulture);

    private Tenant TenantOf(string tenant)
    {
        if (!_tenants.TryGetValue(tenant, out var state))
        {
            _tenants[tenant] = state = new Tenant();
        }

        return state;
    }

    private sealed class Tenant
    {
        public int Received;
        public int Refused;
        public int Current;
        public int MostInProgress;
        public int Day;
        public readonly Queue<DateTimeOffset> Minute = new();
        public readonly List<DateTimeOffset> Arrivals = new();
    }
}
