using System;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace XeroErrors.Generators.Benchmarks.Classifier;

/// <summary>
/// The generated <c>XeroResponseClassifier.Classify</c> against the hand-written switch, over the seed's mix of
/// responses. Each figure is per call (one response), averaged over the mix.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private readonly SeedResponse[] _mix = ResponseMix.All;
    private XeroResponseHeaders[] _headers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _headers = _mix.Select(r => XeroResponseHeaders.FromPairs(r.Headers)).ToArray();
        foreach (var response in _mix)
        {
            var expected = HandWrittenClassifier.Classify(response.Status, response.Body);
            var actual = XeroResponseClassifier.Classify(response.Status, response.Body);
            if (expected.Kind != actual.Kind || expected.IsTransient != actual.IsTransient || expected.RetryAfter != actual.RetryAfter)
            {
                throw new InvalidOperationException($"The baseline and the generated classifier disagree on {response.Status} \"{response.Body}\": {expected} and {actual}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ResponseMix.Count)]
    public int HandWritten()
    {
        var checksum = 0;
        foreach (var response in _mix)
        {
            checksum += Fold(HandWrittenClassifier.Classify(response.Status, response.Body));
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = ResponseMix.Count)]
    public int Generated()
    {
        var checksum = 0;
        foreach (var response in _mix)
        {
            checksum += Fold(XeroResponseClassifier.Classify(response.Status, response.Body));
        }

        return checksum;
    }

    /// <summary>The overload with the response's headers (already read), as <c>ClassifyAsync</c> calls it.</summary>
    [Benchmark(OperationsPerInvoke = ResponseMix.Count)]
    public int GeneratedWithHeaders()
    {
        var checksum = 0;
        for (var i = 0; i < _mix.Length; i++)
        {
            checksum += Fold(XeroResponseClassifier.Classify(_mix[i].Status, _mix[i].Body, _headers[i]));
        }

        return checksum;
    }

    private static int Fold(XeroResponseClassification classification) =>
        ((int)classification.Kind * 4) + (classification.IsTransient ? 2 : 0) + (classification.RetryAfter.HasValue ? 1 : 0);
}
