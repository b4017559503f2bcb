namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits <c>{Classifier}.BodyRead</c>: the one bounded read of a response body that every caller of the classifier
/// shares, with decompression and the rules for failures, cancellation and disposed responses.
/// </summary>
internal static class BodyReadEmitter
{
    public static string Emit(EmitContext context)
    {
        var n = context.Nullable("string");
        var bang = context.Capabilities.SupportsNullable ? "!" : string.Empty;
        return ClassifierPart.Write(context, writer =>
        {
            writer.WriteLines($$"""
                private const int ChunkBytes = 16 * 1024;

                // The most asked of one read. A decompressing stream that meets corrupt data throws away what that read had
                // already decompressed, so small reads keep all but the last few KB before the corruption.
                private const int ReadBytes = 4 * 1024;

                /// <summary>
                /// One content's body, read once: the first caller starts the read and every other caller waits for its text,
                /// so a body that can be read only once (a network stream) is never read by two callers at the same time.
                /// </summary>
                private sealed class BodyRead
                {
                    private readonly global::System.Net.Http.HttpContent _content;

                    // The read in progress or done; null until a caller starts it, and again after a cancelled read that can be redone.
                    private {{context.Nullable("global::System.Threading.Tasks.Task<string>")}} _text;

                    // An unbuffered body read whole, kept until a retry helper puts it back into the response.
                    private {{context.Nullable("byte[]")}} _consumedBody;

                    public BodyRead(global::System.Net.Http.HttpContent content)
                    {
                        _content = content;
                    }

                    public async global::System.Threading.Tasks.Task<string> GetTextAsync(global::System.Threading.CancellationToken cancellationToken)
                    {
                        while (true)
                        {
                            var running = global::System.Threading.Volatile.Read(ref _text);
                            if (running == null)
                            {
                                var mine = new global::System.Threading.Tasks.TaskCompletionSource<string>(global::System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
                                running = global::System.Threading.Interlocked.CompareExchange(ref _text, mine.Task, null);
                                if (running == null)
                                {
                                    return await ReadAsync(mine, cancellationToken).ConfigureAwait(false);
                                }
                            }

                            try
                            {
                                return await WaitAsync(running, cancellationToken).ConfigureAwait(false);
                            }
                            catch (global::System.OperationCanceledException) when (!cancellationToken.IsCancellationRequested && running.IsCanceled)
                            {
                                // The caller that started the read cancelled it before anything was consumed: start it again.
                            }
                        }
                    }

                    /// <summary>The bytes of an unbuffered body that was read whole, once; null otherwise.</summary>
                    public {{context.Nullable("byte[]")}} TakeConsumedBody() => global::System.Threading.Interlocked.Exchange(ref _consumedBody, null);

                    private async global::System.Threading.Tasks.Task<string> ReadAsync(global::System.Threading.Tasks.TaskCompletionSource<string> result, global::System.Threading.CancellationToken cancellationToken)
                    {
                        var bytes = new BodyBytes();
                        try
                        {
                            await bytes.ReadAsync(_content, cancellationToken).ConfigureAwait(false);
                        }
                        catch (global::System.Exception ex) when (cancellationToken.IsCancellationRequested)
                        {
                            if (bytes.Consumed)
                            {
                                // A body that can be read once is gone: the callers still waiting get the part that arrived.
                                result.SetResult(bytes.ToText());
                            }
                            else
                            {
                                global::System.Threading.Volatile.Write(ref _text, null);
                                result.SetCanceled();
                            }

                            throw new global::System.OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
                        }
                        catch (global::System.Exception ex)
                        {
                            // Only misuse gets here (a content disposed before its body was read): every caller is told the same.
                            result.SetException(ex);
                            _ = result.Task.Exception;
                            throw;
                        }

                        if (bytes.Consumed && bytes.Complete)
                        {
                            _consumedBody = bytes.ToArray();
                        }

                        var text = bytes.ToText();
                        result.SetResult(text);
                        return text;
                    }

                    private static async global::System.Threading.Tasks.Task<string> WaitAsync(global::System.Threading.Tasks.Task<string> task, global::System.Threading.CancellationToken cancellationToken)
                    {
                        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
                        {
                            var cancelled = new global::System.Threading.Tasks.TaskCompletionSource<bool>(global::System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
                            using (cancellationToken.Register(s => ((global::System.Threading.Tasks.TaskCompletionSource<bool>)s{{bang}}).TrySetResult(true), cancelled))
                            {
                                if (await global::System.Threading.Tasks.Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                                {
                                    throw new global::System.OperationCanceledException(cancellationToken);
                                }
                            }
                        }

                        return await task.ConfigureAwait(false);
                    }
                }

                /// <summary>
                /// Reads the body as <see cref="ReadBodyAsync"/> does, without sharing the read: for the error handler, which holds
                /// a response that no other code has seen yet and disposes it right after.
                /// </summary>
                private static async global::System.Threading.Tasks.Task<{{n}}> ReadUnsharedBodyAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
                {
                    var content = response.Content;
                    if (content == null)
                    {
                        return null;
                    }

                    var bytes = new BodyBytes();
                    try
                    {
                        await bytes.ReadAsync(content, cancellationToken).ConfigureAwait(false);
                    }
                    catch (global::System.Exception ex) when (cancellationToken.IsCancellationRequested)
                    {
                        throw new global::System.OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
                    }

                    return bytes.ToText();
                }

                /// <summary>The bytes of one read, with what the content's headers say about decoding them.</summary>
                private sealed class BodyBytes
                {
                    private byte[] _buffer = new byte[0];
                    private int _count;
                    private {{n}} _charset;
                    private {{context.Nullable("string[]")}} _codings;

                    /// <summary>An unbuffered stream was read from, so its bytes cannot be read again.</summary>
                    public bool Consumed { get; private set; }

                    /// <summary>The read reached the end of the body, within the bound and without a failure.</summary>
                    public bool Complete { get; private set; }

                    public async global::System.Threading.Tasks.Task ReadAsync(global::System.Net.Http.HttpContent content, global::System.Threading.CancellationToken cancellationToken)
                    {
                        cancellationToken.ThrowIfCancellationRequested();

                        long? declared;
                        global::System.IO.Stream stream;
                        try
                        {
                            declared = content.Headers.ContentLength;
                            stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                        }
                        catch (global::System.Exception ex) when (!(ex is global::System.ObjectDisposedException) && !cancellationToken.IsCancellationRequested)
                        {
                            // A content that cannot give its body (one already consumed elsewhere, a failing custom content)
                            // has nothing to read; only a disposed one is the caller's mistake, and that propagates.
                            return;
                        }

                        _charset = content.Headers.ContentType == null ? null : content.Headers.ContentType.CharSet;
                        _codings = global::System.Linq.Enumerable.ToArray(content.Headers.ContentEncoding);

                        // Room for a declared length plus the read that finds the end, so a small body is one small buffer.
                        _buffer = new byte[declared.HasValue && declared.Value >= 0 ? (int)global::System.Math.Min(declared.Value + 1, MaxBodyBytes) : ChunkBytes];
                        try
                        {
                            // Not disposed: HttpContent hands this same stream to every reader of the body.
                            var seekable = stream.CanSeek;
                            if (seekable)
                            {
                                stream.Position = 0;
                            }

                            Consumed = !seekable;

                            // A network read may ignore the token; closing the stream ends it. A seekable body is in memory and never waits.
                            var registration = seekable ? default(global::System.Threading.CancellationTokenRegistration) : cancellationToken.Register(s => ((global::System.IDisposable)s{{bang}}).Dispose(), stream);
                            using (registration)
                            {
                                while (true)
                                {
                                    if (_count == _buffer.Length)
                                    {
                                        if (_count == MaxBodyBytes)
                                        {
                                            break;
                                        }

                                        _buffer = Grow(_buffer, _count);
                                    }

                                    var read = await stream.ReadAsync(_buffer, _count, global::System.Math.Min(ReadBytes, _buffer.Length - _count), cancellationToken).ConfigureAwait(false);
                                    if (read == 0)
                                    {
                                        Complete = true;
                                        break;
                                    }

                                    _count += read;
                                }
                            }

                            if (seekable)
                            {
                                stream.Position = 0;
                            }
                        }
                        catch (global::System.Exception) when (!cancellationToken.IsCancellationRequested)
                        {
                            // The body broke off (a reset, a closed connection, corrupt compressed data): keep the part that arrived.
                            Complete = false;
                        }
                    }

                    public byte[] ToArray()
                    {
                        var bytes = new byte[_count];
                        global::System.Buffer.BlockCopy(_buffer, 0, bytes, 0, _count);
                        return bytes;
                    }

                    public string ToText()
                    {
                        var bytes = _buffer;
                        var count = _count;
                        if (_codings != null)
                        {
                            // Codings are listed in the order they were applied, so they are undone from the last.
                            for (var i = _codings.Length - 1; i >= 0 && count > 0; i--)
                            {
                                if (!TryDecompress(_codings[i], ref bytes, ref count))
                                {
                                    break;
                                }
                            }
                        }

                        return Decode(bytes, count, _charset);
                    }
                }

                private static byte[] Grow(byte[] buffer, int count)
                {
                    var grown = new byte[global::System.Math.Min(MaxBodyBytes, global::System.Math.Max(ChunkBytes, buffer.Length * 2))];
                    global::System.Buffer.BlockCopy(buffer, 0, grown, 0, count);
                    return grown;
                }

                /// <summary>Undoes one content coding, keeping at most <see cref="MaxBodyBytes"/>; false for a coding it does not know.</summary>
                private static bool TryDecompress(string coding, ref byte[] bytes, ref int count)
                {
                    var name = coding.Trim().ToLowerInvariant();
                    if (name == "identity")
                    {
                        return true;
                    }

                    var source = new global::System.IO.MemoryStream(bytes, 0, count, writable: false);
                    global::System.IO.Stream decoder;
                    if (name == "gzip" || name == "x-gzip")
                    {
                        decoder = new global::System.IO.Compression.GZipStream(source, global::System.IO.Compression.CompressionMode.Decompress);
                    }
                    else if (name == "deflate")
                    {
                        // HTTP's deflate is zlib-wrapped (RFC 9110); some servers send raw deflate, so the header is optional.
                        if (count >= 2 && (bytes[0] & 0x0F) == 8 && ((bytes[0] << 8) | bytes[1]) % 31 == 0)
                        {
                            source.Position = 2;
                        }

                        decoder = new global::System.IO.Compression.DeflateStream(source, global::System.IO.Compression.CompressionMode.Decompress);
                    }
                """);
            if (context.Capabilities.HasBrotli)
            {
                writer.WriteLines("""
                        else if (name == "br")
                        {
                            decoder = new global::System.IO.Compression.BrotliStream(source, global::System.IO.Compression.CompressionMode.Decompress);
                        }
                    """);
            }

            writer.WriteLines($$"""
                    else
                    {
                        return false;
                    }

                    var output = new byte[global::System.Math.Min(MaxBodyBytes, global::System.Math.Max(ChunkBytes, count * 4))];
                    var written = 0;
                    using (decoder)
                    {
                        try
                        {
                            while (true)
                            {
                                if (written == output.Length)
                                {
                                    if (written == MaxBodyBytes)
                                    {
                                        break;
                                    }

                                    output = Grow(output, written);
                                }

                                var read = decoder.Read(output, written, global::System.Math.Min(ReadBytes, output.Length - written));
                                if (read == 0)
                                {
                                    break;
                                }

                                written += read;
                            }
                        }
                        catch (global::System.Exception ex) when (ex is global::System.IO.InvalidDataException || ex is global::System.IO.IOException || ex is global::System.NotSupportedException)
                        {
                            // Corrupt or cut-off data: keep what decompressed.
                        }
                    }

                    bytes = output;
                    count = written;
                    return true;
                }

                private static string Decode(byte[] bytes, int count, {{n}} charset)
                {
                    if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                    {
                        return global::System.Text.Encoding.UTF8.GetString(bytes, 3, count - 3);
                    }

                    var encoding = global::System.Text.Encoding.UTF8;
                    if (!string.IsNullOrEmpty(charset))
                    {
                        try
                        {
                            encoding = global::System.Text.Encoding.GetEncoding(charset{{bang}}.Trim().Trim('"'));
                        }
                        catch (global::System.ArgumentException)
                        {
                            // A charset the runtime does not know: read it as UTF-8 rather than fail.
                        }
                        catch (global::System.NotSupportedException)
                        {
                            // As above.
                        }
                    }

                    return encoding.GetString(bytes, 0, count);
                }
                """);
        });
    }
}
