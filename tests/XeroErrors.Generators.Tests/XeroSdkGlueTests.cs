using System.Net;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Xero.NetStandard.OAuth2.Client;
using SdkApiException = Xero.NetStandard.OAuth2.Client.ApiException;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The glue for Xero's own SDK, generated into this assembly because it references Xero.NetStandard.OAuth2: the
/// <c>ExceptionFactory</c> method fed the SDK's own response objects (as the SDK builds them, and as a mock leaves
/// them), the conversion of a caught SDK exception, and the retry decision around SDK calls.
/// </summary>
public class XeroSdkGlueTests
{
    private const string AccountingValidation = """
        {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{"ValidationErrors":[{"Message":"Email address must be valid"}]}]}
        """;

    private const string PayrollProblem = """
        {"type":"application/problem+json","title":"BadRequest","status":400,"detail":"Validation error occurred.","instance":null,"invalidFields":[{"name":"DateOfBirth","reason":"The Date of Birth is required."}]}
        """;

    /// <summary>A response as the SDK's ApiClient builds one for an error: the body as a string, each header's values in a list.</summary>
    private static ApiResponse<object> SdkResponse(int status, string? content, params (string Name, string Value)[] headers)
    {
        var map = new Multimap<string, string>();
        foreach (var (name, value) in headers)
        {
            map.Add(name, value);
        }

        return new ApiResponse<object>((HttpStatusCode)status, map, null!) { Content = content };
    }

    [Fact]
    public void TheMethodFitsTheSdksDelegate()
    {
        ExceptionFactory factory = XeroResponseClassifier.CreateException;

        var ex = factory("GetInvoices", SdkResponse(404, "The resource you're looking for cannot be found"));

        Assert.IsType<XeroNotFoundException>(ex);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(399)]
    public void BelowFourHundredTheFactoryGivesNullAsTheSdksOwnDoes(int status)
    {
        var response = SdkResponse(status, "{}");

        Assert.Null(XeroResponseClassifier.CreateException("GetInvoices", response));
        Assert.Null(Configuration.DefaultExceptionFactory("GetInvoices", response));
    }

    [Fact]
    public void AnAccountingValidationErrorGivesItsMessagesAndKeepsTheSdksExceptionAsInner()
    {
        var ex = XeroResponseClassifier.CreateException("CreateInvoices", SdkResponse(400, AccountingValidation, ("Content-Type", "application/json"), ("Xero-Correlation-Id", "corr-1")));

        var bad = Assert.IsType<XeroBadRequestException>(ex);
        Assert.Equal(["Email address must be valid"], bad.ValidationErrors.Select(e => e.Message));
        Assert.Equal("ValidationException", bad.ErrorType);
        Assert.Equal("corr-1", bad.CorrelationId);
        Assert.Equal(AccountingValidation, bad.ResponseBody);

        // The SDK's own exception, as its DefaultExceptionFactory makes it: the method's name is kept for the logs.
        var inner = Assert.IsType<SdkApiException>(bad.InnerException);
        var sdks = (SdkApiException)Configuration.DefaultExceptionFactory("CreateInvoices", SdkResponse(400, AccountingValidation));
        Assert.Equal(sdks.Message, inner.Message);
        Assert.Contains("calling CreateInvoices", inner.Message, StringComparison.Ordinal);
        Assert.Equal(400, inner.ErrorCode);
        Assert.Equal(AccountingValidation, (string)inner.ErrorContent);
    }

    [Fact]
    public void APayrollProblemGivesItsInvalidFields()
    {
        var ex = XeroResponseClassifier.CreateException("CreateEmployee", SdkResponse(400, PayrollProblem));

        var bad = Assert.IsType<XeroBadRequestException>(ex);
        Assert.Equal([("DateOfBirth", "The Date of Birth is required.")], bad.ValidationErrors.Select(e => (e.Field, e.Message)));
    }

    [Theory]
    [InlineData("Retry-After", "X-Rate-Limit-Problem", "X-MinLimit-Remaining", "X-DayLimit-Remaining", "X-AppMinLimit-Remaining")]
    [InlineData("retry-after", "x-rate-limit-problem", "x-minlimit-remaining", "x-daylimit-remaining", "x-appminlimit-remaining")]
    public void ARateLimitReadsEveryHeaderWhateverItsCase(string retryAfter, string problem, string minute, string day, string app)
    {
        var response = SdkResponse(429, string.Empty, (retryAfter, "7"), (problem, "minute"), (minute, "0"), (day, "4321"), (app, "9000"));

        var ex = XeroResponseClassifier.CreateException("GetInvoices", response);

        var limited = Assert.IsType<XeroRateLimitExceededException>(ex);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.Equal(XeroRateLimitProblem.Minute, limited.RateLimitProblem);
        Assert.Equal(0, limited.Headers.MinLimitRemaining);
        Assert.Equal(4321, limited.Headers.DayLimitRemaining);
        Assert.Equal(9000, limited.Headers.AppMinLimitRemaining);
        var inner = Assert.IsType<SdkApiException>(limited.InnerException);
        Assert.Equal(429, inner.ErrorCode);
        Assert.Equal(7, inner.RetryAfter);
        Assert.Equal("minute", inner.LimitType);
        Assert.Equal("Xero API minute rate limit error calling GetInvoices", inner.Message);
    }

    [Fact]
    public void AHeaderValueWithACommaIsReadWhole()
    {
        // An HTTP-date Retry-After holds a comma; the SDK joins several values of one header with commas too.
        var response = SdkResponse(503, "The Xero API is temporarily unavailable", ("Date", "Sun, 06 Dec 2026 10:00:00 GMT"), ("Retry-After", "Sun, 06 Dec 2026 10:00:30 GMT"));

        var ex = XeroResponseClassifier.CreateException("GetInvoices", response);

        var typed = Assert.IsAssignableFrom<XeroApiException>(ex);
        Assert.Equal(503, typed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), typed.RetryAfter);
    }

    [Fact]
    public void AnOfflineOrganisationIsTransientWithTheSpecsWait()
    {
        var ex = XeroResponseClassifier.CreateException("GetInvoices", SdkResponse(503, "The Organisation is offline"));

        var offline = Assert.IsType<XeroOrganisationOfflineException>(ex);
        Assert.True(offline.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(5), offline.RetryAfter);
    }

    [Fact]
    public void AMockedResponseWithoutContentOrHeadersDoesNotThrow()
    {
        // What a mocked ApiResponse<T> looks like: the SDK's own factory throws a NullReferenceException on it.
        var bare = new ApiResponse<object>(HttpStatusCode.InternalServerError, null!);
        Assert.Throws<NullReferenceException>(() => Configuration.DefaultExceptionFactory("GetInvoices", bare));

        var ex = XeroResponseClassifier.CreateException("GetInvoices", bare);

        var typed = Assert.IsType<XeroInternalErrorException>(ex);
        Assert.Null(typed.ResponseBody);
        var inner = Assert.IsType<SdkApiException>(typed.InnerException);
        Assert.Equal(500, inner.ErrorCode);
        Assert.Contains("calling GetInvoices", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullResponseIsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => XeroResponseClassifier.CreateException("GetInvoices", (IApiResponse)null!));
        Assert.Throws<ArgumentNullException>(() => XeroResponseClassifier.CreateException((SdkApiException)null!));
    }

    // ---- A caught SDK exception --------------------------------------------------------------------------------

    [Fact]
    public void ACaughtValidationExceptionConverts()
    {
        var sdks = new SdkApiException(400, "Xero API 400 error calling CreateInvoices :" + AccountingValidation, AccountingValidation);

        var ex = XeroResponseClassifier.CreateException(sdks);

        var bad = Assert.IsType<XeroBadRequestException>(ex);
        Assert.Equal(["Email address must be valid"], bad.ValidationErrors.Select(e => e.Message));
        Assert.Same(sdks, bad.InnerException);
    }

    [Fact]
    public void ACaughtRateLimitKeepsTheWaitAndTheLimit()
    {
        var sdks = new SdkApiException(429, "Xero API day rate limit error calling GetInvoices", string.Empty, 3600, "day");

        var ex = XeroResponseClassifier.CreateException(sdks);

        var limited = Assert.IsType<XeroRateLimitExceededException>(ex);
        Assert.Equal(TimeSpan.FromHours(1), limited.RetryAfter);
        Assert.Equal(XeroRateLimitProblem.Day, limited.RateLimitProblem);
    }

    [Fact]
    public void ARetryAfterOfZeroIsAMissingHeader()
    {
        var ex = XeroResponseClassifier.CreateException(new SdkApiException(429, "limited", string.Empty, 0, null!));

        var limited = Assert.IsType<XeroRateLimitExceededException>(ex);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.Null(limited.RateLimitProblem);
    }

    [Fact]
    public void AnErrorWithAnEmptyBodyConverts()
    {
        var ex = XeroResponseClassifier.CreateException(new SdkApiException(401, "Xero API error calling GetInvoices: ", string.Empty));

        Assert.IsType<XeroUnauthorizedException>(ex);
    }

    [Fact]
    public void TheSdksFailureToReadASuccessIsNotConverted()
    {
        // ApiClient's own exception when it cannot deserialize a 200: status 500, no content. Not Xero's InternalError.
        Assert.Null(XeroResponseClassifier.CreateException(new SdkApiException(500, "Unexpected character encountered while parsing value: <. Path '', line 0, position 0.")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(399)]
    public void ACaughtExceptionBelowFourHundredIsNotConverted(int status)
    {
        Assert.Null(XeroResponseClassifier.CreateException(new SdkApiException(status, "odd", "{}")));
    }

    [Fact]
    public void ContentThatIsNotAStringIsReadAsText()
    {
        var ex = XeroResponseClassifier.CreateException(new SdkApiException(404, "not found", new StringBuilder("The resource you're looking for cannot be found")));

        var typed = Assert.IsType<XeroNotFoundException>(ex);
        Assert.Equal("The resource you're looking for cannot be found", typed.ResponseBody);
    }

    // ---- Retrying around SDK calls -----------------------------------------------------------------------------

    public static TheoryData<string, bool> Decisions => new()
    {
        { "minute-limit", true },
        { "day-limit", false },
        { "offline", false },
        { "bad-request", false },
        { "network", true },
        { "timeout", true },
        { "sdk-read-failure", false },
        { "cancelled", false },
        { "wrapped-minute-limit", true },
    };

    private static Exception DecisionException(string name) => name switch
    {
        "minute-limit" => Sdk(SdkResponse(429, string.Empty, ("Retry-After", "5"), ("X-Rate-Limit-Problem", "minute"))),
        "day-limit" => Sdk(SdkResponse(429, string.Empty, ("Retry-After", "40000"), ("X-Rate-Limit-Problem", "day"))),
        "offline" => Sdk(SdkResponse(503, "The Organisation is offline")),
        "bad-request" => Sdk(SdkResponse(400, AccountingValidation)),
        "network" => new HttpRequestException("refused"),
        "timeout" => new TimeoutRejectedException(),
        "sdk-read-failure" => new SdkApiException(500, "Unexpected character encountered"),
        "cancelled" => new OperationCanceledException(),
        "wrapped-minute-limit" => new AggregateException(Sdk(SdkResponse(429, string.Empty, ("Retry-After", "5")))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static Exception Sdk(IApiResponse response) => XeroResponseClassifier.CreateException("GetInvoices", response)!;

    [Theory]
    [MemberData(nameof(Decisions))]
    public async Task ExceptionOptionsRetryTransientKindsWithinTheMaximumAndNetworkFailuresOnly(string name, bool retried)
    {
        var options = XeroRetryStrategy.CreateExceptionOptions(TimeSpan.FromMinutes(1));
        var context = ResilienceContextPool.Shared.Get();

        var decision = await options.ShouldHandle(new RetryPredicateArguments<object>(context, Outcome.FromException<object>(DecisionException(name)), 0));

        Assert.Equal(retried, decision);
        ResilienceContextPool.Shared.Return(context);
    }

    [Fact]
    public async Task ExceptionOptionsWaitWhatTheResponseAdvisedAndOtherwiseLeaveTheBackoffToPolly()
    {
        var options = XeroRetryStrategy.CreateExceptionOptions(TimeSpan.FromMinutes(10), maxRetryAttempts: 5);
        var context = ResilienceContextPool.Shared.Get();

        Assert.Equal(5, options.MaxRetryAttempts);
        Assert.NotNull(options.DelayGenerator);
        var limited = await options.DelayGenerator(new RetryDelayGeneratorArguments<object>(context, Outcome.FromException<object>(DecisionException("minute-limit")), 0));
        var offline = await options.DelayGenerator(new RetryDelayGeneratorArguments<object>(context, Outcome.FromException<object>(DecisionException("offline")), 0));
        var network = await options.DelayGenerator(new RetryDelayGeneratorArguments<object>(context, Outcome.FromException<object>(new HttpRequestException("refused")), 0));

        Assert.Equal(TimeSpan.FromSeconds(5), limited);
        Assert.Equal(TimeSpan.FromMinutes(5), offline);
        Assert.Null(network);
        ResilienceContextPool.Shared.Return(context);
    }
}
