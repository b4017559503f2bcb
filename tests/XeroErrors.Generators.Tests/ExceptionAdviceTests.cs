using System.Globalization;
using System.Net;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// What the exceptions say a caller should do (the limit hit and the wait advised, in the message) and what they record of
/// the request (method, path, tenant), with no query string and no Authorization header anywhere in their text.
/// </summary>
public class ExceptionAdviceTests
{
    private const string Tenant = "6e0ea4b3-4bb6-4f38-8c5c-9a3f5c3a0f11";
    private const string QuerySecret = "s3cret-query-value";
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.token-that-must-never-be-logged";

    private static XeroApiException Create(int status, string? body, params (string Name, string Value)[] headers) =>
        XeroResponseClassifier.CreateException(
            XeroResponseClassifier.Classify(status, body, XeroResponseHeaders.FromPairs(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)))),
            body);

    [Fact]
    public void A429NamesTheLimitAndTheWait()
    {
        var ex = Create(429, null, ("X-Rate-Limit-Problem", "minute"), ("Retry-After", "5"));

        Assert.IsType<XeroRateLimitExceededException>(ex);
        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: minute limit; retry after 5 s.", ex.Message);
    }

    [Fact]
    public void AnOfflineOrganisationSaysTheSpecsWaitOfFiveMinutes()
    {
        var ex = Create(503, SeedResponses.OrganisationOffline);

        Assert.IsType<XeroOrganisationOfflineException>(ex);
        Assert.StartsWith("Xero API responded 503 Organisation Offline: retry after 5 minutes.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayLimitGivesTheWaitButSaysItIsNotTransient()
    {
        var ex = Create(429, null, ("X-Rate-Limit-Problem", "day"), ("Retry-After", "36000"));

        Assert.False(ex.IsTransient);
        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: day limit; not transient, wait 10 hours before retrying.", ex.Message);
        Assert.DoesNotContain("retry after", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueTheSpecDoesNotNameGivesTheWaitAlone()
    {
        var ex = Create(429, null, ("X-Rate-Limit-Problem", "hour"), ("Retry-After", "60"));

        Assert.Equal(XeroRateLimitProblem.Unknown, ex.RateLimitProblem);
        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: retry after 1 minute.", ex.Message);
    }

    [Fact]
    public void ALimitWithoutAWaitIsNamedAlone()
    {
        var ex = Create(429, null, ("X-Rate-Limit-Problem", "appminute"));

        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: app minute limit.", ex.Message);
    }

    [Fact]
    public void AnErrorWithNoWaitSaysNothingAboutRetrying()
    {
        var ex = Create(404, null, ("Xero-Correlation-Id", "c-9"));

        Assert.Equal("Xero API responded 404 Not Found. Xero-Correlation-Id: c-9.", ex.Message);
    }

    [Theory]
    [InlineData("0", "0 s")]
    [InlineData("1", "1 s")]
    [InlineData("59", "59 s")]
    [InlineData("60", "1 minute")]
    [InlineData("90", "1 minute 30 s")]
    [InlineData("300", "5 minutes")]
    [InlineData("3600", "1 hour")]
    [InlineData("5400", "1 hour 30 minutes")]
    [InlineData("86400", "1 day")]
    [InlineData("90061", "1 day 1 hour 1 minute 1 s")]
    [InlineData("1234567", "14 days 6 hours 56 minutes 7 s")]
    public void WaitsReadTheSameInEveryCulture(string retryAfter, string said)
    {
        foreach (var culture in new[] { "en-US", "de-DE", "ar-SA", "hi-IN" })
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            try
            {
                var ex = Create(429, null, ("X-Rate-Limit-Problem", "minute"), ("Retry-After", retryAfter));

                Assert.Equal($"Xero API responded 429 Rate Limit Exceeded: minute limit; retry after {said}.", ex.Message);
            }
            finally
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    [Fact]
    public void AnHttpDateWaitIsMeasuredFromTheResponsesDate()
    {
        var headers = XeroResponseHeaders.FromPairs([new("Date", "Wed, 21 Oct 2026 07:28:00 GMT"), new("Retry-After", "Wed, 21 Oct 2026 07:30:00 GMT")]);

        var ex = XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(503, null, headers), null);

        Assert.Equal(TimeSpan.FromMinutes(2), ex.RetryAfter);
        Assert.StartsWith("Xero API responded 503 Not Available: retry after 2 minutes.", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A request as a Xero client sends one: a query with a secret in it and a bearer token.</summary>
    private static HttpRequestMessage Request(string uri = "https://api.xero.com/api.xro/2.0/Invoices?where=Status%3D%22PAID%22&apiKey=" + QuerySecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        request.Headers.TryAddWithoutValidation("xero-tenant-id", Tenant);
        return request;
    }

    private static HttpResponseMessage Response(int status, string? body, HttpRequestMessage? request, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
        if (body is not null)
        {
            response.Content = new StringContent(body);
        }

        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private static void AssertRecordsTheRequestSafely(XeroApiException ex, string method = "GET")
    {
        Assert.Equal(method, ex.RequestMethod);
        Assert.Equal("/api.xro/2.0/Invoices", ex.RequestPath);
        Assert.Equal(Tenant, ex.TenantId);
        var text = ex.ToString();
        Assert.Contains($"Request: {method} /api.xro/2.0/Invoices (xero-tenant-id: {Tenant})", text, StringComparison.Ordinal);
        foreach (var secret in new[] { QuerySecret, Token, "Bearer", "apiKey", "where=" })
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnsureSuccessAsyncRecordsTheRequestButNotItsQueryOrToken()
    {
        using var response = Response(429, null, Request(), ("X-Rate-Limit-Problem", "minute"), ("Retry-After", "5"));

        var ex = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));

        AssertRecordsTheRequestSafely(ex);
        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: minute limit; retry after 5 s.", ex.Message);
        Assert.StartsWith(
            typeof(XeroRateLimitExceededException).FullName + ": " + ex.Message + Environment.NewLine + "Request: GET /api.xro/2.0/Invoices (xero-tenant-id: " + Tenant + ")",
            ex.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateExceptionAsyncRecordsTheRequestOnTheKindsSubclass()
    {
        using var response = Response(400, SeedResponses.ValidationBody, Request());

        var ex = Assert.IsType<XeroBadRequestException>(await XeroResponseClassifier.CreateExceptionAsync(response));

        AssertRecordsTheRequestSafely(ex);
        Assert.NotEmpty(ex.ValidationErrors);
    }

    [Fact]
    public async Task TheErrorHandlerRecordsTheRequestEvenWhenTheTransportDoesNotSetIt()
    {
        // A handler that answers without setting RequestMessage, as test doubles and some transports do.
        using var client = new HttpClient(new XeroErrorHandler(new Answer(_ => Response(503, SeedResponses.OrganisationOffline, null))));
        using var request = Request();
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("{\"secret\":\"" + QuerySecret + "\"}");

        var ex = await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => client.SendAsync(request));

        AssertRecordsTheRequestSafely(ex, "POST");
        Assert.StartsWith("Xero API responded 503 Organisation Offline: retry after 5 minutes.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWithoutTheTenantHeaderLeavesTenantIdNull()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "https://identity.xero.com/connections/abc?token=" + QuerySecret);
        using var response = Response(404, null, request);

        var ex = await Assert.ThrowsAsync<XeroNotFoundException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));

        Assert.Equal("DELETE", ex.RequestMethod);
        Assert.Equal("/connections/abc", ex.RequestPath);
        Assert.Null(ex.TenantId);
        Assert.Contains("Request: DELETE /connections/abc" + Environment.NewLine, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(QuerySecret, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARelativeRequestUriKeepsItsPathWithoutTheQuery()
    {
        using var response = Response(404, null, Request("api.xro/2.0/Invoices?apiKey=" + QuerySecret));

        var ex = await Assert.ThrowsAsync<XeroNotFoundException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));

        Assert.Equal("api.xro/2.0/Invoices", ex.RequestPath);
        Assert.DoesNotContain(QuerySecret, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExceptionBuiltWithoutARequestHasNoRequestInformation()
    {
        var built = Create(429, null, ("X-Rate-Limit-Problem", "minute"), ("Retry-After", "5"));
        using var response = Response(429, null, request: null, ("Retry-After", "5"));
        var fromResponse = await Assert.ThrowsAsync<XeroRateLimitExceededException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));

        foreach (var ex in new[] { built, fromResponse })
        {
            Assert.Null(ex.RequestMethod);
            Assert.Null(ex.RequestPath);
            Assert.Null(ex.TenantId);
            Assert.DoesNotContain("Request:", ex.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>An inner handler that answers every request with the response a function makes, and sets nothing else.</summary>
    private sealed class Answer(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }
}
