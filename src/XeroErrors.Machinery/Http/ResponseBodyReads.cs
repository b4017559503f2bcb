namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;
    using System.IO;
    using System.IO.Compression;
    using System.Linq;
    using System.Net.Http;
    using System.Runtime.CompilerServices;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// Reads an HTTP response's body once per content, for every caller of every spec's classifier: bounded to
    /// <see cref="MaxBytes"/> after decompression, decoded in the charset the response names, and never failing on what
    /// arrived (a reset, a closed connection or corrupt compressed data gives the part that arrived).
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ResponseBodyReads
    {
        /// <summary>The most of a body that is read, after decompression.</summary>
        public const int MaxBytes = 1024 * 1024;

        /// <summary>The one read of each content's body, shared by every caller.</summary>
        private static readonly ConditionalWeakTable<HttpContent, BodyRead> Reads = new ConditionalWeakTable<HttpContent, BodyRead>();

        /// <summary>The text of a content's body: the first caller starts the one read, and every other caller shares it.</summary>
        public static Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            return Reads.GetValue(content, c => new BodyRead(c)).GetTextAsync(cancellationToken);
        }

        /// <summary>The text of a response's body through the shared read, or null when the response has no content.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
        public static Task<string> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            var content = response.Content;
            return content == null ? Task.FromResult<string>(null) : ReadAsync(content, cancellationToken);
        }

        /// <summary>
        /// Reads the body as <see cref="ReadAsync"/> does and, where that read consumed an unbuffered body whole, puts
        /// the bytes back as buffered content, so a response handed on (a retry that gives up) still has all its body.
        /// </summary>
        /// <returns>The text, or null when the response has no content.</returns>
        public static async Task<string> ReadKeepingItAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content == null)
            {
                return null;
            }

            var text = await ReadAsync(content, cancellationToken).ConfigureAwait(false);
            BodyRead read;
            if (response.Content == content && Reads.TryGetValue(content, out read))
            {
                var whole = read.TakeConsumedBody();
                if (whole != null)
                {
                    var copy = new ByteArrayContent(whole);
                    foreach (var header in content.Headers)
                    {
                        copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    Reads.Add(copy, read);
                    response.Content = copy;
                    content.Dispose();
                }
            }

            return text;
        }

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
            private readonly HttpContent _content;

            // The read in progress or done; null until a caller starts it, and again after a cancelled read that can be redone.
            private Task<string> _text;

            // An unbuffered body read whole, kept until a retry helper puts it back into the response.
            private byte[] _consumedBody;

            public BodyRead(HttpContent content)
            {
                _content = content;
            }

            public async Task<string> GetTextAsync(CancellationToken cancellationToken)
            {
                while (true)
                {
                    var running = Volatile.Read(ref _text);
                    if (running == null)
                    {
                        var mine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                        running = Interlocked.CompareExchange(ref _text, mine.Task, null);
                        if (running == null)
                        {
                            return await ReadAsync(mine, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    try
                    {
                        return await WaitAsync(running, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && running.IsCanceled)
                    {
                        // The caller that started the read cancelled it before anything was consumed: start it again.
                    }
                }
            }

            /// <summary>The bytes of an unbuffered body that was read whole, once; null otherwise.</summary>
            public byte[] TakeConsumedBody() => Interlocked.Exchange(ref _consumedBody, null);

            private async Task<string> ReadAsync(TaskCompletionSource<string> result, CancellationToken cancellationToken)
            {
                var bytes = new BodyBytes();
                try
                {
                    await bytes.ReadAsync(_content, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested)
                {
                    if (bytes.Consumed)
                    {
                        // A body that can be read once is gone: the callers still waiting get the part that arrived.
                        result.SetResult(bytes.ToText());
                    }
                    else
                    {
                        Volatile.Write(ref _text, null);
                        result.SetCanceled();
                    }

                    throw new OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
                }
                catch (Exception ex)
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

            private static async Task<string> WaitAsync(Task<string> task, CancellationToken cancellationToken)
            {
                if (!task.IsCompleted && cancellationToken.CanBeCanceled)
                {
                    var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    using (cancellationToken.Register(s => ((TaskCompletionSource<bool>)s).TrySetResult(true), cancelled))
                    {
                        if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                        {
                            throw new OperationCanceledException(cancellationToken);
                        }
                    }
                }

                return await task.ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Reads a response's body as <see cref="ReadAsync"/> does, without sharing the read: for the error handler, which
        /// holds a response that no other code has seen yet and disposes it right after.
        /// </summary>
        /// <returns>The text, or null when the response has no content.</returns>
        public static async Task<string> ReadUnsharedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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
            catch (Exception ex) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
            }

            return bytes.ToText();
        }

        /// <summary>The bytes of one read, with what the content's headers say about decoding them.</summary>
        private sealed class BodyBytes
        {
            private byte[] _buffer = new byte[0];
            private int _count;
            private string _charset;
            private string[] _codings;

            /// <summary>An unbuffered stream was read from, so its bytes cannot be read again.</summary>
            public bool Consumed { get; private set; }

            /// <summary>The read reached the end of the body, within the bound and without a failure.</summary>
            public bool Complete { get; private set; }

            public async Task ReadAsync(HttpContent content, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();

                long? declared;
                Stream stream;
                try
                {
                    declared = content.Headers.ContentLength;
                    stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is ObjectDisposedException) && !cancellationToken.IsCancellationRequested)
                {
                    // A content that cannot give its body (one already consumed elsewhere, a failing custom content)
                    // has nothing to read; only a disposed one is the caller's mistake, and that propagates.
                    return;
                }

                _charset = content.Headers.ContentType == null ? null : content.Headers.ContentType.CharSet;
                _codings = Enumerable.ToArray(content.Headers.ContentEncoding);

                // Room for a declared length plus the read that finds the end, so a small body is one small buffer.
                _buffer = new byte[declared.HasValue && declared.Value >= 0 ? (int)Math.Min(declared.Value + 1, ResponseBodyReads.MaxBytes) : ChunkBytes];
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
                    var registration = seekable ? default(CancellationTokenRegistration) : cancellationToken.Register(s => ((IDisposable)s).Dispose(), stream);
                    using (registration)
                    {
                        while (true)
                        {
                            if (_count == _buffer.Length)
                            {
                                if (_count == ResponseBodyReads.MaxBytes)
                                {
                                    break;
                                }

                                _buffer = Grow(_buffer, _count);
                            }

                            var read = await stream.ReadAsync(_buffer, _count, Math.Min(ReadBytes, _buffer.Length - _count), cancellationToken).ConfigureAwait(false);
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
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The body broke off (a reset, a closed connection, corrupt compressed data): keep the part that arrived.
                    Complete = false;
                }
            }

            public byte[] ToArray()
            {
                var bytes = new byte[_count];
                Buffer.BlockCopy(_buffer, 0, bytes, 0, _count);
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
            var grown = new byte[Math.Min(ResponseBodyReads.MaxBytes, Math.Max(ChunkBytes, buffer.Length * 2))];
            Buffer.BlockCopy(buffer, 0, grown, 0, count);
            return grown;
        }

        /// <summary>Undoes one content coding, keeping at most <see cref="ResponseBodyReads.MaxBytes"/>; false for a coding it does not know.</summary>
        private static bool TryDecompress(string coding, ref byte[] bytes, ref int count)
        {
            var name = coding.Trim().ToLowerInvariant();
            if (name == "identity")
            {
                return true;
            }

            var source = new MemoryStream(bytes, 0, count, writable: false);
            Stream decoder;
            if (name == "gzip" || name == "x-gzip")
            {
                decoder = new GZipStream(source, CompressionMode.Decompress);
            }
            else if (name == "deflate")
            {
                // HTTP's deflate is zlib-wrapped (RFC 9110); some servers send raw deflate, so the header is optional.
                if (count >= 2 && (bytes[0] & 0x0F) == 8 && ((bytes[0] << 8) | bytes[1]) % 31 == 0)
                {
                    source.Position = 2;
                }

                decoder = new DeflateStream(source, CompressionMode.Decompress);
            }
#if XEROERRORS_BROTLI
            else if (name == "br")
            {
                decoder = new BrotliStream(source, CompressionMode.Decompress);
            }
#endif
            else
            {
                return false;
            }

            var output = new byte[Math.Min(ResponseBodyReads.MaxBytes, Math.Max(ChunkBytes, count * 4))];
            var written = 0;
            using (decoder)
            {
                try
                {
                    while (true)
                    {
                        if (written == output.Length)
                        {
                            if (written == ResponseBodyReads.MaxBytes)
                            {
                                break;
                            }

                            output = Grow(output, written);
                        }

                        var read = decoder.Read(output, written, Math.Min(ReadBytes, output.Length - written));
                        if (read == 0)
                        {
                            break;
                        }

                        written += read;
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is NotSupportedException)
                {
                    // Corrupt or cut-off data: keep what decompressed.
                }
            }

            bytes = output;
            count = written;
            return true;
        }

        private static string Decode(byte[] bytes, int count, string charset)
        {
            if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                return Encoding.UTF8.GetString(bytes, 3, count - 3);
            }

            var encoding = Encoding.UTF8;
            if (!string.IsNullOrEmpty(charset))
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset.Trim().Trim('"'));
                }
                catch (ArgumentException)
                {
                    // A charset the runtime does not know: read it as UTF-8 rather than fail.
                }
                catch (NotSupportedException)
                {
                    // As above.
                }
            }

            return encoding.GetString(bytes, 0, count);
        }
    }
}
