namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>A body made on the fly: as long as asked, without ever holding it in memory, and counting what was read.</summary>
internal sealed class GeneratedStream(byte[] prefix, long length, byte fill = (byte)'x', Exception? failAfterPrefix = null) : Stream
{
    private long _position;

    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (failAfterPrefix is not null && _position >= prefix.Length)
        {
            throw failAfterPrefix;
        }

        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[offset + i] = at < prefix.Length ? prefix[at] : fill;
        }

        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[buffer.Length];
        var n = Read(array, 0, array.Length);
        array.AsSpan(0, n).CopyTo(buffer.Span);
        return ValueTask.FromResult(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
