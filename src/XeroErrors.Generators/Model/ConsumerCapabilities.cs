namespace XeroErrors.Generators.Model;

/// <summary>
/// What the consumer's compilation offers, reduced to flags so that a C# edit that does not change
/// them leaves the pipeline cached.
/// </summary>
/// <param name="SupportsNullable">C# 8 or later: <c>#nullable</c> and <c>?</c> annotations may be emitted.</param>
/// <param name="HasHttp"><c>System.Net.Http.HttpResponseMessage</c> is referenced.</param>
/// <param name="HasSystemTextJson"><c>System.Text.Json.JsonDocument</c> is referenced.</param>
/// <param name="HasPolly">Polly v8 (<c>Polly.Retry.RetryStrategyOptions`1</c>) is referenced.</param>
/// <param name="HasBrotli"><c>System.IO.Compression.BrotliStream</c> is referenced (.NET Core 2.1 and later), so <c>br</c> bodies can be read.</param>
/// <param name="HasXml"><c>System.Xml.XmlTextReader</c> is referenced, so XML bodies can be read.</param>
/// <param name="HasRegex"><c>System.Text.RegularExpressions.Regex</c> is referenced, so fields with a <c>pattern</c> can be read.</param>
/// <param name="HasValueTuple"><c>System.ValueTuple`2</c> is referenced, so <c>FromPairs</c> takes (Name, Value) tuples.</param>
/// <param name="HasValueTask"><c>System.Threading.Tasks.ValueTask`1</c> is referenced, so <c>CreateExceptionAsync</c> fits Refit's exception factory.</param>
/// <param name="HasRefit">Refit (<c>Refit.ApiException</c>) is referenced.</param>
/// <param name="HasFlurl">Flurl.Http (<c>Flurl.Http.FlurlCall</c>) is referenced.</param>
/// <param name="HasRestSharp">RestSharp (<c>RestSharp.RestResponse</c>) is referenced.</param>
/// <param name="HasHttpResilience">Microsoft.Extensions.Http.Resilience (<c>HttpStandardResilienceOptions</c>) is referenced.</param>
/// <param name="HasXeroSdk">Xero's SDK (<c>Xero.NetStandard.OAuth2</c>) is referenced, with the error-path types its glue uses.</param>
/// <param name="HasRateLimiting">System.Threading.RateLimiting (<c>RateLimiter</c>) and <c>System.TimeProvider</c> are referenced, so a spec's rate limits become a governor.</param>
/// <param name="MachineryLibraryVersion">The version of the referenced runtime library, XeroErrors.Machinery (<c>major.minor.patch</c>), or null: where it is usable the generated code calls it instead of compiling the machinery.</param>
/// <param name="HasXeroSdkRateLimit">The SDK's <c>ApiException</c> has <c>RetryAfter</c> and <c>LimitType</c> (SDK 3.22.1 and later).</param>
internal sealed record ConsumerCapabilities(
    bool SupportsNullable,
    bool HasHttp,
    bool HasSystemTextJson,
    bool HasPolly,
    bool HasBrotli = false,
    bool HasXml = false,
    bool HasRegex = false,
    bool HasValueTuple = false,
    bool HasValueTask = false,
    bool HasRefit = false,
    bool HasFlurl = false,
    bool HasRestSharp = false,
    bool HasHttpResilience = false,
    bool HasXeroSdk = false,
    bool HasXeroSdkRateLimit = false,
    bool HasRateLimiting = false,
    string? MachineryLibraryVersion = null)
{
    public static readonly ConsumerCapabilities Modern = new(SupportsNullable: true, HasHttp: true, HasSystemTextJson: true, HasPolly: false, HasBrotli: true, HasXml: true, HasRegex: true, HasValueTuple: true, HasValueTask: true, HasRateLimiting: true);
}
