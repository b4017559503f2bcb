using System.Net;
using System.Net.Sockets;
using System.Text;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>What the server saw of a request: its first line and headers, to prove what a client sent.</summary>
internal sealed record ReceivedRequest(string RequestLine, IReadOnlyList<string> HeaderLines);

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 with a free port. Each response is written by the test, byte for byte, so
/// tests can send what a real server would not: stalls, broken bodies, odd charsets, resets. By default a
/// connection answers one request; with <c>keepAlive</c> it answers requests until the client closes it, so a
/// test can see whether a connection went back to HttpClient's pool in a usable state.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, Stream, CancellationToken, Task> _respond;
    private readonly bool _keepAlive;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public RawHttpServer(Func<ReceivedRequest, Stream, CancellationToken, Task> respond, bool keepAlive = false)
    {
        _respond = respond;
        _keepAlive = keepAlive;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>How many connections clients opened.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public List<ReceivedRequest> Requests { get; } = [];

    /// <summary>A server that answers every request with the same status, headers and body.</summary>
    public static RawHttpServer Replying(int status, string? body, params (string Name, string Value)[] headers) =>
        new((_, stream, ct) => WriteResponseAsync(stream, status, body is null ? [] : Encoding.UTF8.GetBytes(body), headers, ct));

    public static Task WriteResponseAsync(Stream stream, int status, byte[] body, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken, int? contentLength = null) =>
        WriteResponseAsync(stream, status, body, headers, cancellationToken, contentLength, keepAlive: false);

    public static async Task WriteResponseAsync(Stream stream, int status, byte[] body, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken, int? contentLength, bool keepAlive)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status).Append(" Status\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(contentLength ?? body.Length).Append(keepAlive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>A chunked response whose body is written in pieces of <paramref name="chunkBytes"/>, yielding between them.</summary>
    public static async Task WriteChunkedAsync(Stream stream, int status, byte[] body, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken, int chunkBytes = 4096, bool keepAlive = false)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status).Append(" Status\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Transfer-Encoding: chunked\r\n").Append(keepAlive ? "\r\n" : "Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        for (var offset = 0; offset < body.Length; offset += chunkBytes)
        {
            var count = Math.Min(chunkBytes, body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(count.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            await stream.WriteAsync(body.AsMemory(offset, count), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Yield();
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            Interlocked.Increment(ref _connections);
            try
            {
                var stream = client.GetStream();
                do
                {
                    var request = await ReadRequestAsync(stream, _stop.Token);
                    if (request.RequestLine.Length == 0)
                    {
                        break;
                    }

                    lock (Requests)
                    {
                        Requests.Add(request);
                    }

                    await _respond(request, stream, _stop.Token);
                }
                while (_keepAlive);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the test ended: nothing to answer.
            }
        }
    }

    private static async Task<ReceivedRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 65536)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                break;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return new ReceivedRequest(lines.FirstOrDefault() ?? string.Empty, lines.Skip(1).ToList());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
        }

        _stop.Dispose();
    }
}
