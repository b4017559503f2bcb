using System.Net;
using System.Net.Http;
using System.Text;
using Polly;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// The generated XeroRetryStrategy on streamed bodies larger than the read bound, where the body can be read only
/// once: it must read it once, retry as advised, and leave no response undisposed.
/// </summary>
public sealed class RetryReliabilityTests
{
    private const string OrganisationOffline = "The Organisation is offline";
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A 503 body over 1 MiB that starts with the seed's marker, as a chunked body read with ResponseHeadersRead.</summary>
    private static HttpContent LargeStreamedOffline() =>
        new StreamContent(new OneWayStream(Encoding.UTF8.GetBytes(OrganisationOffline + new string(' ', 3 * 1024 * 1024 / 2))));

    [Fact]
    public async Task Classifying_and_then_asking_for_the_delay_read_a_large_streamed_body_once()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = LargeStreamedOffline() };
        var outcome = Outcome.FromResult(response);

        var retry = await XeroErrors.XeroRetryStrategy.ShouldRetryAsync(outcome, TimeSpan.FromHours(1), CancellationToken.None);
        var delay = await XeroErrors.XeroRetryStrategy.GetDelayAsync(outcome, CancellationToken.None);

        Assert.True(retry);
        Assert.Equal(TimeSpan.FromMinutes(5), delay);
    }

    [Fact]
    public async Task A_pipeline_retries_large_streamed_bodies_as_advised_and_disposes_every_response()
    {
        var handler = new CountingHandler(attempt => attempt < 3
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = LargeStreamedOffline() }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        using var invoker = new HttpMessageInvoker(handler);
        var time = new WatchedTimeProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(XeroErrors.XeroRetryStrategy.CreateOptions(TimeSpan.FromHours(1)))
            .Build();

        // Each wait is watched for before anything can start it.
        var timer = time.NextTimerAsync(RealTimeout);
        var call = pipeline.ExecuteAsync(async ct => await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://xero.test/"), ct), CancellationToken.None).AsTask();
        for (var retry = 0; retry < 2; retry++)
        {
            Assert.Equal(TimeSpan.FromMinutes(5), await timer);
            timer = time.NextTimerAsync(RealTimeout);
            time.Advance(TimeSpan.FromMinutes(5));
        }

        using (var response = await call.WaitAsync(RealTimeout))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, handler.Created);
        Assert.Equal(handler.Created, handler.Disposed);
    }

    [Fact]
    public async Task A_cancelled_classification_disposes_the_response_nobody_else_holds()
    {
        var handler = new CountingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(new OneWayStream(Encoding.UTF8.GetBytes(OrganisationOffline), stall: true)) });
        using var invoker = new HttpMessageInvoker(handler);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(XeroErrors.XeroRetryStrategy.CreateOptions(TimeSpan.FromHours(1)))
            .Build();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            pipeline.ExecuteAsync(async ct => await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://xero.test/"), ct), cancel.Token).AsTask().WaitAsync(RealTimeout));

        Assert.Equal(1, handler.Created);
        Assert.Equal(1, handler.Disposed);
    }

    /// <summary>Answers each request with a new response from <paramref name="respond"/> and counts creations and disposals.</summary>
    private sealed class CountingHandler(Func<int, HttpResponseMessage> respond) : HttpMessageHandler
    {
        private int _created;
        private int _disposed;

        public int Created => Volatile.Read(ref _created);

        public int Disposed => Volatile.Read(ref _disposed);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _created);
            var template = respond(attempt);
            var response = new CountedResponse(template.StatusCode, () => Interlocked.Increment(ref _disposed)) { Content = template.Content, RequestMessage = request };
            return Task.FromResult<HttpResponseMessage>(response);
        }
    }

    private sealed class CountedResponse(HttpStatusCode status, Action disposed) : HttpResponseMessage(status)
    {
        private bool _counted;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_counted)
            {
                _counted = true;
                disposed();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A body that can be read once, as a network stream is; with <c>stall</c>, it sends nothing until cancelled.</summary>
    private sealed class OneWayStream(byte[] bytes, bool stall = false) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (stall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var n = Math.Min(count, bytes.Length - _position);
            Buffer.BlockCopy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var n = await ReadAsync(array, 0, array.Length, cancellationToken);
            array.AsMemory(0, n).CopyTo(buffer);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
