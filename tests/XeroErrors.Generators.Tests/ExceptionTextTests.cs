using XeroErrors.Machinery;

namespace XeroErrors.Generators.Tests;

/// <summary>The runtime library's text of every spec's exceptions, as ordinary code.</summary>
public sealed class ExceptionTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(-5, "0 s")]
    [InlineData(1.2, "2 s")]
    [InlineData(59, "59 s")]
    [InlineData(60, "1 minute")]
    [InlineData(125, "2 minutes 5 s")]
    [InlineData(5400, "1 hour 30 minutes")]
    [InlineData(36000, "10 hours")]
    [InlineData(90061, "1 day 1 hour 1 minute 1 s")]
    public void AWaitReadsAsAPersonSaysItRoundedUp(double seconds, string expected) =>
        Assert.Equal(expected, ExceptionText.FormatWait(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(null, null, false, null)]
    [InlineData("minute limit", null, true, "minute limit")]
    [InlineData(null, 5.0, true, "retry after 5 s")]
    [InlineData("day limit", 3600.0, false, "day limit; not transient, wait 1 hour before retrying")]
    public void AdviceIsTheReasonThenTheWait(string? reason, double? seconds, bool transient, string? expected) =>
        Assert.Equal(expected, ExceptionText.Advice(reason, seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), transient));

    [Fact]
    public void TheMessageEndsTheDetailsWithAFullStopAndQuotesOnlyTheHeadersTheResponseHas()
    {
        var message = ExceptionText.Message("Xero API responded ", 429, "Rate Limit Exceeded", "minute limit", "Too many requests  \n", 2048, "Xero-Correlation-Id: ", "abc", "X-Other: ", null);

        Assert.Equal("Xero API responded 429 Rate Limit Exceeded: minute limit. Too many requests. Xero-Correlation-Id: abc.", message);
        Assert.Equal("Xero API responded 404 Not Found. Gone!", ExceptionText.Message("Xero API responded ", 404, "Not Found", null, "Gone!", 2048));
    }

    [Fact]
    public void LongDetailsAreCutWithoutSplittingASurrogatePair()
    {
        var details = new string('a', 9) + "\U0001F600" + "tail";

        var message = ExceptionText.Message("API responded ", 400, "Bad Request", null, details, 10);

        Assert.Equal("API responded 400 Bad Request. aaaaaaaaa.", message);
        Assert.Equal(10, ExceptionText.Truncate(new string('b', 20), 10)!.Length);
        Assert.Null(ExceptionText.Truncate(null!, 10));
    }

    [Fact]
    public void TheRequestGoesRightBelowTheMessageAndOnlyWhenItIsKnown()
    {
        var head = "Xero.ApiException: Xero API responded 404 Not Found.";
        var text = head + Environment.NewLine + "   at Somewhere()";

        var withRequest = ExceptionText.WithRequest(text, head, "GET", "/api.xro/2.0/Invoices", "xero-tenant-id", "t-1", "x-other", null);

        Assert.Equal(head + Environment.NewLine + "Request: GET /api.xro/2.0/Invoices (xero-tenant-id: t-1)" + Environment.NewLine + "   at Somewhere()", withRequest);
        Assert.Equal(text, ExceptionText.WithRequest(text, head, null!, null!, "xero-tenant-id", "t-1"));
    }

    [Fact]
    public void FindLooksThroughInnerAndAggregatedExceptions()
    {
        var wanted = new InvalidOperationException("wanted");
        var wrapped = new Exception("outer", new AggregateException(new ArgumentException("other"), new Exception("middle", wanted)));

        Assert.Same(wanted, ExceptionText.Find<InvalidOperationException>(wrapped));
        Assert.Null(ExceptionText.Find<InvalidOperationException>(new Exception("none")));
        Assert.Null(ExceptionText.Find<InvalidOperationException>(null!));
    }
}
