using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// One response read by many callers at once, and bodies that fail in every way a network or a server can make
/// them fail: the answer is the same for every caller, and only cancellation or misuse escapes as an exception.
/// Every loop here is bounded in count, and every wait in time. The class runs alone: its races and waits mean
/// nothing on a thread pool that other tests keep busy.
/// </summary>
[Collection(nameof(ReliabilityCollection))]
public class ReliabilityTests
{
    private const int Callers = 16;
    private const int Rounds = 40;

    // Buffered bodies misread far more rarely than streamed ones (a few calls in thousands), so they get more rounds.
    private const int BufferedRounds = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public enum ContentKind
    {
        /// <summary>A body that can be read once, in small pieces: what a proxy or a custom handler gives.</summary>
        NonSeekableStream,

        /// <summary>A 700 KB body that HttpClient buffered, as it does by default (HttpCompletionOption.ResponseContentRead).</summary>
        LargeBuffered,

        /// <summary>A real chunked body read straight from the connection (HttpCompletionOption.ResponseHeadersRead).</summary>
        ResponseHeadersRead,
    }

    /// <summary>The seed's offline body, padded so that reading it takes many reads.</summary>
    private static readonly string PaddedOffline = SeedResponses.OrganisationOffline + new string(' ', 700 * 1024);

    [Theory]
    [InlineData(ContentKind.NonSeekableStream)]
    [InlineData(ContentKind.LargeBuffered)]
    [InlineData(ContentKind.ResponseHeadersRead)]
    public async Task SixteenFirstCallersOnOneResponseAllGetTheSameAnswer(ContentKind kind)
    {
        await using var server = new RawHttpServer(
            (_, stream, ct) => RawHttpServer.WriteChunkedAsync(stream, 503, Encoding.UTF8.GetBytes(PaddedOffline), [], ct, chunkBytes: 8192, keepAlive: true),
            keepAlive: true);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var rounds = kind == ContentKind.LargeBuffered ? BufferedRounds : Rounds;
        for (var round = 0; round < rounds; round++)
        {
            using var response = kind switch
            {
                ContentKind.NonSeekableStream => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(PaddedOffline))) },
                ContentKind.LargeBuffered => await client.GetAsync("race", HttpCompletionOption.ResponseContentRead),
                _ => await client.GetAsync("race", HttpCompletionOption.ResponseHeadersRead),
            };

            var answers = await AllAtOnce(Callers, caller => Answer(caller % 3, response)).WaitAsync(Patience);

            Assert.All(answers, answer => Assert.Equal((XeroResponseKind.OrganisationOffline, PaddedOffline), answer));
        }

        if (kind == ContentKind.ResponseHeadersRead)
        {
            // Each response above was read in full once, so its connection went back to the pool in a usable state.
            using var next = await client.GetAsync("after", HttpCompletionOption.ResponseContentRead).WaitAsync(Patience);
            Assert.Equal(PaddedOffline, await next.Content.ReadAsStringAsync());
            Assert.True(server.Connections < Rounds, $"{server.Connections} connections for {Rounds + 1} requests: connections were not reused.");
        }
    }

    /// <summary>What one caller sees, whichever of the three entry points it used.</summary>
    private static async Task<(XeroResponseKind Kind, string? Body)> Answer(int entryPoint, HttpResponseMessage response)
    {
        switch (entryPoint)
        {
            case 0:
                var classification = await XeroResponseClassifier.ClassifyAsync(response);
                return (classification.Kind, await XeroResponseClassifier.ReadBodyAsync(response));
            case 1:
                try
                {
                    await XeroResponseClassifier.EnsureSuccessAsync(response);
                    return (XeroResponseKind.Unknown, null);
                }
                catch (XeroApiException ex)
                {
                    return (ex.Kind, await XeroResponseClassifier.ReadBodyAsync(response));
                }

            default:
                var body = await XeroResponseClassifier.ReadBodyAsync(response);
                return (XeroResponseClassifier.Classify(503, body, default(XeroResponseHeaders)).Kind, body);
        }
    }

    /// <summary>Starts every caller on its own thread-pool thread, as close to the same moment as the pool allows.</summary>
    private static async Task<T[]> AllAtOnce<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(() =>
        {
            start.Wait(Patience);
            return call(i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task TheHandlerAndTheClassifierShareOneReadOfAStreamedBody()
    {
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.WriteChunkedAsync(stream, 503, Encoding.UTF8.GetBytes(PaddedOffline), [], ct, chunkBytes: 4096));
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);

        var exceptions = await AllAtOnce(Callers, async _ =>
            await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => XeroResponseClassifier.EnsureSuccessAsync(response))).WaitAsync(Patience);

        Assert.All(exceptions, ex => Assert.Equal(PaddedOffline[..ex.ResponseBody!.Length], ex.ResponseBody));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACorruptGzipBodyIsClassifiedOnWhatDecompressed(bool automaticDecompression)
    {
        var body = CorruptAfter(Gzip(SeedResponses.OrganisationOffline + Incompressible(64 * 1024)), keep: 8000);
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.WriteResponseAsync(stream, 503, body, [("Content-Encoding", "gzip")], ct));
        using var handler = new HttpClientHandler { AutomaticDecompression = automaticDecompression ? DecompressionMethods.GZip : DecompressionMethods.None };
        using var client = new HttpClient(handler);

        using (var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead))
        {
            var classification = await XeroResponseClassifier.ClassifyAsync(response);
            Assert.Equal(XeroResponseKind.OrganisationOffline, classification.Kind);
            await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));
        }

        using var handled = new HttpClient(new XeroErrorHandler(new HttpClientHandler { AutomaticDecompression = handler.AutomaticDecompression }));
        await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => handled.GetAsync(server.BaseAddress));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    [InlineData("x-gzip")]
    public async Task ACompressedBodyIsReadWhenTheHandlerDidNotDecompressIt(string encoding)
    {
        await using var server = new RawHttpServer((request, stream, ct) =>
        {
            var (status, text) = request.RequestLine.Contains("/400", StringComparison.Ordinal)
                ? (400, SeedResponses.ValidationBody)
                : (503, SeedResponses.OrganisationOffline);
            return RawHttpServer.WriteResponseAsync(stream, status, Compress(encoding, text), [("Content-Encoding", encoding), ("Content-Type", "application/json; charset=utf-8")], ct);
        });
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });

        using var offline = await client.GetAsync(server.BaseAddress);
        var validation = await Assert.ThrowsAsync<XeroBadRequestException>(async () =>
        {
            using var response = await client.GetAsync(new Uri(server.BaseAddress, "400"));
            await XeroResponseClassifier.EnsureSuccessAsync(response);
        });

        Assert.Equal(XeroResponseKind.OrganisationOffline, (await XeroResponseClassifier.ClassifyAsync(offline)).Kind);
        Assert.Equal(["The Project Name cannot be empty"], validation.ModelState["model.Name"]);
        Assert.Equal(SeedResponses.ValidationBody, validation.ResponseBody);
    }

    [Fact]
    public async Task AGzipBombStaysWithinTheBound()
    {
        var bomb = Gzip(SeedResponses.OrganisationOffline + new string(' ', 64 * 1024 * 1024));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new ByteArrayContent(bomb) };
        response.Content.Headers.ContentEncoding.Add("gzip");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = await XeroResponseClassifier.ReadBodyAsync(response);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(bomb.Length < 1024 * 1024, "The bomb should be small on the wire.");
        Assert.Equal(XeroResponseClassifier.MaxBodyBytes, body!.Length);
        Assert.StartsWith(SeedResponses.OrganisationOffline, body, StringComparison.Ordinal);
        Assert.True(allocated < 16L * 1024 * 1024, $"Reading a 64 MB gzip bomb allocated {allocated / 1024} KiB.");
    }

    [Fact]
    public async Task AConnectionResetMidBodyIsClassifiedOnWhatArrived()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteResponseAsync(stream, 503, Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline), [], ct, contentLength: 10_000);
            await Task.Delay(100, ct);
            var socket = ((NetworkStream)stream).Socket;
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);

        var ex = await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => XeroResponseClassifier.EnsureSuccessAsync(response).WaitAsync(Patience));

        Assert.Equal(SeedResponses.OrganisationOffline, ex.ResponseBody);
    }

    [Fact]
    public async Task ATenMegabyteBodyIsReadUpToTheBoundAndTheClientCarriesOn()
    {
        var body = Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline + new string('x', 10 * 1024 * 1024));
        await using var server = new RawHttpServer(
            (request, stream, ct) => request.RequestLine.Contains("/ok", StringComparison.Ordinal)
                ? RawHttpServer.WriteResponseAsync(stream, 200, "{}"u8.ToArray(), [], ct, null, keepAlive: true)
                : RawHttpServer.WriteResponseAsync(stream, 503, body, [], ct, null, keepAlive: true),
            keepAlive: true);
        using var client = new HttpClient(new XeroErrorHandler(new HttpClientHandler())) { BaseAddress = server.BaseAddress };

        var ex = await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => client.GetAsync("big").WaitAsync(Patience));
        using var next = await client.GetAsync("ok").WaitAsync(Patience);

        Assert.StartsWith(SeedResponses.OrganisationOffline, ex.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("{}", await next.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADisposedResponseAnswersFromABodyAlreadyRead(bool declaredLength)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline))) };
        if (declaredLength)
        {
            response.Content.Headers.ContentLength = SeedResponses.OrganisationOffline.Length;
        }

        Assert.Equal(SeedResponses.OrganisationOffline, await XeroResponseClassifier.ReadBodyAsync(response));
        response.Dispose();

        Assert.Equal(XeroResponseKind.OrganisationOffline, (await XeroResponseClassifier.ClassifyAsync(response)).Kind);
        await Assert.ThrowsAsync<XeroOrganisationOfflineException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADisposedResponseWhoseBodyWasNeverReadIsMisuse(bool declaredLength)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline))) };
        if (declaredLength)
        {
            response.Content.Headers.ContentLength = SeedResponses.OrganisationOffline.Length;
        }

        response.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => XeroResponseClassifier.ClassifyAsync(response));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => XeroResponseClassifier.EnsureSuccessAsync(response));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => XeroResponseClassifier.ReadBodyAsync(response));
    }

    [Fact]
    public async Task ACancelledReadKeepsWhatCancelledItAsTheInnerException()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteResponseAsync(stream, 503, Encoding.UTF8.GetBytes("The Orga"), [], ct, contentLength: 100);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => XeroResponseClassifier.ClassifyAsync(response, cancel.Token).WaitAsync(Patience));

        Assert.Equal(cancel.Token, ex.CancellationToken);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task ACallerThatStopsWaitingDoesNotStopTheOthers()
    {
        var gate = new TaskCompletionSource();
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(SeedResponses.OrganisationOffline), gate.Task);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(stream) };
        var first = XeroResponseClassifier.ClassifyAsync(response);
        using var cancel = new CancellationTokenSource();
        var impatient = XeroResponseClassifier.ClassifyAsync(response, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.WaitAsync(Patience));
        gate.SetResult();

        Assert.Equal(XeroResponseKind.OrganisationOffline, (await first.WaitAsync(Patience)).Kind);
    }

    private static byte[] Gzip(string text) => Compress("gzip", text);

    /// <summary>Letters from a fixed seed: text that compresses poorly, so a corruption lands after the marker.</summary>
    private static string Incompressible(int length)
    {
        var random = new Random(12345);
        return new string(Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26))).ToArray());
    }

    private static byte[] Compress(string encoding, string text)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            compressor.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>Keeps the first <paramref name="keep"/> bytes and scrambles the rest, so decompression fails part-way.</summary>
    private static byte[] CorruptAfter(byte[] bytes, int keep)
    {
        var corrupt = (byte[])bytes.Clone();
        for (var i = keep; i < corrupt.Length; i++)
        {
            corrupt[i] = (byte)(corrupt[i] ^ 0x5A);
        }

        return corrupt;
    }
}

/// <summary>Runs <see cref="ReliabilityTests"/> after the parallel tests, on its own.</summary>
[CollectionDefinition(nameof(ReliabilityCollection), DisableParallelization = true)]
public sealed class ReliabilityCollection
{
}

/// <summary>
/// A body that can be read once, a few bytes at a time, yielding before each read (and waiting for a gate first,
/// when given one) so that concurrent readers interleave as they would on a network stream.
/// </summary>
internal sealed class TrickleStream(byte[] bytes, Task? gate = null) : Stream
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
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        await Task.Yield();
        var start = _position;
        var n = Math.Min(Math.Min(count, 4096), bytes.Length - start);
        Buffer.BlockCopy(bytes, start, buffer, offset, n);
        _position = start + n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[Math.Min(buffer.Length, 4096)];
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
