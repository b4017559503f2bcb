using System.Net;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>Content over a given stream, so a test controls exactly how the body behaves.</summary>
internal sealed class StreamingContent(Stream stream, long? length) : HttpContent
{
    public int Reads { get; private set; }

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) => stream.CopyToAsync(target);

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        Reads++;
        return Task.FromResult(stream);
    }

    protected override bool TryComputeLength(out long result)
    {
        result = length ?? 0;
        return length.HasValue;
    }
}
