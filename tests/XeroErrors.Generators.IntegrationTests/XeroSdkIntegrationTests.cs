using Polly;
using Xero.NetStandard.OAuth2.Api;
using Xero.NetStandard.OAuth2.Client;
using XeroErrors.Generators.IntegrationTests.Infrastructure;
using SdkApiException = Xero.NetStandard.OAuth2.Client.ApiException;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// Xero's own SDK (Xero.NetStandard.OAuth2) against a loopback server that answers as Xero does, with the glue
/// generated into this project: the typed exception from the API object's <c>ExceptionFactory</c> and from a caught
/// SDK exception, a success left to the SDK, the SDK's failure to read a success left alone, and a Polly pipeline
/// around SDK calls on a fake clock.
/// </summary>
public sealed class XeroSdkIntegrationTests
{
    private const string AccessToken = "eyJhbGciOiJSUzI1NiJ9.secret-access-token";
    private const string TenantId = "0b8c5b7a-6f4e-4d1e-9c3b-2a1f0e9d8c7b";
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    private const string AccountingValidation = """
        {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{"ValidationErrors":[{"Message":"Email address must be valid"}]}]}
        """;

    private const string PayrollProblem = """
        {"type":"application/problem+json","title":"BadRequest","status":400,"detail":"Validation error occurred.","instance":null,"invalidFields":[{"name":"DateOfBirth","reason":"The Date of Birth is required."}]}
        """;

    private const string TokenExpired = """{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"TokenExpired: token expired at 11/28/2026 10:00:00","Instance":"d7c5d0a6-7d4b-4a6c-9d0c-2f5e0a8c1b11","Extensions":{}}""";
    private const string AuthenticationUnsuccessful = """{"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful","Instance":"5b8f3c1e-0d5a-4a57-9a57-1b0b8f6b2e4c","Extensions":{}}""";

    /// <summary>The error answers, by name; each carries a correlation id of its own.</summary>
    public static TheoryData<string> Errors => new()
    {
        "accounting-400", "payroll-400", "rate-limit", "rate-limit-lower-case", "token-expired", "forbidden", "offline", "not-found",
    };

    private static Reply ErrorReply(string name) => name switch
    {
        "accounting-400" => new Reply(400, AccountingValidation, ("Xero-Correlation-Id", "corr-" + name)),
        "payroll-400" => new Reply(400, PayrollProblem, ("Xero-Correlation-Id", "corr-" + name)),
        "rate-limit" => new Reply(429, string.Empty, ("Retry-After", "7"), ("X-Rate-Limit-Problem", "minute"), ("X-MinLimit-Remaining", "0"), ("X-DayLimit-Remaining", "4321"), ("X-AppMinLimit-Remaining", "9000"), ("Xero-Correlation-Id", "corr-" + name)),
        "rate-limit-lower-case" => new Reply(429, string.Empty, ("retry-after", "7"), ("x-rate-limit-problem", "minute"), ("x-minlimit-remaining", "0"), ("x-daylimit-remaining", "4321"), ("x-appminlimit-remaining", "9000"), ("xero-correlation-id", "corr-" + name)),
        "token-expired" => new Reply(401, TokenExpired, ("Xero-Correlation-Id", "corr-" + name)),
        "forbidden" => new Reply(403, AuthenticationUnsuccessful, ("Xero-Correlation-Id", "corr-" + name)),
        "offline" => new Reply(503, "The Organisation is offline", ("Xero-Correlation-Id", "corr-" + name)),
        "not-found" => new Reply(404, "The resource you're looking for cannot be found", ("Xero-Correlation-Id", "corr-" + name)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>What a user checks on the typed exception; <paramref name="allHeaders"/> is false where the SDK kept only its two.</summary>
    private static void AssertTyped(string name, XeroApiException? ex, bool allHeaders)
    {
        Assert.NotNull(ex);
        if (allHeaders)
        {
            Assert.Equal("corr-" + name, ex.CorrelationId);
        }

        switch (name)
        {
            case "accounting-400":
                var accounting = Assert.IsType<XeroBadRequestException>(ex);
                Assert.Equal(["Email address must be valid"], accounting.ValidationErrors.Select(e => e.Message));
                Assert.Equal("ValidationException", accounting.ErrorType);
                break;
            case "payroll-400":
                var payroll = Assert.IsType<XeroBadRequestException>(ex);
                Assert.Equal([("DateOfBirth", "The Date of Birth is required.")], payroll.ValidationErrors.Select(e => (e.Field, e.Message)));
                break;
            case "rate-limit":
            case "rate-limit-lower-case":
                Assert.IsType<XeroRateLimitExceededException>(ex);
                Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
                Assert.Equal(XeroRateLimitProblem.Minute, ex.RateLimitProblem);
                if (allHeaders)
                {
                    Assert.Equal(0, ex.Headers.MinLimitRemaining);
                    Assert.Equal(4321, ex.Headers.DayLimitRemaining);
                    Assert.Equal(9000, ex.Headers.AppMinLimitRemaining);
                }

                break;
            case "token-expired":
                Assert.True(Assert.IsType<XeroUnauthorizedException>(ex).IsTokenExpired);
                break;
            case "forbidden":
                Assert.Equal("AuthenticationUnsuccessful", Assert.IsType<XeroForbiddenException>(ex).Detail);
                break;
            case "offline":
                Assert.IsType<XeroOrganisationOfflineException>(ex);
                Assert.True(ex.IsTransient);
                Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
                break;
            case "not-found":
                Assert.IsType<XeroNotFoundException>(ex);
                Assert.Equal("The resource you're looking for cannot be found", ex.ResponseBody);
                break;
        }

        // The SDK sends the access token on every request; none of it reaches an exception's text.
        Assert.DoesNotContain(AccessToken, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-access-token", ex.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The call a user makes for each answer: Payroll UK for its problem body, Accounting otherwise.</summary>
    private static Task CallAsync(string name, Uri baseAddress, ExceptionFactory? factory)
    {
        var configuration = new Configuration { BasePath = baseAddress.ToString().TrimEnd('/') };
        if (name == "payroll-400")
        {
            var payroll = new PayrollUkApi(configuration);
            if (factory != null)
            {
                payroll.ExceptionFactory = factory;
            }

            return payroll.GetEmployeesAsync(AccessToken, TenantId);
        }

        var accounting = new AccountingApi(configuration);
        if (factory != null)
        {
            accounting.ExceptionFactory = factory;
        }

        return accounting.GetInvoicesAsync(AccessToken, TenantId);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Exception_factory_throws_the_typed_exception_with_the_sdks_as_inner(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => CallAsync(name, server.BaseAddress, XeroResponseClassifier.CreateException).WaitAsync(RealTimeout));

        AssertTyped(name, ex, allHeaders: true);
        var inner = Assert.IsType<SdkApiException>(ex.InnerException);
        Assert.Equal(ex.StatusCode, inner.ErrorCode);
        Assert.Contains(name == "payroll-400" ? "calling GetEmployees" : "calling GetInvoices", inner.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_caught_sdk_exception_converts_to_the_typed_exception(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name));

        // The SDK's own factory, as an API object has it by default.
        var sdks = await Assert.ThrowsAsync<SdkApiException>(() => CallAsync(name, server.BaseAddress, factory: null).WaitAsync(RealTimeout));
        var ex = XeroResponseClassifier.CreateException(sdks);

        // The SDK's own 429 reads its two headers by their exact names; with lower-case names it keeps neither.
        if (name == "rate-limit-lower-case")
        {
            Assert.IsType<XeroRateLimitExceededException>(ex);
            Assert.Same(sdks, ex.InnerException);
            return;
        }

        AssertTyped(name, ex, allHeaders: false);
        Assert.Same(sdks, ex!.InnerException);
    }

    [Fact]
    public async Task A_success_is_left_to_the_sdk()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, """{"Invoices":[{"InvoiceNumber":"INV-0001"}]}""", ("Content-Type", "application/json")));
        var api = new AccountingApi(new Configuration { BasePath = server.BaseAddress.ToString().TrimEnd('/') }) { ExceptionFactory = XeroResponseClassifier.CreateException };

        var invoices = await api.GetInvoicesAsync(AccessToken, TenantId).WaitAsync(RealTimeout);

        Assert.Equal("INV-0001", Assert.Single(invoices._Invoices).InvoiceNumber);
    }

    [Fact]
    public async Task A_success_the_sdk_cannot_read_stays_the_sdks_own_exception_and_is_not_converted()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, "<html>a proxy's page</html>"));
        var api = new AccountingApi(new Configuration { BasePath = server.BaseAddress.ToString().TrimEnd('/') }) { ExceptionFactory = XeroResponseClassifier.CreateException };

        // The SDK throws before it asks the factory: its own exception, status 500 by the SDK, not by Xero.
        var sdks = await Assert.ThrowsAsync<SdkApiException>(() => api.GetInvoicesAsync(AccessToken, TenantId).WaitAsync(RealTimeout));

        Assert.Equal(500, sdks.ErrorCode);
        Assert.Null(XeroResponseClassifier.CreateException(sdks));
        Assert.Null(XeroApiException.Find(sdks));
    }

    [Fact]
    public async Task One_api_object_serves_sixteen_callers_at_once()
    {
        await using var server = new ScriptedHttpServer(ErrorReply("rate-limit"));
        var api = new AccountingApi(new Configuration { BasePath = server.BaseAddress.ToString().TrimEnd('/') }) { ExceptionFactory = XeroResponseClassifier.CreateException };

        var calls = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            try
            {
                await api.GetInvoicesAsync(AccessToken, TenantId).ConfigureAwait(false);
                return null;
            }
            catch (XeroApiException ex)
            {
                return ex;
            }
        })).ToList();
        var results = await Task.WhenAll(calls).WaitAsync(RealTimeout);

        Assert.All(results, ex => AssertTyped("rate-limit", ex, allHeaders: true));
        Assert.Equal(16, server.RequestCount);
    }

    // ---- Polly around SDK calls ----------------------------------------------------------------------------------

    [Fact]
    public async Task Pipeline_retries_a_rate_limit_after_its_wait()
    {
        await using var server = new ScriptedHttpServer(
            new Reply(429, string.Empty, ("Retry-After", "5"), ("X-Rate-Limit-Problem", "minute")),
            new Reply(200, """{"Invoices":[]}""", ("Content-Type", "application/json")));
        var time = new WatchedTimeProvider();
        var pipeline = Pipeline(time, TimeSpan.FromMinutes(1));
        var api = Api(server);

        var timer = time.NextTimerAsync(RealTimeout);
        var call = pipeline.ExecuteAsync(async token => await api.GetInvoicesAsync(AccessToken, TenantId, cancellationToken: token).ConfigureAwait(false)).AsTask();

        Assert.Equal(TimeSpan.FromSeconds(5), await timer);
        Assert.Equal(1, server.RequestCount);
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "The retry went out before the advised wait.");

        time.Advance(TimeSpan.FromSeconds(1));
        var invoices = await call.WaitAsync(RealTimeout);
        Assert.Empty(invoices._Invoices);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("accounting-400")]
    [InlineData("offline")]
    public async Task Pipeline_does_not_retry_a_bad_request_or_a_wait_beyond_the_maximum(string name)
    {
        await using var server = new ScriptedHttpServer(ErrorReply(name), new Reply(200, """{"Invoices":[]}"""));
        var time = new WatchedTimeProvider();
        var pipeline = Pipeline(time, TimeSpan.FromMinutes(1));
        var api = Api(server);

        var ex = await Assert.ThrowsAnyAsync<XeroApiException>(() => pipeline.ExecuteAsync(async token => await api.GetInvoicesAsync(AccessToken, TenantId, cancellationToken: token).ConfigureAwait(false)).AsTask().WaitAsync(RealTimeout));

        AssertTyped(name, ex, allHeaders: true);
        Assert.Empty(time.DueTimes);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Pipeline_does_not_repeat_a_call_whose_success_the_sdk_could_not_read()
    {
        await using var server = new ScriptedHttpServer(new Reply(200, "<html>a proxy's page</html>"), new Reply(200, """{"Invoices":[]}"""));
        var time = new WatchedTimeProvider();
        var pipeline = Pipeline(time, TimeSpan.FromMinutes(1));
        var api = Api(server);

        await Assert.ThrowsAsync<SdkApiException>(() => pipeline.ExecuteAsync(async token => await api.GetInvoicesAsync(AccessToken, TenantId, cancellationToken: token).ConfigureAwait(false)).AsTask().WaitAsync(RealTimeout));

        Assert.Equal(1, server.RequestCount);
    }

    private static AccountingApi Api(ScriptedHttpServer server) =>
        new(new Configuration { BasePath = server.BaseAddress.ToString().TrimEnd('/') }) { ExceptionFactory = XeroResponseClassifier.CreateException };

    private static ResiliencePipeline Pipeline(TimeProvider time, TimeSpan maxDelay) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(XeroRetryStrategy.CreateExceptionOptions(maxDelay))
            .Build();
}
