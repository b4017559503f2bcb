namespace XeroErrors.Generators.Tests;

/// <summary>The API generated from the shipped spec, called for every row and body string of the seed.</summary>
public class ClassifierBehaviourTests
{
    [Theory]
    [InlineData(200, XeroResponseKind.Ok, "OK")]
    [InlineData(201, XeroResponseKind.Created, "Created")]
    [InlineData(204, XeroResponseKind.NoContent, "No Content")]
    public void SuccessRows(int status, XeroResponseKind kind, string summary)
    {
        var result = XeroResponseClassifier.Classify(status, null);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(status, result.StatusCode);
        Assert.True(result.IsSuccess);
        Assert.False(result.IsError);
        Assert.False(result.IsTransient);
        Assert.Null(result.RetryAfter);
        Assert.Equal(summary, result.Summary);
    }

    [Theory]
    [InlineData(400, XeroResponseKind.BadRequest, "Bad Request", false)]
    [InlineData(401, XeroResponseKind.Unauthorized, "Unauthorized", false)]
    [InlineData(403, XeroResponseKind.Forbidden, "Forbidden", false)]
    [InlineData(404, XeroResponseKind.NotFound, "Not Found", false)]
    [InlineData(500, XeroResponseKind.InternalError, "Internal Error", true)]
    [InlineData(429, XeroResponseKind.RateLimitExceeded, "Rate Limit Exceeded", true)]
    public void ErrorRows(int status, XeroResponseKind kind, string summary, bool transient)
    {
        var result = XeroResponseClassifier.Classify(status, "whatever the body says");

        Assert.Equal(kind, result.Kind);
        Assert.False(result.IsSuccess);
        Assert.True(result.IsError);
        Assert.Equal(transient, result.IsTransient);
        Assert.Equal(summary, result.Summary);
    }

    [Theory]
    [InlineData(SeedResponses.Maintenance, XeroResponseKind.NotAvailable)]
    [InlineData(SeedResponses.TemporarilyUnavailable, XeroResponseKind.NotAvailable)]
    [InlineData(SeedResponses.OrganisationOffline, XeroResponseKind.OrganisationOffline)]
    [InlineData(SeedResponses.LegacyRateLimit, XeroResponseKind.RateLimitExceeded)]
    [InlineData("", XeroResponseKind.NotAvailable)]
    [InlineData(null, XeroResponseKind.NotAvailable)]
    [InlineData("<html><body>502 from a proxy</body></html>", XeroResponseKind.NotAvailable)]
    public void The503Bodies(string? body, XeroResponseKind kind)
    {
        var result = XeroResponseClassifier.Classify(503, body);

        Assert.Equal(kind, result.Kind);
        Assert.True(result.IsTransient);
    }

    [Fact]
    public void AnOfflineOrganisationIsRetriedAfterFiveMinutes()
    {
        var result = XeroResponseClassifier.Classify(503, SeedResponses.OrganisationOffline);

        Assert.Equal(TimeSpan.FromMinutes(5), result.RetryAfter);
        Assert.Equal("Organisation Offline", result.Summary);
    }

    [Theory]
    [InlineData("\"The Organisation is offline\"")]
    [InlineData("THE ORGANISATION IS OFFLINE")]
    [InlineData("The Organisation is offline \r\n\t ")]
    [InlineData("<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><p>The Organisation is offline</p></body></html>")]
    public void TheKnownStringIsFoundInQuotesInOtherCaseWithWhiteSpaceOrInsideAPage(string body) =>
        Assert.Equal(XeroResponseKind.OrganisationOffline, XeroResponseClassifier.Classify(503, body).Kind);

    [Fact]
    public void A503WithTheRateLimitHeaderIsARateLimit()
    {
        var headers = XeroResponseHeaders.FromPairs([new("x-rate-limit-problem", "minute"), new("Retry-After", "17")]);

        var result = XeroResponseClassifier.Classify(503, SeedResponses.Maintenance, headers);

        Assert.Equal(XeroResponseKind.RateLimitExceeded, result.Kind);
        Assert.Equal(TimeSpan.FromSeconds(17), result.RetryAfter);
    }

    [Theory]
    [InlineData("minute", XeroRateLimitProblem.Minute, true)]
    [InlineData("appminute", XeroRateLimitProblem.AppMinute, true)]
    [InlineData("Day", XeroRateLimitProblem.Day, false)]
    [InlineData("fortnight", XeroRateLimitProblem.Unknown, true)]
    public void The429RateLimitKindDecidesWhetherItIsTransient(string problem, XeroRateLimitProblem expected, bool transient)
    {
        var headers = XeroResponseHeaders.FromPairs([new("X-Rate-Limit-Problem", problem), new("Retry-After", "86400")]);

        var result = XeroResponseClassifier.Classify(429, null, headers);

        Assert.Equal(XeroResponseKind.RateLimitExceeded, result.Kind);
        Assert.Equal(expected, result.RateLimitProblem);
        Assert.Equal(problem, result.RateLimitProblemText);
        Assert.Equal(transient, result.IsTransient);
        Assert.Equal(TimeSpan.FromDays(1), result.RetryAfter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(99)]
    [InlineData(418)]
    [InlineData(600)]
    [InlineData(999)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void UnlistedStatusesAreUnknownErrors(int status)
    {
        var result = XeroResponseClassifier.Classify(status, "\0garbage\uFFFF");

        Assert.Equal(XeroResponseKind.Unknown, result.Kind);
        Assert.False(result.IsSuccess);
        Assert.True(result.IsError || status is >= 100 and < 400);
        Assert.False(result.IsTransient);
        Assert.Equal("Unknown", result.Summary);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(502, true)]
    [InlineData(504, true)]
    [InlineData(599, true)]
    [InlineData(405, false)]
    [InlineData(418, false)]
    public void UnlistedStatusesAreTransientFor408And5xx(int status, bool transient)
    {
        var result = XeroResponseClassifier.Classify(status, null);

        Assert.Equal(XeroResponseKind.Unknown, result.Kind);
        Assert.Equal(transient, result.IsTransient);
    }

    [Theory]
    [InlineData(202)]
    [InlineData(299)]
    public void UnlistedSuccessStatusesAreUnknownSuccesses(int status)
    {
        var result = XeroResponseClassifier.Classify(status, null);

        Assert.Equal(XeroResponseKind.Unknown, result.Kind);
        Assert.True(result.IsSuccess);
        XeroResponseClassifier.EnsureSuccess(status, null);
    }

    [Fact]
    public void ASuccessIsNeverTransientAndHasNoAdvisedWait()
    {
        var run = Infrastructure.GeneratorHarness.Run("responses:\n  - name: Ok\n    status: 200\n    summary: OK\n    retry: { transient: true, after: 60 }\n");
        var classifier = run.Load().GetType("XeroErrors.XeroResponseClassifier")!;

        var classification = classifier.GetMethod("Classify", [typeof(int), typeof(string)])!.Invoke(null, [200, null])!;

        Assert.Equal(false, classification.GetType().GetProperty("IsTransient")!.GetValue(classification));
        Assert.Null(classification.GetType().GetProperty("RetryAfter")!.GetValue(classification));
    }

    [Fact]
    public void RetryAfterHeaderWinsOverTheSpec()
    {
        var headers = XeroResponseHeaders.FromPairs([new("Retry-After", "42")]);

        Assert.Equal(TimeSpan.FromSeconds(42), XeroResponseClassifier.Classify(503, SeedResponses.OrganisationOffline, headers).RetryAfter);
    }

    [Fact]
    public void RetryAfterAsAnHttpDateIsMeasuredFromTheDateHeader()
    {
        var headers = XeroResponseHeaders.FromPairs([new("Date", "Sat, 28 Nov 2026 10:00:00 GMT"), new("Retry-After", "Sat, 28 Nov 2026 10:02:30 GMT")]);

        Assert.Equal(TimeSpan.FromSeconds(150), XeroResponseClassifier.Classify(429, null, headers).RetryAfter);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    [InlineData("")]
    public void AMalformedRetryAfterFallsBackToTheSpec(string value)
    {
        var headers = XeroResponseHeaders.FromPairs([new("Retry-After", value)]);

        Assert.Null(headers.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(5), XeroResponseClassifier.Classify(503, SeedResponses.OrganisationOffline, headers).RetryAfter);
    }

    [Fact]
    public void RemainingCallCountersAndCorrelationIdAreReadOnSuccessesToo()
    {
        var headers = XeroResponseHeaders.FromPairs(
        [
            new("X-MinLimit-Remaining", "59"),
            new("x-daylimit-remaining", " 4999 "),
            new("X-AppMinLimit-Remaining", "not a number"),
            new("Xero-Correlation-Id", "5a1b7c1c-3f9e-4a55-9d1a-0f2b1e6a7c3d"),
        ]);

        var result = XeroResponseClassifier.Classify(200, null, headers);

        Assert.Equal(59, result.MinLimitRemaining);
        Assert.Equal(4999, result.DayLimitRemaining);
        Assert.Null(result.AppMinLimitRemaining);
        Assert.Equal("5a1b7c1c-3f9e-4a55-9d1a-0f2b1e6a7c3d", result.CorrelationId);
        Assert.Null(result.RateLimitProblem);
    }

    [Fact]
    public void TheFirstValueOfARepeatedHeaderCounts()
    {
        var headers = XeroResponseHeaders.FromHttpHeaders([new("Retry-After", ["7", "9"]), new("retry-after", ["11"])]);

        Assert.Equal(TimeSpan.FromSeconds(7), headers.RetryAfter);
    }

    [Fact]
    public void NoHeadersGiveNulls()
    {
        Assert.Null(XeroResponseHeaders.FromHttpHeaders(null).CorrelationId);
        Assert.Null(XeroResponseHeaders.FromPairs(null).RetryAfter);
        Assert.Null(default(XeroResponseHeaders).MinLimitRemaining);
    }
}

/// <summary>The shipped spec carries the seed's words: IntelliSense and messages show Xero's own text.</summary>
public class ShippedSpecTextTests
{
    [Theory]
    [InlineData(XeroResponseKind.Ok, "OK")]
    [InlineData(XeroResponseKind.Created, "Created")]
    [InlineData(XeroResponseKind.NoContent, "No Content")]
    [InlineData(XeroResponseKind.BadRequest, "Bad Request")]
    [InlineData(XeroResponseKind.Unauthorized, "Unauthorized")]
    [InlineData(XeroResponseKind.NotFound, "Not Found")]
    [InlineData(XeroResponseKind.InternalError, "Internal Error")]
    [InlineData(XeroResponseKind.RateLimitExceeded, "Rate Limit Exceeded")]
    [InlineData(XeroResponseKind.NotAvailable, "Not Available")]
    [InlineData(XeroResponseKind.OrganisationOffline, "Organisation Offline")]
    public void SummariesAreTheSeeds(XeroResponseKind kind, string summary) =>
        Assert.Equal(summary, XeroResponseClassifier.GetSummary(kind));

    [Theory]
    [InlineData("The server has successfully fulfilled the request and that there is no additional content to send in the response.")]
    [InlineData("Invalid authorization credentials or organisation hasn’t been provisioned in Xero Projects.")]
    [InlineData("An unhandled error with the Xero API. Contact the Xero API team if problems persist")]
    [InlineData("The API rate limit for your organisation/application pairing has been exceeded.")]
    [InlineData("API is currently unavailable – typically due to a scheduled outage – try again soon.")]
    [InlineData("A specific organisation may not be available though the Xero APIs themselves are online. In this instance, the below response will be returned. Typically this situation may occur for several minutes. A retry interval of 5mins or so is recommended.")]
    [InlineData("and provide one of the following response bodies:")]
    [InlineData("HTTP 201 for successful modifications with content in the response, and")]
    [InlineData("\"model.ContactId\": [")]
    public void DescriptionsAndNotesAreVerbatim(string text) =>
        Assert.Contains(text, Infrastructure.ShippedSpec.Text, StringComparison.Ordinal);

    [Fact]
    public void TheKindsComeInTheOrderOfTheTableWithAdditionsLast() =>
        Assert.Equal(
            ["Unknown", "Ok", "Created", "NoContent", "BadRequest", "Unauthorized", "NotFound", "InternalError", "RateLimitExceeded", "NotAvailable", "OrganisationOffline", "Forbidden",
             "Conflict", "PayloadTooLarge", "UnprocessableEntity", "NotImplemented", "PreconditionFailed", "TokenRequestRejected"],
            Enum.GetNames<XeroResponseKind>());

    [Fact]
    public void ExistingKindsKeepTheirNumbers() =>
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], new[] { XeroResponseKind.Unknown, XeroResponseKind.Ok, XeroResponseKind.Created, XeroResponseKind.NoContent, XeroResponseKind.BadRequest, XeroResponseKind.Unauthorized, XeroResponseKind.NotFound, XeroResponseKind.InternalError, XeroResponseKind.RateLimitExceeded, XeroResponseKind.NotAvailable, XeroResponseKind.OrganisationOffline, XeroResponseKind.Forbidden }.Select(k => (int)k));
}
