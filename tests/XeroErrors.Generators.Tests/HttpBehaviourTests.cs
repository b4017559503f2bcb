using System.Net;
using System.Net.Http.Headers;
using System.Text;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>ClassifyAsync, EnsureSuccessAsync and the error handler with real and hostile HTTP responses.</summary>
public class HttpBehaviourTests
{
    private static HttpResponseMessage Response(int status, string? body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
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

    [Fact]
    public async Task ClassifyAsyncReadsHeadersAndTheBodyWhereItMatters()
    {
        using var response = Response(503, SeedResponses.OrganisationOffline, ("Xero-Correlation-Id", "c-1"), ("X-MinLimit-Remaining", "12"));

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(XeroResponseKind.OrganisationOffline, result.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), result.RetryAfter);
        Assert.Equal("c-1", result.CorrelationId);
        Assert.Equal(12, result.MinLimitRemaining);
    }

    [Fact]
    public async Task ContentHeadersAreReadToo()
    {
        const string spec = "headers:\n  - { name: Content-Language, property: Language, type: string }\n"
            + "responses:\n  - { name: Busy, status: 503, summary: Busy, match: { headers: [Content-Type] } }\n  - { name: Other, status: 503, summary: Other, default: true }\n";
        var run = GeneratorHarness.Run(spec);
        Assert.Empty(run.Diagnostics);
        var classifier = run.Load().GetType("XeroErrors.XeroResponseClassifier")!;
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("x") };
        response.Content.Headers.ContentLanguage.Add("en-NZ");

        var task = (Task)classifier.GetMethod("ClassifyAsync")!.Invoke(null, [response, CancellationToken.None])!;
        await task;
        var classification = task.GetType().GetProperty("Result")!.GetValue(task)!;

        Assert.Equal("Busy", classification.GetType().GetProperty("Kind")!.GetValue(classification)!.ToString());
        Assert.Equal("en-NZ", classification.GetType().GetProperty("Language")!.GetValue(classification));
    }

    [Fact]
    public async Task A429CarriesItsRetryAfterAndRateLimitKind()
    {
        using var response = Response(429, null, ("Retry-After", "86400"), ("X-Rate-Limit-Problem", "day"));

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(XeroResponseKind.RateLimitExceeded, result.Kind);
        Assert.Equal(TimeSpan.FromDays(1), result.RetryAfter);
        Assert.Equal(XeroRateLimitProblem.Day, result.RateLimitProblem);
        Assert.False(result.IsTransient);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task ClassifyAsyncNeverReadsTheBodyWhereItDoesNotMatter(int status)
    {
        var content = new StreamingContent(new GeneratedStream([], 10, failAfterPrefix: new InvalidOperationException("the body was read")), 10);
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content };

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(status, result.StatusCode);
        Assert.Equal(0, content.Reads);
    }

    [Fact]
    public async Task EnsureSuccessAsyncDoesNotTouchTheBodyOfASuccess()
    {
        var content = new StreamingContent(new GeneratedStream([], 10, failAfterPrefix: new InvalidOperationException("the body was read")), 10);
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        await XeroResponseClassifier.EnsureSuccessAsync(response);

        Assert.Equal(0, content.Reads);
    }

    [Fact]
    public async Task A100MegabyteBodyCostsABoundedPrefixAndFlatMemory()
    {
        const long size = 100L * 1024 * 1024;
        var stream = new GeneratedStream(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline), size);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamingContent(stream, size) };

        // Everything completes synchronously on this thread, so the thread's allocation counter sees all of it.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = XeroResponseClassifier.ClassifyAsync(response);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var result = await task;

        Assert.Equal(XeroResponseKind.OrganisationOffline, result.Kind);
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(XeroResponseClassifier.MaxBodyBytes, stream.BytesRead);
        Assert.True(allocated < 5L * 1024 * 1024, $"Classifying a 100 MB body allocated {allocated / 1024} KiB.");
    }

    [Theory]
    [InlineData(HttpCompletionOption.ResponseContentRead)]
    [InlineData(HttpCompletionOption.ResponseHeadersRead)]
    public async Task ClassifyingThenThrowingAgreeOnABodyReadOnce(HttpCompletionOption completion)
    {
        await using var server = RawHttpServer.Replying(503, SeedResponses.OrganisationOffline);
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.BaseAddress, completion);

        var classification = await XeroResponseClassifier.ClassifyAsync(response);
        var ex = await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));

        Assert.Equal(XeroResponseKind.OrganisationOffline, classification.Kind);
        Assert.Equal(SeedResponses.OrganisationOffline, ex.ResponseBody);
        if (completion == HttpCompletionOption.ResponseContentRead)
        {
            Assert.Equal(SeedResponses.OrganisationOffline, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task ABodyThatBreaksOffIsClassifiedOnWhatArrived()
    {
        var stream = new GeneratedStream(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline), 1000, failAfterPrefix: new IOException("connection reset"));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamingContent(stream, 1000) };

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(XeroResponseKind.OrganisationOffline, result.Kind);
    }

    [Fact]
    public async Task ABodyCutShortOnTheWireIsClassifiedOnWhatArrived()
    {
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.WriteResponseAsync(stream, 503, Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline), [], ct, contentLength: 5000));
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(XeroResponseKind.OrganisationOffline, result.Kind);
    }

    [Fact]
    public async Task ASlowBodyCanBeCancelled()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteResponseAsync(stream, 503, Encoding.UTF8.GetBytes("The Orga"), [], ct, contentLength: 100);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => XeroResponseClassifier.ClassifyAsync(response, cancel.Token));
    }

    [Fact]
    public async Task InvalidUtf8IsReplacedNotFatal()
    {
        var bytes = new byte[] { 0xFF, 0xFE, 0xC3, 0x28, 0x80 }.Concat(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline)).Concat(new byte[] { 0xE2, 0x82 }).ToArray();
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new ByteArrayContent(bytes) };

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(XeroResponseKind.OrganisationOffline, result.Kind);
    }

    [Theory]
    [InlineData("x-klingon")]
    [InlineData("\"utf-8\"")]
    [InlineData("iso-8859-1")]
    public async Task AnUnknownOrQuotedCharsetIsReadAsUtf8(string charset)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline)) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=" + charset);

        var body = await XeroResponseClassifier.ReadBodyAsync(response);

        Assert.Equal(SeedResponses.OrganisationOffline, body);
    }

    [Fact]
    public async Task AResponseWithoutContentIsClassified()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = null! };

        var result = await XeroResponseClassifier.ClassifyAsync(response);

        Assert.Equal(XeroResponseKind.NotAvailable, result.Kind);
    }

    [Fact]
    public async Task EnsureSuccessAsyncThrowsTheValidationException()
    {
        using var response = Response(400, SeedResponses.ValidationBody);

        var ex = await Assert.ThrowsAsync<XeroBadRequestException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));

        Assert.Equal(2, ex.ModelState.Count);
        Assert.Equal(SeedResponses.ValidationBody, ex.ResponseBody);
    }

    [Fact]
    public async Task TheHandlerPassesSuccessesThroughWithTheirBody()
    {
        await using var server = RawHttpServer.Replying(200, "{\"projects\":[]}", ("X-MinLimit-Remaining", "58"));
        using var client = new HttpClient(new XeroErrorHandler(new HttpClientHandler()));

        using var response = await client.GetAsync(server.BaseAddress);

        Assert.Equal("{\"projects\":[]}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheHandlerThrowsTheTypedExceptionForAnOfflineOrganisation()
    {
        await using var server = RawHttpServer.Replying(503, SeedResponses.OrganisationOffline, ("Xero-Correlation-Id", "corr-9"));
        using var client = new HttpClient(new XeroErrorHandler(new HttpClientHandler()));

        var ex = await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => client.GetAsync(server.BaseAddress));

        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
        Assert.Equal("corr-9", ex.CorrelationId);
        Assert.Contains("corr-9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingFromTheRequestButItsMethodPathAndTenantGoesIntoAnException()
    {
        const string token = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.sig-7f3a9c";
        const string secret = "client-secret-Q9z8y7";
        var seen = new List<XeroApiException>();
        foreach (var (status, body) in new (int, string)[] { (400, SeedResponses.ValidationBody), (401, SeedResponses.TokenExpired), (403, SeedResponses.AuthenticationUnsuccessful), (404, "Not Found"), (429, ""), (500, "boom"), (503, SeedResponses.OrganisationOffline), (418, "teapot") })
        {
            await using var server = RawHttpServer.Replying(status, body, ("Xero-Correlation-Id", "c-" + status));
            using var client = new HttpClient(new XeroErrorHandler(new HttpClientHandler()));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "projects.xro/2.0/projects?client_secret=" + secret));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("xero-tenant-id", "tenant-" + status);

            // A header the spec does not list under request_headers is never recorded.
            request.Headers.Add("X-Client-Secret", secret);

            seen.Add(await Assert.ThrowsAnyAsync<XeroApiException>(() => client.SendAsync(request)));
            Assert.Contains(server.Requests, r => r.HeaderLines.Any(h => h.Contains(token, StringComparison.Ordinal)));
        }

        foreach (var ex in seen)
        {
            Assert.Equal(("GET", "/projects.xro/2.0/projects", "tenant-" + ex.StatusCode), (ex.RequestMethod, ex.RequestPath, ex.TenantId));
            var texts = new List<string?> { ex.Message, ex.ToString(), ex.ResponseBody, ex.Classification.ToString() };
            texts.AddRange(ex.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(ex)));
            texts.AddRange(ex.Data.Values.Cast<object?>().Select(v => v?.ToString()));
            Assert.All(texts, text => Assert.DoesNotContain(token, text ?? string.Empty, StringComparison.Ordinal));
            Assert.All(texts, text => Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.Ordinal));
            Assert.All(texts, text => Assert.DoesNotContain("client_secret", text ?? string.Empty, StringComparison.Ordinal));
        }
    }
}
