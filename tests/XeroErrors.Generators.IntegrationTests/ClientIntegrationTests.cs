using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Flurl.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Polly;
using Polly.CircuitBreaker;
using Refit;
using RestSharp;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>The Projects API as a Refit user declares it.</summary>
public interface IXeroProjectsApi
{
    [Get("/projects.xro/2.0/projects")]
    Task<string> GetProjectsAsync();

    [Get("/projects.xro/2.0/projects")]
    Task<IApiResponse<string>> GetProjectsResponseAsync();
}

/// <summary>
/// Each client's one line of glue, with the real packages (Refit, Flurl.Http, RestSharp, Kiota, the standard
/// resilience handler) against a loopback server that answers as Xero does: the typed exception comes out unwrapped
/// (or through <c>Find</c>) with its body and headers read, a success is untouched, and a refused connection stays
/// the client's own exception.
/// </summary>
public sealed class ClientIntegrationTests
{
    private const string ProjectsPath = "projects.xro/2.0/projects";
    private const string Success = "{\"projects\":[]}";
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The error answers, by name; each carries a correlation id of its own.</summary>
    public static TheoryData<string> Errors => new() { "bad-request", "offline", "rate-limit", "token-expired" };

    private static Reply ErrorReply(string name) => name switch
    {
        "bad-request" => new Reply(400, SeedBodies.Validation, ("Content-Type", "application/json"), ("Xero-Correlation-Id", "corr-" + name)),
        "offline" => new Reply(503, SeedBodies.OrganisationOffline, ("Xero-Correlation-Id", "corr-" + name)),
        "rate-limit" => new Reply(429, string.Empty, ("Retry-After", "7"), ("X-Rate-Limit-Problem", "minute"), ("Xero-Correlation-Id", "corr-" + name)),
        "token-expired" => new Reply(401, SeedBodies.TokenExpired, ("Content-Type", "application/json"), ("Xero-Correlation-Id", "corr-" + name)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>What a user checks on the typed exception for each answer.</summary>
    private static void AssertTyped(string name, XeroApiException? ex)
    {
        Assert.NotNull(ex);
        Assert.Equal("corr-" + name, ex.CorrelationId);
        switch (name)
        {
            case "bad-request":
                var bad = Assert.IsType<XeroBadRequestException>(ex);
                Assert.Equal("The request is invalid.", bad.ValidationMessage);
                Assert.Equal(["The Project Name cannot be empty"], bad.ModelState["model.Name"]);
                break;
            case "offline":
                Assert.IsType<XeroOrganisationOfflineException>(ex);
                Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
                break;
            case "rate-limit":
                Assert.IsType<XeroRateLimitExceededException>(ex);
                Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
                Assert.Equal(XeroRateLimitProblem.Minute, ex.RateLimitProblem);
                break;
            case "token-expired":
                var unauthorized = Assert.IsType<XeroUnauthorizedException>(ex);
                Assert.True(unauthorized.IsTokenExpired);
                break;
        }
    }

    // ---- Refit -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Refit_exception_factory_throws_the_typed_exception_unwrapped(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));
        var api = RefitWithFactory(server.BaseAddress);

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => api.GetProjectsAsync().WaitAsync(RealTimeout));

        AssertTyped(name, ex);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Refit_exception_factory_leaves_a_success_to_refit()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, Success));
        var api = RefitWithFactory(server.BaseAddress);

        Assert.Equal(Success, await api.GetProjectsAsync().WaitAsync(RealTimeout));
    }

    [Fact]
    public async Task Refit_exception_factory_leaves_a_refused_connection_as_refits_own_exception()
    {
        var api = RefitWithFactory(RefusedAddress());

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => api.GetProjectsAsync().WaitAsync(RealTimeout));

        Assert.IsNotAssignableFrom<XeroApiException>(ex);
        Assert.Null(XeroApiException.Find(ex));
        Assert.NotNull(FindInChain<SocketException>(ex));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Refit_api_response_error_converts_to_the_typed_exception_with_refits_as_inner(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));
        var api = RestService.For<IXeroProjectsApi>(new HttpClient { BaseAddress = server.BaseAddress });

        using var response = await api.GetProjectsResponseAsync().WaitAsync(RealTimeout);

        Assert.False(response.IsSuccessStatusCode);
        var refits = Assert.IsAssignableFrom<Refit.ApiException>(response.Error);
        var ex = XeroResponseClassifier.CreateException(refits);
        AssertTyped(name, ex);
        Assert.Same(refits, ex.InnerException);
    }

    [Fact]
    public async Task Refit_api_response_success_has_no_error()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, Success));
        var api = RestService.For<IXeroProjectsApi>(new HttpClient { BaseAddress = server.BaseAddress });

        using var response = await api.GetProjectsResponseAsync().WaitAsync(RealTimeout);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Null(response.Error);
        Assert.Equal(Success, response.Content);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Refit_client_from_the_factory_takes_the_exception_factory(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<IXeroProjectsApi>(new RefitSettings { ExceptionFactory = XeroResponseClassifier.CreateExceptionAsync })
            .ConfigureHttpClient(c => c.BaseAddress = server.BaseAddress);
        using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => provider.GetRequiredService<IXeroProjectsApi>().GetProjectsAsync().WaitAsync(RealTimeout));

        AssertTyped(name, ex);
    }

    // ---- Flurl -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Flurl_on_error_throws_the_typed_exception_unwrapped(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));
        using var client = new FlurlClient(server.BaseAddress.ToString()).OnError(XeroResponseClassifier.ThrowIfErrorAsync);

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => client.Request(ProjectsPath).GetStringAsync().WaitAsync(RealTimeout));

        AssertTyped(name, ex);
        Assert.IsAssignableFrom<FlurlHttpException>(ex.InnerException);
    }

    [Fact]
    public async Task Flurl_on_error_leaves_a_success_untouched()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, Success));
        using var client = new FlurlClient(server.BaseAddress.ToString()).OnError(XeroResponseClassifier.ThrowIfErrorAsync);

        Assert.Equal(Success, await client.Request(ProjectsPath).GetStringAsync().WaitAsync(RealTimeout));
    }

    [Fact]
    public async Task Flurl_on_error_leaves_a_refused_connection_as_flurls_own_exception()
    {
        using var client = new FlurlClient(RefusedAddress().ToString()).OnError(XeroResponseClassifier.ThrowIfErrorAsync);

        var ex = await Assert.ThrowsAnyAsync<FlurlHttpException>(() => client.Request(ProjectsPath).GetStringAsync().WaitAsync(RealTimeout));

        Assert.Null(ex.StatusCode);
        Assert.Null(XeroApiException.Find(ex));
    }

    [Fact]
    public async Task Flurl_response_headers_read_as_tuples()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("rate-limit"));
        using var client = new FlurlClient(server.BaseAddress.ToString());

        using var response = await client.Request(ProjectsPath).AllowAnyHttpStatus().GetAsync().WaitAsync(RealTimeout);
        var headers = XeroResponseHeaders.FromPairs(response.Headers);

        Assert.Equal(TimeSpan.FromSeconds(7), headers.RetryAfter);
        Assert.Equal(XeroRateLimitProblem.Minute, headers.RateLimitProblem);
        Assert.Equal("corr-rate-limit", headers.CorrelationId);
    }

    // ---- RestSharp ---------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task RestSharp_ensure_success_throws_the_typed_exception_with_headers(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));
        using var client = new RestClient(new RestClientOptions(server.BaseAddress));

        var response = await client.ExecuteAsync(new RestRequest(ProjectsPath)).WaitAsync(RealTimeout);

        var ex = Assert.ThrowsAny<XeroApiException>(() => XeroResponseClassifier.EnsureSuccess(response));
        AssertTyped(name, ex);
        Assert.Equal(ex.Classification, XeroResponseClassifier.Classify(response));
    }

    [Fact]
    public async Task RestSharp_ensure_success_returns_for_a_success()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, Success));
        using var client = new RestClient(new RestClientOptions(server.BaseAddress));

        var response = await client.ExecuteAsync(new RestRequest(ProjectsPath)).WaitAsync(RealTimeout);

        XeroResponseClassifier.EnsureSuccess(response);
        Assert.True(XeroResponseClassifier.Classify(response).IsSuccess);
        Assert.Equal(Success, response.Content);
    }

    [Fact]
    public async Task RestSharp_refused_connection_rethrows_restsharps_own_exception_and_classifies_as_unknown()
    {
        using var client = new RestClient(new RestClientOptions(RefusedAddress()));

        var response = await client.ExecuteAsync(new RestRequest(ProjectsPath)).WaitAsync(RealTimeout);

        Assert.Equal(XeroResponseKind.Unknown, XeroResponseClassifier.Classify(response).Kind);
        var ex = Assert.ThrowsAny<Exception>(() => XeroResponseClassifier.EnsureSuccess(response));
        Assert.Same(response.ErrorException, ex);
        Assert.Null(XeroApiException.Find(ex));
    }

    // ---- Kiota -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Kiota_with_the_handler_last_throws_the_typed_exception_without_kiotas_retries(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));
        var adapter = KiotaAdapter(server.BaseAddress);

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => adapter.SendPrimitiveAsync<Stream>(KiotaRequest(server.BaseAddress)).WaitAsync(RealTimeout));

        AssertTyped(name, ex);
        // Kiota's RetryHandler, outside the error handler, never sees the 429 or 503 as a response to retry.
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Kiota_with_the_handler_last_leaves_a_success_untouched()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, Success));
        var adapter = KiotaAdapter(server.BaseAddress);

        await using var stream = await adapter.SendPrimitiveAsync<Stream>(KiotaRequest(server.BaseAddress)).WaitAsync(RealTimeout);

        Assert.NotNull(stream);
        Assert.Equal(Success, await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task Kiota_refused_connection_stays_the_http_clients_exception()
    {
        var address = RefusedAddress();
        var adapter = KiotaAdapter(address);

        var ex = await Assert.ThrowsAnyAsync<HttpRequestException>(() => adapter.SendPrimitiveAsync<Stream>(KiotaRequest(address)).WaitAsync(RealTimeout));

        Assert.Null(XeroApiException.Find(ex));
    }

    // ---- What the exception records of the request ---------------------------------------------------------------

    private const string Tenant = "6e0ea4b3-4bb6-4f38-8c5c-9a3f5c3a0f11";
    private const string QuerySecret = "s3cret-query-value";
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.token-that-must-never-be-logged";

    /// <summary>A Projects call as a client sends it: a query with a secret in it, a bearer token and the tenant.</summary>
    private static HttpRequestMessage ProjectsRequest(HttpMethod method)
    {
        var request = new HttpRequestMessage(method, ProjectsPath + "?states=INPROGRESS&apiKey=" + QuerySecret);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        request.Headers.TryAddWithoutValidation("xero-tenant-id", Tenant);
        return request;
    }

    /// <summary>The method, path and tenant are on the exception and in its text; the query and the token are in neither.</summary>
    private static void AssertRecordsTheRequestSafely(XeroApiException ex, string method)
    {
        Assert.Equal(method, ex.RequestMethod);
        Assert.Equal("/" + ProjectsPath, ex.RequestPath);
        Assert.Equal(Tenant, ex.TenantId);
        Assert.Contains($"Request: {method} /{ProjectsPath} (xero-tenant-id: {Tenant})", ex.ToString(), StringComparison.Ordinal);
        foreach (var secret in new[] { QuerySecret, "apiKey", "states=", Token, "Bearer" })
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Handler_records_the_method_path_and_tenant_but_never_the_query_or_token(string method)
    {
        await using var server = new ScriptedHttpServer(ErrorReply("rate-limit"));
        using var client = new HttpClient(new XeroErrorHandler(new HttpClientHandler())) { BaseAddress = server.BaseAddress };
        using var request = ProjectsRequest(new HttpMethod(method));

        var ex = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => client.SendAsync(request).WaitAsync(RealTimeout));

        AssertRecordsTheRequestSafely(ex, method);
        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: minute limit; retry after 7 s. Xero-Correlation-Id: corr-rate-limit.", ex.Message);

        // The secret did go out: what keeps it out of the exception is the exception, not the test.
        Assert.Contains(QuerySecret, Assert.Single(server.Requests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_says_the_specs_wait_for_an_offline_organisation()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("offline"));
        using var client = new HttpClient(new XeroErrorHandler(new HttpClientHandler())) { BaseAddress = server.BaseAddress };
        using var request = ProjectsRequest(HttpMethod.Get);

        var ex = await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => client.SendAsync(request).WaitAsync(RealTimeout));

        AssertRecordsTheRequestSafely(ex, "GET");
        Assert.StartsWith("Xero API responded 503 Organisation Offline: retry after 5 minutes.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refit_exception_factory_records_the_request_but_never_the_query_or_token()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("bad-request"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = ProjectsRequest(HttpMethod.Post);
        using var response = await http.SendAsync(request).WaitAsync(RealTimeout);

        var ex = Assert.IsType<XeroBadRequestException>(await XeroResponseClassifier.CreateExceptionAsync(response));

        AssertRecordsTheRequestSafely(ex, "POST");
    }

    [Fact]
    public async Task Flurl_on_error_records_the_request_and_its_own_text_has_no_query_or_token()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("rate-limit"));
        using var client = new FlurlClient(server.BaseAddress.ToString()).OnError(XeroResponseClassifier.ThrowIfErrorAsync);

        var ex = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => client.Request(ProjectsPath)
            .SetQueryParam("apiKey", QuerySecret)
            .WithHeader("xero-tenant-id", Tenant)
            .WithOAuthBearerToken(Token)
            .GetStringAsync()
            .WaitAsync(RealTimeout));

        Assert.Equal("GET", ex.RequestMethod);
        Assert.Equal("/" + ProjectsPath, ex.RequestPath);
        Assert.Equal(Tenant, ex.TenantId);
        Assert.DoesNotContain(QuerySecret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);

        // The typed exception's own text has no query. Flurl's exception, kept as the inner exception, names the whole URL
        // in its message, so ToString() shows the query there: that text is Flurl's (docs/spec-format.md says so).
        var own = ex.ToString().Split(" ---> ")[0];
        Assert.Contains($"Request: GET /{ProjectsPath} (xero-tenant-id: {Tenant})", own, StringComparison.Ordinal);
        Assert.DoesNotContain(QuerySecret, own, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FlurlHttpException>(ex.InnerException);
    }

    // ---- IHttpClientFactory and the standard resilience handler -------------------------------------------------

    [Fact]
    public async Task Standard_resilience_handler_retries_a_rate_limit_after_its_retry_after()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("rate-limit"), new Reply(200, Success));

        // Disposed after the provider: a real deadline, so that a failed assertion cannot leave the call waiting on
        // the fake clock, which would hang the provider's disposal.
        using var deadline = new CancellationTokenSource(RealTimeout);
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = StandardServices(server.BaseAddress, time, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var call = client.GetAsync(ProjectsPath, deadline.Token);
        await WaitUntilAsync(() => time.DueTimes.Contains(TimeSpan.FromSeconds(7)));
        Assert.Equal([TimeSpan.FromSeconds(7)], retries);

        time.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "The retry went out before the advised wait.");
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await call.WaitAsync(RealTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Success, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("bad-request")]
    [InlineData("token-expired")]
    public async Task Standard_resilience_handler_passes_a_lasting_error_through_unretried(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name), new Reply(200, Success));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = StandardServices(server.BaseAddress, time, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => client.GetAsync(ProjectsPath).WaitAsync(RealTimeout));

        AssertTyped(name, ex);
        Assert.Empty(retries);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Standard_resilience_handler_still_retries_a_per_attempt_timeout_after_configure()
    {
        using var deadline = new CancellationTokenSource(RealTimeout);
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        var primary = new FirstAttemptHangs();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddTransient<XeroErrorHandler>();
        var http = services.AddHttpClient("xero", c => c.BaseAddress = new Uri("http://xero.invalid/"));
        http.ConfigurePrimaryHttpMessageHandler(() => primary);
        http.AddStandardResilienceHandler(o =>
        {
            o.Retry.OnRetry = args => Record(retries, args.RetryDelay);
            XeroRetryStrategy.Configure(o, TimeSpan.FromMinutes(1));
        });
        http.AddHttpMessageHandler<XeroErrorHandler>();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var call = client.GetAsync(ProjectsPath, deadline.Token);
        var attemptTimeout = new HttpStandardResilienceOptions().AttemptTimeout.Timeout;

        // The timeout's timer is set (CancelAfter, not a new timer's due time) before the attempt starts.
        await WaitUntilAsync(() => primary.Attempts == 1);
        time.Advance(attemptTimeout);
        await WaitUntilAsync(() => retries.Count == 1);

        // The standard options' own delay (exponential with jitter) for an outcome that is not Xero's.
        time.Advance(retries[0]);
        using var response = await call.WaitAsync(RealTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, primary.Attempts);
    }

    [Fact]
    public async Task Standard_resilience_handler_returns_a_wait_longer_than_its_total_timeout_at_once()
    {
        // The standard total request timeout is 30 seconds; a wait of 45 would only end in a timeout.
        await using var server = new ScriptedHttpServer(
            new Reply(429, string.Empty, ("Retry-After", "45"), ("X-Rate-Limit-Problem", "minute"), ("Xero-Correlation-Id", "corr-long")),
            new Reply(200, Success));
        var time = new WatchedTimeProvider();
        var retries = new List<TimeSpan>();
        using var provider = StandardServices(server.BaseAddress, time, retries);
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("xero");

        var ex = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => client.GetAsync(ProjectsPath).WaitAsync(RealTimeout));

        Assert.Equal(TimeSpan.FromSeconds(45), ex.RetryAfter);
        Assert.Empty(retries);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Kiota_with_a_resilience_handler_before_the_error_handler_retries_after_the_advised_wait()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("rate-limit"), new Reply(200, Success));
        var time = new WatchedTimeProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(XeroRetryStrategy.CreateOptions(maxDelay: TimeSpan.FromMinutes(1)))
            .Build();
        var handlers = KiotaClientFactory.CreateDefaultHandlers();
        handlers.Add(new ResilienceHandler(pipeline));
        handlers.Add(new XeroErrorHandler());
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: KiotaClientFactory.Create(handlers)) { BaseUrl = server.BaseAddress.ToString() };

        var call = adapter.SendPrimitiveAsync<Stream>(KiotaRequest(server.BaseAddress));
        await WaitUntilAsync(() => time.DueTimes.Contains(TimeSpan.FromSeconds(7)));
        Assert.Equal(1, server.RequestCount);
        time.Advance(TimeSpan.FromSeconds(7));

        await using var stream = await call.WaitAsync(RealTimeout);
        Assert.Equal(Success, await new StreamReader(stream!).ReadToEndAsync());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Configured_circuit_breaker_counts_transient_kinds_and_not_lasting_ones()
    {
        var breaker = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(XeroRetryStrategy.ConfigureCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                MinimumThroughput = 2,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromMinutes(1),
            }))
            .Build();
        var badRequest = Typed(400, SeedBodies.Validation);
        var offline = Typed(503, SeedBodies.OrganisationOffline);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<XeroBadRequestException>(() => breaker.ExecuteAsync(_ => FailAsync(badRequest)).AsTask());
        }

        // A wrapped offline organisation counts as a failure too.
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => breaker.ExecuteAsync(_ => FailAsync(new HttpRequestException("wrapped", offline))).AsTask());
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => breaker.ExecuteAsync(_ => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK))).AsTask());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static IXeroProjectsApi RefitWithFactory(Uri baseAddress) =>
        RestService.For<IXeroProjectsApi>(
            new HttpClient { BaseAddress = baseAddress },
            new RefitSettings { ExceptionFactory = XeroResponseClassifier.CreateExceptionAsync });

    private static HttpClientRequestAdapter KiotaAdapter(Uri baseAddress)
    {
        // The error handler last, nearest the network: placed before Kiota's RetryHandler, it would let that
        // retry 429 and 503 with its own waits and then throw "Too many retries performed".
        var handlers = KiotaClientFactory.CreateDefaultHandlers();
        handlers.Add(new XeroErrorHandler());
        var http = KiotaClientFactory.Create(handlers);
        return new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseAddress.ToString() };
    }

    private static RequestInformation KiotaRequest(Uri baseAddress) =>
        new() { HttpMethod = Microsoft.Kiota.Abstractions.Method.GET, URI = new Uri(baseAddress, ProjectsPath) };

    /// <summary>The setup the generated docs give for the standard resilience handler.</summary>
    private static ServiceProvider StandardServices(Uri baseAddress, TimeProvider time, List<TimeSpan> retries)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddTransient<XeroErrorHandler>();
        var http = services.AddHttpClient("xero", c => c.BaseAddress = baseAddress);
        http.AddStandardResilienceHandler(o =>
        {
            o.Retry.OnRetry = args => Record(retries, args.RetryDelay);
            XeroRetryStrategy.Configure(o, TimeSpan.FromMinutes(1));
        });
        http.AddHttpMessageHandler<XeroErrorHandler>();
        return services.BuildServiceProvider();
    }

    private static ValueTask Record(List<TimeSpan> retries, TimeSpan delay)
    {
        lock (retries)
        {
            retries.Add(delay);
        }

        return default;
    }

    private static async ValueTask<HttpResponseMessage> FailAsync(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    private static XeroApiException Typed(int status, string body) =>
        XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(status, body), body);

    /// <summary>An address on the loopback interface where nothing listens.</summary>
    private static Uri RefusedAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static T? FindInChain<T>(Exception? ex)
        where T : Exception
    {
        for (; ex != null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + RealTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the pipeline.");
            await Task.Delay(10);
        }
    }

    /// <summary>A primary handler whose first request never answers (until cancelled) and whose next ones succeed.</summary>
    private sealed class FirstAttemptHangs : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Success) };
        }
    }

    /// <summary>The seed's bodies and the gateway's 401, as Xero sends them.</summary>
    private static class SeedBodies
    {
        public const string Validation = """{ "message": "The request is invalid.", "modelState": { "model.Name": ["The Project Name cannot be empty"], "model.ContactId": ["The ContactId cannot be null or empty"] } }""";
        public const string OrganisationOffline = "The Organisation is offline";
        public const string TokenExpired = """{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"TokenExpired: token expired at 11/28/2026 10:00:00","Instance":"d7c5d0a6-7d4b-4a6c-9d0c-2f5e0a8c1b11","Extensions":{}}""";
    }
}
