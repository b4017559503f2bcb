using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// The generated XeroErrorHandler and XeroRetryStrategy (from the shipped spec, generated into this project) in
/// real pipelines against a loopback server. Time is a fake clock: nothing here waits for real.
/// </summary>
public sealed class PollyPipelineTests
{
    private const string OrganisationOffline = "The Organisation is offline";
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Resilience_handler_retries_an_offline_organisation_after_the_advised_delay()
    {
        await using var server = new ScriptedHttpServer(new Reply(503, OrganisationOffline), new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = Services(server, time, OneHour, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var timer = time.NextTimerAsync(RealTimeout);
        var call = client.GetAsync("projects.xro/2.0/projects");

        // Polly waits on the fake clock for the spec's retry.after (300 s: no Retry-After header came).
        var due = await timer;
        Assert.Equal(TimeSpan.FromMinutes(5), due);
        Assert.Equal(new[] { TimeSpan.FromMinutes(5) }, retries);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "The retry went out before the advised delay.");
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await call.WaitAsync(RealTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Resilience_handler_does_not_retry_a_bad_request()
    {
        const string body = """{ "message": "The request is invalid.", "modelState": { "model.Name": ["The Project Name cannot be empty"] } }""";
        await using var server = new ScriptedHttpServer(new Reply(400, body), new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = Services(server, time, OneHour, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var ex = await Assert.ThrowsAsync<XeroErrors.XeroBadRequestException>(() => client.GetAsync("projects.xro/2.0/projects").WaitAsync(RealTimeout));

        Assert.Equal(XeroErrors.XeroResponseKind.BadRequest, ex.Kind);
        Assert.Equal(new[] { "The Project Name cannot be empty" }, ex.ModelState["model.Name"]);
        Assert.Empty(retries);
        Assert.Empty(time.DueTimes);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Resilience_handler_does_not_retry_a_rate_limit_that_asks_for_longer_than_the_maximum()
    {
        await using var server = new ScriptedHttpServer(
            new Reply(429, string.Empty, ("Retry-After", "86400"), ("Xero-Correlation-Id", "corr-429")),
            new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = Services(server, time, OneHour, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var ex = await Assert.ThrowsAsync<XeroErrors.XeroRateLimitExceededException>(() => client.GetAsync("projects.xro/2.0/projects").WaitAsync(RealTimeout));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromDays(1), ex.RetryAfter);
        Assert.Equal("corr-429", ex.CorrelationId);
        Assert.Empty(retries);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Resilience_handler_retries_a_rate_limit_within_the_maximum_after_its_retry_after()
    {
        await using var server = new ScriptedHttpServer(
            new Reply(429, string.Empty, ("Retry-After", "30"), ("X-Rate-Limit-Problem", "minute")),
            new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = Services(server, time, OneHour, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var timer = time.NextTimerAsync(RealTimeout);
        var call = client.GetAsync("projects.xro/2.0/projects");
        Assert.Equal(TimeSpan.FromSeconds(30), await timer);

        time.Advance(TimeSpan.FromSeconds(30));
        using var response = await call.WaitAsync(RealTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Resilience_handler_does_not_retry_a_daily_rate_limit()
    {
        await using var server = new ScriptedHttpServer(
            new Reply(429, string.Empty, ("Retry-After", "30"), ("X-Rate-Limit-Problem", "day")),
            new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = Services(server, time, OneHour, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var ex = await Assert.ThrowsAsync<XeroErrors.XeroRateLimitExceededException>(() => client.GetAsync("projects.xro/2.0/projects").WaitAsync(RealTimeout));

        Assert.Equal(XeroErrors.XeroRateLimitProblem.Day, ex.RateLimitProblem);
        Assert.False(ex.IsTransient);
        Assert.Empty(retries);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Plain_polly_pipeline_over_responses_retries_an_offline_organisation_after_the_advised_delay()
    {
        // No error handler: the strategy classifies the responses themselves.
        await using var server = new ScriptedHttpServer(new Reply(503, OrganisationOffline), new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(XeroErrors.XeroRetryStrategy.CreateOptions(OneHour))
            .Build();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var timer = time.NextTimerAsync(RealTimeout);
        var call = pipeline.ExecuteAsync(async ct => await http.GetAsync("projects.xro/2.0/projects", ct), CancellationToken.None).AsTask();
        Assert.Equal(TimeSpan.FromMinutes(5), await timer);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromMinutes(5));
        using var response = await call.WaitAsync(RealTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Plain_polly_pipeline_over_responses_returns_a_bad_request_unretried_with_its_body_readable()
    {
        await using var server = new ScriptedHttpServer(new Reply(400, "{\"message\":\"The request is invalid.\"}"), new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(XeroErrors.XeroRetryStrategy.CreateOptions(OneHour))
            .Build();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await pipeline.ExecuteAsync(async ct => await http.GetAsync("projects.xro/2.0/projects", ct), CancellationToken.None).AsTask().WaitAsync(RealTimeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var ex = await Assert.ThrowsAsync<XeroErrors.XeroBadRequestException>(() => XeroErrors.XeroResponseClassifier.EnsureSuccessAsync(response));
        Assert.Equal("The request is invalid.", ex.ValidationMessage);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Plain_polly_pipeline_returns_an_offline_organisation_unretried_when_its_wait_is_too_long_and_the_body_still_classifies()
    {
        // The strategy read the 503's body to classify it; the caller must still be able to.
        await using var server = new ScriptedHttpServer(new Reply(503, OrganisationOffline), new Reply(200, "{}"));
        var time = new WatchedTimeProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(XeroErrors.XeroRetryStrategy.CreateOptions(TimeSpan.FromMinutes(1)))
            .Build();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await pipeline.ExecuteAsync(async ct => await http.GetAsync("projects.xro/2.0/projects", ct), CancellationToken.None).AsTask().WaitAsync(RealTimeout);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(time.DueTimes);
        var ex = await Assert.ThrowsAsync<XeroErrors.XeroOrganisationOfflineException>(() => XeroErrors.XeroResponseClassifier.EnsureSuccessAsync(response));
        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
        Assert.Equal(OrganisationOffline, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The README's IHttpClientFactory setup: the resilience handler outside, the error handler inside it, so
    /// that the retry strategy sees the typed exceptions.
    /// </summary>
    private static ServiceProvider Services(ScriptedHttpServer server, TimeProvider time, TimeSpan maxDelay, List<TimeSpan> retries)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddTransient<XeroErrors.XeroErrorHandler>();
        var http = services.AddHttpClient("xero", client => client.BaseAddress = server.BaseAddress);
        http.AddResilienceHandler("xero-retry", builder =>
            {
                var options = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    OnRetry = args =>
                    {
                        lock (retries)
                        {
                            retries.Add(args.RetryDelay);
                        }

                        return default;
                    },
                };
                builder.AddRetry(XeroErrors.XeroRetryStrategy.Configure(options, maxDelay));
            });
        http.AddHttpMessageHandler<XeroErrors.XeroErrorHandler>();
        return services.BuildServiceProvider();
    }
}
