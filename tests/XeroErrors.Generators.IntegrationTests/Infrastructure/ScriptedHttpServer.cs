using System.Net;
using System.Net.Sockets;
using System.Text;

namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>One scripted HTTP response.</summary>
public sealed record Reply(int Status, string Body = "", params (string Name, string Value)[] Headers);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port that answers each request with the next scripted
/// reply (the last one repeats) and closes the connection. Loopback only; it stops when disposed.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyList<Reply> _replies;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _requests = new();

    public ScriptedHttpServer(params Reply[] replies)
    {
        if (replies.Length == 0)
        {
            throw new ArgumentException("At least one reply.", nameof(replies));
        }

        _replies = replies;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>The request lines received so far ("GET /path HTTP/1.1").</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public int RequestCount => Requests.Count;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream).ConfigureAwait(false);
            if (head is null)
            {
                return;
            }

            Reply reply;
            lock (_requests)
            {
                _requests.Add(head.Split("\r\n")[0]);
                reply = _replies[Math.Min(_requests.Count, _replies.Count) - 1];
            }

            var body = Encoding.UTF8.GetBytes(reply.Body);
            var text = new StringBuilder();
            text.Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(Reason(reply.Status)).Append("\r\n");
            text.Append("Content-Type: text/plain; charset=utf-8\r\n");
            text.Append("Content-Length: ").Append(body.Length).Append("\r\n");
            text.Append("Connection: close\r\n");
            foreach (var (name, value) in reply.Headers)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            text.Append("\r\n");
            var bytes = Encoding.ASCII.GetBytes(text.ToString());
            try
            {
                await stream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is OperationCanceledException)
            {
                // The client went away.
            }
        }
    }

    /// <summary>Reads up to the blank line that ends the request head (test requests carry no body).</summary>
    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var count = 0;
        try
        {
            while (count < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(count), _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                count += read;
                var text = Encoding.ASCII.GetString(buffer, 0, count);
                if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    return text;
                }
            }
        }
        catch (Exception ex) when (ex is IOException || ex is OperationCanceledException)
        {
            return null;
        }

        return null;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
