using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The governor in the order the README gives, with IHttpClientFactory: the standard resilience handler, then
/// <see cref="XeroRateLimitHandler"/>, then <see cref="XeroErrorHandler"/>. A wait longer than the options allow fails at
/// once as a local refusal, which neither the retry nor the circuit breaker takes for a failure of Xero's.
/// </summary>
public sealed class RateLimitResilienceTests
{
    [Fact]
    public async Task BehindTheStandardResilienceHandlerALocalRefusalIsNotRetriedAndDoesNotOpenTheCircuit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var server = new LimitingServer(time) { InProgress = 20, PerMinute = 10, PerDay = 1000, Latency = TimeSpan.Zero };
        var breaker = new CircuitBreakerStateProvider();
        var services = new ServiceCollection();

        // MaxWait below the attempt timeout (10 s): a wait for the next minute is refused here instead of timing out there.
        services.AddSingleton(new XeroRateLimits(new XeroRateLimitOptions { TenantCallsPerMinute = 10, TimeProvider = time, MaxWait = TimeSpan.FromSeconds(8) }));
        services.AddTransient<XeroRateLimitHandler>();
        services.AddTransient<XeroErrorHandler>();
        var xero = services.AddHttpClient("xero", client => client.BaseAddress = new Uri("https://api.xero.com/api.xro/2.0/"))
            .ConfigurePrimaryHttpMessageHandler(() => server);
        xero.AddStandardResilienceHandler(options =>
        {
            XeroRetryStrategy.Configure(options, maxDelay: TimeSpan.FromSeconds(5));
            options.CircuitBreaker.StateProvider = breaker;
            options.CircuitBreaker.MinimumThroughput = 2;
            options.CircuitBreaker.FailureRatio = 0.1;
        });
        xero.AddHttpMessageHandler<XeroRateLimitHandler>();
        xero.AddHttpMessageHandler<XeroErrorHandler>();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.SendAsync(Request());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            var refused = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => client.SendAsync(Request()));
            Assert.True(XeroRateLimits.IsRefusedLocally(refused));
            Assert.Equal(XeroRateLimitProblem.Minute, refused.RateLimitProblem);
        }

        Assert.Equal(10, server.Received("t1"));
        Assert.Equal(CircuitState.Closed, breaker.CircuitState);
    }

    private static HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "Invoices");
        request.Headers.Add("xero-tenant-id", "t1");
        return request;
    }
}
