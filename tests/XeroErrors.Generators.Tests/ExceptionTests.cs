namespace XeroErrors.Generators.Tests;

/// <summary>The exceptions: the right type per kind, useful messages, and bodies read into properties.</summary>
public class ExceptionTests
{
    [Theory]
    [InlineData(400, null, typeof(XeroBadRequestException))]
    [InlineData(401, null, typeof(XeroUnauthorizedException))]
    [InlineData(403, null, typeof(XeroForbiddenException))]
    [InlineData(404, null, typeof(XeroNotFoundException))]
    [InlineData(500, null, typeof(XeroInternalErrorException))]
    [InlineData(429, null, typeof(XeroRateLimitExceededException))]
    [InlineData(503, SeedResponses.LegacyRateLimit, typeof(XeroRateLimitExceededException))]
    [InlineData(503, SeedResponses.Maintenance, typeof(XeroNotAvailableException))]
    [InlineData(503, SeedResponses.OrganisationOffline, typeof(XeroOrganisationOfflineException))]
    [InlineData(418, "I'm a teapot", typeof(XeroApiException))]
    [InlineData(0, null, typeof(XeroApiException))]
    [InlineData(999, null, typeof(XeroApiException))]
    public void EnsureSuccessThrowsTheKindsException(int status, string? body, Type expected)
    {
        var ex = Assert.ThrowsAny<XeroApiException>(() => XeroResponseClassifier.EnsureSuccess(status, body));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.Summary, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(304)]
    public void EnsureSuccessReturnsForSuccessesAndRedirects(int status) => XeroResponseClassifier.EnsureSuccess(status, "body");

    [Fact]
    public void TheSeedsValidationBodyBecomesData()
    {
        var ex = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(400, SeedResponses.ValidationBody), SeedResponses.ValidationBody));

        Assert.Equal("The request is invalid.", ex.ValidationMessage);
        Assert.Equal(["model.Name", "model.ContactId"], ex.ModelState.Keys);
        Assert.Equal(["The Project Name cannot be empty"], ex.ModelState["model.Name"]);
        Assert.Equal(["The ContactId cannot be null or empty"], ex.ModelState["model.ContactId"]);
        Assert.Equal(
            "Xero API responded 400 Bad Request. model.Name: The Project Name cannot be empty; model.ContactId: The ContactId cannot be null or empty.",
            ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{\"message\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"message\": 42, \"modelState\": [\"x\"]}")]
    [InlineData("<html>Bad Request</html>")]
    public void AMalformedValidationBodyGivesAnEmptyModelState(string? body)
    {
        var ex = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(400, body), body));

        Assert.NotNull(ex.ModelState);
        Assert.Empty(ex.ModelState);
        Assert.Null(ex.ValidationMessage);
        Assert.Equal("Xero API responded 400 Bad Request.", ex.Message);
    }

    [Fact]
    public void ModelStateValuesThatAreNotArraysAreKeptAsMessages()
    {
        const string body = """{"Message":"Invalid.","ModelState":{"a":"single","b":7,"c":null,"d":["x", 1, null, {"y":2}]}}""";

        var ex = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(400, body), body));

        Assert.Equal("Invalid.", ex.ValidationMessage);
        Assert.Equal(["single"], ex.ModelState["a"]);
        Assert.Equal(["7"], ex.ModelState["b"]);
        Assert.Empty(ex.ModelState["c"]);
        // An object inside the list is no message: it is skipped, and the rest is kept.
        Assert.Equal(["x", "1"], ex.ModelState["d"]);
    }

    [Fact]
    public void AOneLinePlainTextBodyIsQuotedAndAnHtmlPageIsNot()
    {
        var text = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(400, "not json"), "not json"));
        var html = Assert.IsType<XeroNotFoundException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(404, "<html><body>Not here</body></html>"), "<html><body>Not here</body></html>"));

        Assert.Equal("Xero API responded 400 Bad Request. not json.", text.Message);
        Assert.Empty(text.ModelState);
        Assert.Equal("Xero API responded 404 Not Found.", html.Message);
    }

    [Fact]
    public void JsonNestedAHundredThousandLevelsDeepIsRefusedQuietly()
    {
        var body = "{\"modelState\":{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}}";

        var ex = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(400, body), body));

        Assert.Empty(ex.ModelState);
    }

    [Fact]
    public void AnExpiredTokenIsSomethingTheClientCanActOn()
    {
        var ex = Assert.IsType<XeroUnauthorizedException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(401, SeedResponses.TokenExpired), SeedResponses.TokenExpired));

        Assert.Equal("Unauthorized", ex.Title);
        Assert.Equal("TokenExpired: token expired at 11/28/2026 10:00:00", ex.Detail);
        Assert.Equal("TokenExpired", ex.DetailCode);
        Assert.True(ex.IsTokenExpired);
        Assert.Contains("TokenExpired", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AForbiddenProblemBodyNamesTheReason()
    {
        var ex = Assert.IsType<XeroForbiddenException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(403, SeedResponses.AuthenticationUnsuccessful), SeedResponses.AuthenticationUnsuccessful));

        Assert.Equal("Forbidden", ex.Title);
        Assert.Equal("AuthenticationUnsuccessful", ex.DetailCode);
        Assert.False(ex.IsTokenExpired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Unauthorized")]
    [InlineData("{\"Detail\": {\"nested\": true}}")]
    public void AnUnusualProblemBodyLeavesThePropertiesNull(string? body)
    {
        var ex = Assert.IsType<XeroUnauthorizedException>(XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(401, body), body));

        Assert.Null(ex.Title);
        Assert.Null(ex.Detail);
        Assert.False(ex.IsTokenExpired);
    }

    [Fact]
    public void TheMessageNamesTheCorrelationIdAndTheHeadersAreProperties()
    {
        var headers = XeroResponseHeaders.FromPairs([new("Xero-Correlation-Id", "abc-123"), new("X-Rate-Limit-Problem", "day"), new("Retry-After", "3600"), new("X-DayLimit-Remaining", "0")]);

        var ex = Assert.Throws<XeroRateLimitExceededException>(() => XeroResponseClassifier.EnsureSuccess(429, null, headers));

        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: day limit; not transient, wait 1 hour before retrying. Xero-Correlation-Id: abc-123.", ex.Message);
        Assert.Equal("abc-123", ex.CorrelationId);
        Assert.Equal(XeroRateLimitProblem.Day, ex.RateLimitProblem);
        Assert.Equal(0, ex.DayLimitRemaining);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.False(ex.IsTransient);
        Assert.Equal(XeroResponseKind.RateLimitExceeded, ex.Kind);
    }

    [Fact]
    public void TheBodyIsKeptTruncatedToAStatedSize()
    {
        var body = new string('x', XeroApiException.MaxResponseBodyLength - 1) + "\U0001F600" + new string('y', 100);

        var ex = XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(404, body), body);

        Assert.Equal(XeroApiException.MaxResponseBodyLength - 1, ex.ResponseBody!.Length);
        Assert.StartsWith(ex.ResponseBody, body, StringComparison.Ordinal);
    }
}
