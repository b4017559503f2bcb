using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace XeroErrors.Generators.Benchmarks.Classifier;

/// <summary>
/// <c>ClassifyAsync</c> then <c>CreateException</c> on one 400 response, as the error handler does for each error:
/// the Projects validation body (the seed's, read by the first version too) is the baseline, against an Accounting
/// validation body (a nested Elements[].ValidationErrors[] walk) and a Payroll v2 problem with invalidFields.
/// </summary>
[MemoryDiagnoser]
public class BodyShapeBenchmarks
{
    private const string Projects = "{\"message\":\"The request is invalid.\",\"modelState\":{\"model.Name\":[\"The Project Name cannot be empty\"],\"model.ContactId\":[\"The ContactId cannot be null or empty\"]}}";

    private const string Accounting = "{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\",\"Elements\":[{\"ContactID\":\"00000000-0000-0000-0000-000000000000\",\"Name\":\"Buzz Lightyear\",\"Addresses\":[{\"AddressType\":\"POBOX\",\"ValidationErrors\":[]}],\"ValidationErrors\":[{\"Message\":\"The contact name Buzz Lightyear is already assigned to another contact. The contact name must be unique across all active contacts.\"}]}]}";

    private const string Payroll = "{\"type\":\"application/problem+json\",\"title\":\"BadRequest\",\"status\":400,\"detail\":\"Validation error occurred.\",\"instance\":null,\"invalidFields\":[{\"name\":\"DateOfBirth\",\"reason\":\"The Date of Birth is required.\"}]}";

    private readonly byte[] _projects = Encoding.UTF8.GetBytes(Projects);
    private readonly byte[] _accounting = Encoding.UTF8.GetBytes(Accounting);
    private readonly byte[] _payroll = Encoding.UTF8.GetBytes(Payroll);

    [Benchmark(Baseline = true)]
    public Task<int> ProjectsValidation() => ClassifyAndCreate(_projects);

    [Benchmark]
    public Task<int> AccountingValidation() => ClassifyAndCreate(_accounting);

    [Benchmark]
    public Task<int> PayrollProblem() => ClassifyAndCreate(_payroll);

    private static async Task<int> ClassifyAndCreate(byte[] body)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent(body) };
        var classification = await XeroResponseClassifier.ClassifyAsync(response).ConfigureAwait(false);
        var text = await XeroResponseClassifier.ReadBodyAsync(response).ConfigureAwait(false);
        var exception = XeroResponseClassifier.CreateException(classification, text);
        return exception.ValidationErrors.Count + (int)exception.Kind;
    }
}
