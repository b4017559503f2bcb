using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XeroErrors.Sample;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers each path of a <see cref="ReplayResponse"/> list with
/// that response, so the client goes through HttpClient and a real socket exactly as it would against Xero.
/// </summary>
/// <remarks>
/// Built on TcpListener rather than HttpListener: HttpListener on Windows needs a URL reservation (or admin
/// rights) for 127.0.0.1, and cannot listen on port 0. One request per connection keeps it small.
/// </remarks>
internal sealed class ReplayServer : IAsyncDisposable
{
    /// <summary>A GET's head is far smaller; a larger one is cut off rather than buffered without bound.</summary>
    private const int MaxRequestHeadBytes = 16 * 1024;

    /// <summary>The longest one connection may take; a stalled client must not stall the server.</summary>
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait for the serving loop to end; the sample must never hang on exit.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly IReadOnlyDictionary<string, ReplayResponse> _responses;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private int _requestCount;

    private ReplayServer(TcpListener listener, IReadOnlyList<ReplayResponse> responses)
    {
        _listener = listener;
        _responses = responses.ToDictionary(response => response.Path, StringComparer.Ordinal);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, such as http://127.0.0.1:54321/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="responses"/> on a free loopback port.</summary>
    /// <param name="responses">The responses, each under its own path.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static ReplayServer Start(IReadOnlyList<ReplayResponse> responses)
    {
        // Port 0 lets the OS choose a free port, which is ours from this moment: no other process can take it first.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new ReplayServer(listener, responses);
    }

    /// <summary>Stops listening and waits, briefly, for the serving loop to end.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        try
        {
            await _serving.WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            // The process is about to exit anyway; a stuck loop must not keep it alive.
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return; // Stopped.
            }

            using (connection)
            {
                await ServeConnectionAsync(connection);
            }
        }
    }

    private async Task ServeConnectionAsync(TcpClient connection)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(ConnectionTimeout);
        try
        {
            var stream = connection.GetStream();
            var path = await ReadRequestPathAsync(stream, timeout.Token);
            var replay = path is not null && _responses.TryGetValue(path, out var found) ? found : NotReplayed(path);
            await stream.WriteAsync(Render(replay, NextCorrelationId()), timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // The client went away or stalled; the next connection is unaffected.
        }
    }

    /// <summary>Reads the request head and returns the path of its request line; null when there is none.</summary>
    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestHeadBytes];
        var count = 0;
        while (count < buffer.Length && buffer.AsSpan(0, count).IndexOf(EndOfHead) < 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        // The request line: "GET /projects?page=1 HTTP/1.1".
        var requestLine = Encoding.ASCII.GetString(buffer, 0, count).Split("\r\n", 2)[0];
        var parts = requestLine.Split(' ');
        return parts.Length == 3 ? parts[1].Split('?', 2)[0] : null;
    }

    /// <summary>The response as bytes: status line, headers, blank line, body.</summary>
    private static byte[] Render(ReplayResponse replay, string correlationId)
    {
        var body = Encoding.UTF8.GetBytes(replay.Body ?? string.Empty);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {replay.StatusCode} {ReasonPhrase(replay.StatusCode)}\r\n");
        AppendHeader(head, "Date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        AppendHeader(head, "Xero-Correlation-Id", correlationId);
        foreach (var header in replay.Headers)
        {
            AppendHeader(head, header.Key, header.Value);
        }

        if (replay.Body is not null)
        {
            AppendHeader(head, "Content-Type", replay.ContentType);
        }

        // RFC 9110 forbids Content-Length on a 204; everything else says how long its body is.
        if (replay.StatusCode != (int)HttpStatusCode.NoContent)
        {
            AppendHeader(head, "Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        }

        AppendHeader(head, "Connection", "close");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static void AppendHeader(StringBuilder head, string name, string value) =>
        head.Append(name).Append(": ").Append(value).Append("\r\n");

    /// <summary>The platform's reason phrase for a status; none for one it does not know, which HTTP/1.1 allows.</summary>
    private static string ReasonPhrase(int statusCode)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)statusCode);
        return message.ReasonPhrase ?? string.Empty;
    }

    /// <summary>Xero stamps every response with a random id; counting instead keeps the output the same on every run.</summary>
    private string NextCorrelationId()
    {
        var number = Interlocked.Increment(ref _requestCount);
        return new Guid(number, 0x5eed, 0x4a11, 0x9e, 0x40, 0x58, 0xe7, 0x0c, 0x0d, 0xe5, 0x00).ToString();
    }

    private static ReplayResponse NotReplayed(string? path) =>
        new(path ?? "?", 404, XeroResponseKind.NotFound) { Body = $"Nothing is replayed at {path}.", ContentType = ReplayResponse.PlainText };
}
