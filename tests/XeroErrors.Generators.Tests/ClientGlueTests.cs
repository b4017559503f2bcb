using System.Net;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// What every client's glue stands on: inner exceptions, <c>Find</c>, <c>CreateExceptionAsync</c> (Refit's factory)
/// and headers from (Name, Value) tuples; and, compiled by Roslyn, that none of them makes an existing call ambiguous.
/// </summary>
public class ClientGlueTests
{
    [Theory]
    [InlineData(400, SeedResponses.ValidationBody, typeof(XeroBadRequestException))]
    [InlineData(401, SeedResponses.TokenExpired, typeof(XeroUnauthorizedException))]
    [InlineData(429, null, typeof(XeroRateLimitExceededException))]
    [InlineData(503, SeedResponses.OrganisationOffline, typeof(XeroOrganisationOfflineException))]
    [InlineData(418, "teapot", typeof(XeroApiException))]
    [InlineData(0, null, typeof(XeroApiException))]
    public void CreateExceptionKeepsTheClientsExceptionAsInnerException(int status, string? body, Type expected)
    {
        var clients = new InvalidOperationException("the client's own exception");

        var ex = XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(status, body), body, clients);

        Assert.Equal(expected, ex.GetType());
        Assert.Same(clients, ex.InnerException);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public void AnInnerExceptionChangesNothingElse()
    {
        var classification = XeroResponseClassifier.Classify(400, SeedResponses.ValidationBody);
        var without = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(classification, SeedResponses.ValidationBody));
        var with = Assert.IsType<XeroBadRequestException>(XeroResponseClassifier.CreateException(classification, SeedResponses.ValidationBody, new HttpRequestException("x")));

        Assert.Null(without.InnerException);
        Assert.Equal(without.Message, with.Message);
        Assert.Equal(without.ModelState, with.ModelState);
        Assert.Equal(without.ValidationMessage, with.ValidationMessage);
    }

    [Fact]
    public void FindLooksThroughInnerExceptionsAndAggregates()
    {
        var typed = XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(503, SeedResponses.OrganisationOffline), SeedResponses.OrganisationOffline);

        Assert.Same(typed, XeroApiException.Find(typed));
        Assert.Same(typed, XeroApiException.Find(new HttpRequestException("wrapped", new InvalidOperationException("twice", typed))));
        Assert.Same(typed, XeroApiException.Find(new AggregateException(new TimeoutException(), new InvalidOperationException("inner", typed))));
        Assert.Same(typed, XeroApiException.Find(new InvalidOperationException("outer", new AggregateException(typed))));
    }

    [Fact]
    public void FindGivesNullWhenThereIsNoTypedException()
    {
        Assert.Null(XeroApiException.Find(null));
        Assert.Null(XeroApiException.Find(new HttpRequestException("refused", new IOException("reset"))));
        Assert.Null(XeroApiException.Find(new AggregateException()));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(302)]
    public async Task CreateExceptionAsyncGivesNullForANonErrorAndLeavesTheBodyUnread(int status)
    {
        var content = new WatchedContent("{\"projects\":[]}");
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content };

        var ex = await XeroResponseClassifier.CreateExceptionAsync(response);

        Assert.Null(ex);
        Assert.False(content.WasRead);
        Assert.Same(content, response.Content);
    }

    [Fact]
    public async Task CreateExceptionAsyncGivesTheTypedExceptionAndLeavesTheBodyReadable()
    {
        // A stream that can be read once, as a real response's is.
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StreamContent(new OneReadStream(Encoding.UTF8.GetBytes(SeedResponses.ValidationBody))),
        };
        response.Headers.TryAddWithoutValidation("Xero-Correlation-Id", "c-400");

        var ex = Assert.IsType<XeroBadRequestException>(await XeroResponseClassifier.CreateExceptionAsync(response));

        Assert.Equal(["model.Name", "model.ContactId"], ex.ModelState.Keys);
        Assert.Equal("c-400", ex.CorrelationId);
        Assert.Equal(SeedResponses.ValidationBody, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void CreateExceptionAsyncRejectsNull() =>
        Assert.Throws<ArgumentNullException>(() => { _ = XeroResponseClassifier.CreateExceptionAsync(null!); });

    [Fact]
    public void TuplePairsGiveTheSameHeadersAsKeyValuePairs()
    {
        var tuples = new List<(string Name, string Value)> { ("retry-after", "30"), ("X-Rate-Limit-Problem", "minute"), ("Xero-Correlation-Id", "c-1"), (null!, "x"), ("X-Ignored", null!) };
        var pairs = tuples.Where(t => t.Name != null && t.Value != null).Select(t => new KeyValuePair<string, string>(t.Name, t.Value));

        var fromTuples = XeroResponseHeaders.FromPairs(tuples);

        Assert.Equal(XeroResponseHeaders.FromPairs(pairs), fromTuples);
        Assert.Equal(TimeSpan.FromSeconds(30), fromTuples.RetryAfter);
        Assert.Equal(XeroRateLimitProblem.Minute, fromTuples.RateLimitProblem);
        Assert.Equal("c-1", fromTuples.CorrelationId);
        Assert.Equal(default, XeroResponseHeaders.FromPairs((IEnumerable<(string Name, string Value)>)null!));
    }

    /// <summary>
    /// Calls a consumer already makes, compiled against the generated API at the latest C# with nullable on, and at
    /// C# 7.3: the new overloads and constructors must not make any of them ambiguous.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public void ExistingCallsStayUnambiguous(LanguageVersion version)
    {
        var collectionExpression = version >= LanguageVersion.CSharp12
            ? "var fromExpression = XeroResponseHeaders.FromPairs([new(\"Retry-After\", \"30\")]);"
            : string.Empty;
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using XeroErrors;

            namespace Consumer
            {
                /// <summary>A user's own exception.</summary>
                public sealed class OwnException : XeroApiException
                {
                    /// <summary>Creates it.</summary>
                    /// <param name="classification">The classification.</param>
                    /// <param name="body">The body.</param>
                    public OwnException(XeroResponseClassification classification, string body)
                        : base(classification, body, null)
                    {
                    }
                }

                /// <summary>Existing calls.</summary>
                public static class Calls
                {
                    /// <summary>Runs them.</summary>
                    public static void Run()
                    {
                        var none = XeroResponseHeaders.FromPairs(null);
                        var pairs = XeroResponseHeaders.FromPairs(new[] { new KeyValuePair<string, string>("Retry-After", "30") });
                        var tuples = XeroResponseHeaders.FromPairs(new[] { ("Retry-After", "30") });
                        {{collectionExpression}}
                        var classification = XeroResponseClassifier.Classify(400, null, none);
                        var plain = XeroResponseClassifier.CreateException(classification, null);
                        var wrapped = XeroResponseClassifier.CreateException(classification, null, null);
                        var bad = new XeroBadRequestException(classification, null);
                        var badWrapped = new XeroBadRequestException(classification, null, new InvalidOperationException());
                        var found = XeroApiException.Find(null);
                    }
                }
            }
            """;
        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(source, version, warningsAsErrors: false));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>Content that notes whether anything read it.</summary>
    private sealed class WatchedContent(string text) : HttpContent
    {
        public bool WasRead { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            WasRead = true;
            var bytes = Encoding.UTF8.GetBytes(text);
            return stream.WriteAsync(bytes, 0, bytes.Length);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(text);
            return true;
        }
    }

    /// <summary>A stream that cannot seek, as a network stream cannot: what is read from it is gone.</summary>
    private sealed class OneReadStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }
    }
}
