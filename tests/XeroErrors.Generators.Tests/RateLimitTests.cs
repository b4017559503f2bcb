using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The governor generated from the shipped spec's rate limits, against a server that enforces the same limits, both on
/// one fake clock: small numbers through the options (2 in progress, 10 a minute, 40 a day), so that a workload of
/// minutes runs in moments and nothing depends on how fast this machine is.
/// </summary>
[Collection(nameof(FakeClockCollection))]
public sealed class RateLimitTests
{
    private static readonly Uri Api = new("https://api.xero.com/api.xro/2.0/Invoices");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private XeroRateLimitOptions Small(Action<XeroRateLimitOptions>? also = null)
    {
        var options = new XeroRateLimitOptions
        {
            TenantCallsInProgress = 2,
            TenantCallsPerMinute = 10,
            TenantCallsPerDay = 40,
            TimeProvider = _time,
        };
        also?.Invoke(options);
        return options;
    }

    /// <summary>The server with the same small limits; it answers at once unless a test runs the clock for its latency.</summary>
    private LimitingServer Server(int inProgress = 2, int latencyMilliseconds = 0) =>
        new(_time) { InProgress = inProgress, PerMinute = 10, PerDay = 40, Latency = TimeSpan.FromMilliseconds(latencyMilliseconds) };

    private static HttpRequestMessage Get(string tenant)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Api);
        request.Headers.Add("xero-tenant-id", tenant);
        return request;
    }

    /// <summary>A client through the governor to the server; its timeout is off, since its calls wait on the fake clock.</summary>
    private static HttpClient Client(XeroRateLimits limits, LimitingServer server) =>
        new(new XeroRateLimitHandler(limits, server)) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Calls through the handler; a typed exception comes back as the result instead of failing the task.</summary>
    private static async Task<object> CallAsync(HttpClient client, string tenant, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await client.SendAsync(Get(tenant), cancellationToken);
            return response.StatusCode;
        }
        catch (XeroApiException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task FourTenantsOfFiftyCallsFromThirtyTwoCallersGetNo429AndTheCallsBeyondTheDayFailAtOnceUnsent()
    {
        var server = Server(latencyMilliseconds: 200);
        var limits = new XeroRateLimits(Small());
        using var client = Client(limits, server);
        var tenants = new[] { "t1", "t2", "t3", "t4" };
        var calls = new Queue<string>(Enumerable.Range(0, 50).SelectMany(_ => tenants));
        var results = new List<(string Tenant, object Result)>();
        async Task Caller()
        {
            while (true)
            {
                string tenant;
                lock (calls)
                {
                    if (!calls.TryDequeue(out tenant!))
                    {
                        return;
                    }
                }

                var result = await CallAsync(client, tenant);
                lock (results)
                {
                    results.Add((tenant, result));
                }
            }
        }

        var took = await FakeClock.RunAsync(_time, Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(Caller))), TimeSpan.FromSeconds(1));

        Assert.Equal(0, server.TotalRefused);
        foreach (var tenant in tenants)
        {
            var mine = results.Where(r => r.Tenant == tenant).Select(r => r.Result).ToList();
            Assert.Equal(40, mine.Count(r => r is HttpStatusCode.OK));
            var refused = mine.OfType<XeroRateLimitExceededException>().ToList();
            Assert.Equal(10, refused.Count);
            Assert.All(refused, ex =>
            {
                Assert.Equal(XeroRateLimitProblem.Day, ex.RateLimitProblem);
                Assert.True(XeroRateLimits.IsRefusedLocally(ex));
                Assert.Equal(tenant, ex.TenantId);
                Assert.NotNull(ex.RetryAfter);
            });
            Assert.Equal(40, server.Received(tenant));
            Assert.True(server.MostInProgress(tenant) <= 2, $"{tenant} had {server.MostInProgress(tenant)} calls in progress at the server");
        }

        // 40 calls at 10 a minute: the last 10 no sooner than three windows after the first (how much later depends on
        // how fast this machine lets the calls run between the clock's steps: the benchmark measures that).
        Assert.True(took >= TimeSpan.FromMinutes(3), $"40 calls took {took}");
    }

    [Fact]
    public async Task ABurstAboveTheMinuteLimitIsDelayedIntoTheNextWindowNotRefused()
    {
        var server = Server(inProgress: 20);
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 20));
        var waits = new List<XeroRateLimitEventArgs>();
        limits.Waiting += (_, e) => { lock (waits) { waits.Add(e); } };
        using var client = Client(limits, server);
        var burst = Task.WhenAll(Enumerable.Range(0, 11).Select(async _ => Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"))));

        await FakeClock.RunAsync(_time, burst, TimeSpan.FromSeconds(1));

        Assert.Equal(0, server.TotalRefused);
        var arrivals = server.Arrivals("t1");
        Assert.Equal(11, arrivals.Count);
        Assert.True(arrivals[10] - arrivals[0] >= TimeSpan.FromMinutes(1), "the eleventh call reached the server inside the first call's minute");
        var wait = Assert.Single(waits);
        Assert.Equal(("t1", "TenantCallsPerMinute"), (wait.TenantId, wait.Limit));
        Assert.True(wait.Wait > TimeSpan.FromSeconds(59));
    }

    [Fact]
    public async Task AWindowSlidesFromEachAnswerSoNoServerMinuteEverSeesMoreThanTheLimit()
    {
        var server = new LimitingServer(_time) { InProgress = 20, PerMinute = 10, PerDay = 1000, Latency = TimeSpan.Zero };
        var limits = new XeroRateLimits(Small(o => { o.TenantCallsInProgress = 20; o.TenantCallsPerDay = 1000; }));
        using var client = Client(limits, server);

        // Calls spread over time: a fixed client minute would let 10 at its end and 10 at the next one's start.
        var calls = Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromSeconds(i * 3), _time);
            Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
        }));
        await FakeClock.RunAsync(_time, calls, TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, server.TotalRefused);
        Assert.Equal(30, server.Received("t1"));
    }

    [Fact]
    public async Task AServerThatCountsMoreCallsThanTheGovernorIsObeyed()
    {
        var server = Server();
        server.CallsByOthers("t1", 7);
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 1));
        using var client = Client(limits, server);

        // The first answer says 2 remain (another process made 7 calls): only 2 more may go this minute.
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
        Assert.Equal(2, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
        var start = _time.GetUtcNow();
        var rest = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CallAsync(client, "t1")));
        await FakeClock.RunAsync(_time, rest, TimeSpan.FromSeconds(1));

        Assert.Equal(0, server.TotalRefused);
        Assert.All(await rest, r => Assert.Equal(HttpStatusCode.OK, r));
        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(59), "the third call did not wait for the other process's calls to leave the window");
    }

    [Fact]
    public async Task A429HoldsItsTenantForTheRetryAfterAndOtherTenantsGoOn()
    {
        var server = Server();
        var limits = new XeroRateLimits(Small());
        using var client = Client(limits, server);
        server.Next["t1"] = () => TooMany("minute", 30);

        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(client, "t1"));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t2"));
        var start = _time.GetUtcNow();
        var held = CallAsync(client, "t1");
        await FakeClock.RunAsync(_time, held, TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, await held);
        Assert.Equal(2, server.Received("t1"));
        Assert.True(server.Arrivals("t1").Single() - start >= TimeSpan.FromSeconds(30), "the tenant's next call went before the Retry-After");
    }

    [Fact]
    public async Task AnAppMinute429HoldsEveryTenant()
    {
        var server = Server();
        var limits = new XeroRateLimits(Small());
        using var client = Client(limits, server);
        server.Next["t1"] = () => TooMany("appminute", 20);

        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(client, "t1"));
        var start = _time.GetUtcNow();
        var other = CallAsync(client, "t2");
        await FakeClock.RunAsync(_time, other, TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, await other);
        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ADay429RefusesTheTenantAtOnceUntilItsRetryAfterHasPassed()
    {
        var server = Server();
        var limits = new XeroRateLimits(Small());
        var refusals = new List<XeroRateLimitEventArgs>();
        limits.Refused += (_, e) => refusals.Add(e);
        using var client = Client(limits, server);
        server.Next["t1"] = () => TooMany("day", 7200);

        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(client, "t1"));
        var refused = Assert.IsType<XeroRateLimitExceededException>(await CallAsync(client, "t1"));

        Assert.Equal(XeroRateLimitProblem.Day, refused.RateLimitProblem);
        Assert.Equal(TimeSpan.FromHours(2), refused.RetryAfter);
        Assert.Equal("Xero API call not sent: the server refused a call for the limit 'TenantCallsPerDay' and asked to wait 2 h more, so it would get 429 Rate Limit Exceeded: day limit; not transient, wait 2 hours before retrying.", refused.Message);
        Assert.Null(refused.ResponseBody);
        Assert.True(XeroRateLimits.IsRefusedLocally(refused));
        Assert.False(refused.IsTransient);
        Assert.Equal(1, server.Received("t1"));
        Assert.Equal(("t1", "TenantCallsPerDay"), (refusals.Single().TenantId, refusals.Single().Limit));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t2"));

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
    }

    [Fact]
    public async Task NoMinuteCallsRemainingOnASuccessHoldsTheTenantForAWindow()
    {
        var limits = new XeroRateLimits(Small());
        var server = Server();
        using var client = Client(limits, server);
        server.Next["t1"] = () => Ok(minute: 0, day: 30);

        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
        Assert.Equal(0, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
        var start = _time.GetUtcNow();
        var next = CallAsync(client, "t1");
        await FakeClock.RunAsync(_time, next, TimeSpan.FromSeconds(1));

        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task NoDayCallsRemainingOnASuccessRefusesLocallyAndOnlyAfterAWhileLetsOneProbeThrough()
    {
        var limits = new XeroRateLimits(Small(o => o.ProbeInterval = TimeSpan.FromMinutes(10)));
        var server = Server();
        using var client = Client(limits, server);
        server.Next["t1"] = () => Ok(minute: 9, day: 0);

        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
        var first = Assert.IsType<XeroRateLimitExceededException>(await CallAsync(client, "t1"));
        Assert.Equal(XeroRateLimitProblem.Day, first.RateLimitProblem);
        Assert.Equal(TimeSpan.FromMinutes(10), first.RetryAfter);
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.IsType<XeroRateLimitExceededException>(await CallAsync(client, "t1"));
        Assert.Equal(1, server.Received("t1"));

        // The probe reaches the server; its 429 says how long the day lasts.
        _time.Advance(TimeSpan.FromMinutes(1));
        server.Next["t1"] = () => TooMany("day", 5000);
        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(client, "t1"));
        var after = Assert.IsType<XeroRateLimitExceededException>(await CallAsync(client, "t1"));
        Assert.Equal(TimeSpan.FromSeconds(5000), after.RetryAfter);
        Assert.Equal(2, server.Received("t1"));
    }

    [Fact]
    public async Task AfterARestartTheDaysUseIsLearntFromTheServer()
    {
        var server = Server();
        server.CallsByOthers("t1", 37);
        _time.Advance(TimeSpan.FromMinutes(2));
        var limits = new XeroRateLimits(Small());
        using var client = Client(limits, server);

        var results = new List<object>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await CallAsync(client, "t1"));
        }

        Assert.Equal(3, results.Count(r => r is HttpStatusCode.OK));
        Assert.Equal(2, results.OfType<XeroRateLimitExceededException>().Count(ex => XeroRateLimits.IsRefusedLocally(ex)));
        Assert.Equal(0, server.TotalRefused);
    }

    [Fact]
    public async Task ACancelledWaitGivesUpItsPlaceInLine()
    {
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 1));
        var first = await limits.AcquireAsync("t1");
        using var cancel = new CancellationTokenSource();
        var second = limits.AcquireAsync("t1", cancel.Token).AsTask();
        var third = limits.AcquireAsync("t1").AsTask();
        await Task.Delay(20);
        Assert.False(second.IsCompleted);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        first.Dispose();
        using var lease = await third.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AWaitingCallHoldsNoWindowPermit()
    {
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 1));
        using var first = await limits.AcquireAsync("t1");
        var waiting = limits.AcquireAsync("t1").AsTask();
        await Task.Delay(20);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(9, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
        Assert.Equal(0, limits.GetRemaining("t1")["TenantCallsInProgress"]);
        first.Dispose();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Equal(8, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
    }

    [Fact]
    public async Task HandlersThatTheFactoryRecreatesShareOneCount()
    {
        var server = Server(inProgress: 20);
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 20));
        for (var handler = 0; handler < 3; handler++)
        {
            using var client = Client(limits, server);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
            }
        }

        Assert.Equal(1, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
    }

    [Fact]
    public async Task AWaitLongerThanTheOptionsAllowFailsAtOnceTyped()
    {
        var server = Server(inProgress: 20);
        var limits = new XeroRateLimits(Small(o => { o.TenantCallsInProgress = 20; o.MaxWait = TimeSpan.FromSeconds(10); }));
        using var client = Client(limits, server);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "t1"));
        }

        var refused = Assert.IsType<XeroRateLimitExceededException>(await CallAsync(client, "t1"));

        Assert.Equal(XeroRateLimitProblem.Minute, refused.RateLimitProblem);
        Assert.True(refused.RetryAfter > TimeSpan.FromSeconds(50));
        Assert.True(XeroRateLimits.IsRefusedLocally(refused));
        Assert.Equal(10, server.Received("t1"));
    }

    [Fact]
    public async Task AcquireAndReportServeAClientWithoutAHandler()
    {
        var limits = new XeroRateLimits(Small());
        var lease = await limits.AcquireAsync("t1");
        var tooMany = XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(429, null, XeroResponseHeaders.FromPairs(new Dictionary<string, string> { ["X-Rate-Limit-Problem"] = "day", ["Retry-After"] = "600" })), null);
        limits.Report(lease, tooMany);
        lease.Dispose();

        var refused = await Assert.ThrowsAsync<XeroRateLimitExceededException>(async () => await limits.AcquireAsync("t1"));
        Assert.Equal(TimeSpan.FromMinutes(10), refused.RetryAfter);
        var foreign = await new XeroRateLimits().AcquireAsync(null);
        Assert.Throws<ArgumentException>(() => limits.Report(foreign, 200, default));
    }

    [Fact]
    public async Task AResponseReportedByHandHoldsTheTenantAsTheHandlerWould()
    {
        var limits = new XeroRateLimits(Small());
        var lease = await limits.AcquireAsync("t1");
        using (var response = TooMany("day", 900))
        {
            limits.Report(lease, response);
        }

        lease.Dispose();
        var refused = await Assert.ThrowsAsync<XeroRateLimitExceededException>(async () => await limits.AcquireAsync("t1"));
        Assert.Equal(TimeSpan.FromMinutes(15), refused.RetryAfter);
    }

    [Fact]
    public async Task AWaitForAPlaceInProgressEndsAtMaxWaitAsALocalRefusal()
    {
        var limits = new XeroRateLimits(Small(o => { o.TenantCallsInProgress = 1; o.MaxWait = TimeSpan.FromSeconds(5); }));
        using var first = await limits.AcquireAsync("t1");
        var second = limits.AcquireAsync("t1").AsTask();

        await FakeClock.RunAsync(_time, second.ContinueWith(_ => { }, TaskScheduler.Default), TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => second);
        Assert.True(XeroRateLimits.IsRefusedLocally(refused));
        Assert.Contains("TenantCallsInProgress", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, limits.GetRemaining("t1")["TenantCallsInProgress"]);
    }

    [Theory]
    [InlineData("ProbeInterval")]
    [InlineData("WindowMargin")]
    [InlineData("TenantCallsPerMinute")]
    public void OptionsOutOfRangeAreRefusedWhenTheGovernorIsMade(string option)
    {
        var options = Small();
        switch (option)
        {
            case "ProbeInterval": options.ProbeInterval = TimeSpan.MaxValue; break;
            case "WindowMargin": options.WindowMargin = TimeSpan.FromSeconds(-1); break;
            default: options.TenantCallsPerMinute = 0; break;
        }

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new XeroRateLimits(options));
        Assert.Contains(option == "TenantCallsPerMinute" ? "TenantCallsPerMinute" : option, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsWithoutATenantCountOnlyAgainstTheApplication()
    {
        var limits = new XeroRateLimits(Small(o => o.AppCallsPerMinute = 3));
        for (var i = 0; i < 3; i++)
        {
            (await limits.AcquireAsync(null)).Dispose();
        }

        Assert.Equal(0, limits.GetRemaining(null)["AppCallsPerMinute"]);
        Assert.Equal(10, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
    }

    [Fact]
    public async Task ATenantsLimitRefusingACallWithoutATenantHoldsNoOneElse()
    {
        var limits = new XeroRateLimits(Small());
        var lease = await limits.AcquireAsync(null);
        limits.Report(lease, 429, XeroResponseHeaders.FromPairs(new Dictionary<string, string> { ["X-Rate-Limit-Problem"] = "day", ["Retry-After"] = "3600" }));
        lease.Dispose();

        (await limits.AcquireAsync(null)).Dispose();
        (await limits.AcquireAsync("t1")).Dispose();
    }

    [Fact]
    public async Task AsARateLimiterARefusalIsALeaseNotAcquiredWithItsWait()
    {
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 20));
        using var limiter = limits.ForTenant("t1");
        for (var i = 0; i < 10; i++)
        {
            using var lease = limiter.AttemptAcquire();
            Assert.True(lease.IsAcquired);
        }

        using var full = limiter.AttemptAcquire();
        Assert.False(full.IsAcquired);
        Assert.True(full.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait));
        Assert.True(wait > TimeSpan.FromSeconds(55), $"retry after {wait}");

        // The day's refusal comes as a lease too, without waiting.
        var day = await limits.AcquireAsync("t2");
        limits.Report(day, 429, XeroResponseHeaders.FromPairs(new Dictionary<string, string> { ["X-Rate-Limit-Problem"] = "day", ["Retry-After"] = "600" }));
        day.Dispose();
        using var refused = await limits.ForTenant("t2").AcquireAsync();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.ReasonPhrase, out var reason));
        Assert.Contains("TenantCallsPerDay", reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(2));
    }

    [Fact]
    public async Task PollysRateLimiterStrategyTakesTheGovernorAsItsLimiter()
    {
        var limits = new XeroRateLimits(Small(o => o.TenantCallsInProgress = 20));
        var pipeline = new ResiliencePipelineBuilder().AddRateLimiter(limits.ForTenant("t1")).Build();
        for (var i = 0; i < 10; i++)
        {
            await pipeline.ExecuteAsync(_ => ValueTask.CompletedTask);
        }

        // Polly waits through the limiter's AcquireAsync: with MaxWait, a refusal is Polly's own rejection, with the wait.
        var bounded = new XeroRateLimits(Small(o => { o.TenantCallsInProgress = 20; o.MaxWait = TimeSpan.FromSeconds(1); }));
        var strict = new ResiliencePipelineBuilder().AddRateLimiter(bounded.ForTenant("t1")).Build();
        for (var i = 0; i < 10; i++)
        {
            await strict.ExecuteAsync(_ => ValueTask.CompletedTask);
        }

        var rejected = await Assert.ThrowsAsync<Polly.RateLimiting.RateLimiterRejectedException>(async () => await strict.ExecuteAsync(_ => ValueTask.CompletedTask));
        Assert.True(rejected.RetryAfter > TimeSpan.FromSeconds(55));
        Assert.Equal(0, limits.GetRemaining("t1")["TenantCallsPerMinute"]);
    }

    private static HttpResponseMessage TooMany(string problem, int retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-Rate-Limit-Problem", problem);
        response.Headers.Add("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Ok(int minute, int day)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        response.Headers.Add("X-MinLimit-Remaining", minute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-DayLimit-Remaining", day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }
}
