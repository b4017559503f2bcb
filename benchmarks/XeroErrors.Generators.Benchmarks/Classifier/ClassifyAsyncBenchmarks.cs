using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace XeroErrors.Generators.Benchmarks.Classifier;

/// <summary>
/// The generated <c>ClassifyAsync</c> on <see cref="HttpResponseMessage"/>, per response of the seed's mix.
/// <para>
/// An application classifies each response once, and the first look at a response's headers parses them (HttpClient
/// stores them unparsed). So <see cref="ClassifyAsync"/> classifies a new response on every call, built as HttpClient
/// builds one, and <see cref="BuildResponses"/>, the baseline, only builds them: the difference is the classifier's
/// cost. <see cref="ClassifyAsync_NoBodyRead"/> reuses built responses of the statuses whose body is never read
/// (headers already parsed): the cheapest path.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class ClassifyAsyncBenchmarks
{
    // The seed mix less its five 503s and the 400 and 401, whose bodies tell TokenRequestRejected apart.
    private const int NoBodyCount = 8;

    private readonly SeedResponse[] _mix = ResponseMix.All;
    private byte[][] _bodies = null!;
    private HttpResponseMessage[] _noBodyRead = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bodies = _mix.Select(r => r.Body is null ? System.Array.Empty<byte>() : Encoding.UTF8.GetBytes(r.Body)).ToArray();
        _noBodyRead = Enumerable.Range(0, _mix.Length).Where(i => !XeroResponseClassifier.NeedsBody(_mix[i].Status)).Select(Build).ToArray();
        if (_noBodyRead.Length != NoBodyCount)
        {
            throw new System.InvalidOperationException($"Expected {NoBodyCount} responses whose body is not read, found {_noBodyRead.Length}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var response in _noBodyRead)
        {
            response.Dispose();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ResponseMix.Count)]
    public int BuildResponses()
    {
        var checksum = 0;
        for (var i = 0; i < _mix.Length; i++)
        {
            using var response = Build(i);
            checksum += (int)response.StatusCode;
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = ResponseMix.Count)]
    public async Task<int> ClassifyAsync()
    {
        var checksum = 0;
        for (var i = 0; i < _mix.Length; i++)
        {
            using var response = Build(i);
            var classification = await XeroResponseClassifier.ClassifyAsync(response).ConfigureAwait(false);
            checksum += (int)classification.Kind;
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = NoBodyCount)]
    public async Task<int> ClassifyAsync_NoBodyRead()
    {
        var checksum = 0;
        foreach (var response in _noBodyRead)
        {
            var classification = await XeroResponseClassifier.ClassifyAsync(response).ConfigureAwait(false);
            checksum += (int)classification.Kind;
        }

        return checksum;
    }

    private HttpResponseMessage Build(int index)
    {
        var seed = _mix[index];
        var content = new ByteArrayContent(_bodies[index]);
        content.Headers.ContentType = new MediaTypeHeaderValue(seed.ContentType) { CharSet = "utf-8" };
        var response = new HttpResponseMessage((HttpStatusCode)seed.Status) { Content = content };
        foreach (var header in seed.Headers)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return response;
    }
}
