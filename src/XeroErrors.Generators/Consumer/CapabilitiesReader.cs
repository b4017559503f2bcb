using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Consumer;

/// <summary>Looks at the consumer's compilation once per change and keeps only flags.</summary>
internal static class CapabilitiesReader
{
    public static ConsumerCapabilities Read(Compilation compilation)
    {
        // One type per assembly: DelegatingHandler lives beside HttpResponseMessage, Outcome<T> beside the options,
        // GZipStream beside BrotliStream. This runs after every keystroke, so it looks up no more than it must.
        var hasHttp = Has(compilation, "System.Net.Http.DelegatingHandler");
        var xeroSdk = XeroSdkApiException(compilation);
        return new(
            SupportsNullable: compilation is CSharpCompilation csharp && csharp.LanguageVersion >= LanguageVersion.CSharp8,
            HasHttp: hasHttp,
            HasSystemTextJson: Has(compilation, "System.Text.Json.JsonDocument"),
            HasPolly: Has(compilation, "Polly.Retry.RetryStrategyOptions`1"),
            HasBrotli: hasHttp && Has(compilation, "System.IO.Compression.BrotliStream"),
            HasXml: Has(compilation, "System.Xml.XmlTextReader"),
            HasRegex: Has(compilation, "System.Text.RegularExpressions.Regex"),
            HasValueTuple: Has(compilation, "System.ValueTuple`2"),
            HasValueTask: Has(compilation, "System.Threading.Tasks.ValueTask`1"),
            HasRefit: hasHttp && Has(compilation, "Refit.ApiException"),
            HasFlurl: hasHttp && Has(compilation, "Flurl.Http.FlurlCall"),
            HasRestSharp: hasHttp && Has(compilation, "RestSharp.RestResponse"),
            HasHttpResilience: hasHttp && Has(compilation, "Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions"),
            HasXeroSdk: xeroSdk != null,
            HasXeroSdkRateLimit: xeroSdk != null && HasRateLimitMembers(xeroSdk),
            HasRateLimiting: Has(compilation, "System.Threading.RateLimiting.RateLimiter") && Has(compilation, "System.TimeProvider"),
            MachineryLibraryVersion: MachineryLibrary.ReferencedVersion(compilation));
    }

    /// <summary>
    /// Xero's SDK (Xero.NetStandard.OAuth2) when the compilation has every type of its error path the glue uses: its
    /// exception, the response interface, the header map and the factory delegate. Null otherwise, or when two
    /// references define the exception (the glue could not name it unambiguously).
    /// </summary>
    private static INamedTypeSymbol? XeroSdkApiException(Compilation compilation)
    {
        var exceptions = compilation.GetTypesByMetadataName("Xero.NetStandard.OAuth2.Client.ApiException");
        return exceptions.Length == 1
            && Has(compilation, "Xero.NetStandard.OAuth2.Client.IApiResponse")
            && Has(compilation, "Xero.NetStandard.OAuth2.Client.Multimap`2")
            && Has(compilation, "Xero.NetStandard.OAuth2.Client.ExceptionFactory")
            ? exceptions[0]
            : null;
    }

    /// <summary>
    /// <c>RetryAfter</c>, <c>LimitType</c> and the constructor that sets them, which the SDK added in 3.22.1; older
    /// versions get glue that does without them.
    /// </summary>
    private static bool HasRateLimitMembers(INamedTypeSymbol apiException) =>
        apiException.GetMembers("RetryAfter").OfType<IPropertySymbol>().Any()
        && apiException.GetMembers("LimitType").OfType<IPropertySymbol>().Any()
        && apiException.InstanceConstructors.Any(c => c.Parameters.Length == 5);

    /// <summary>
    /// Whether any reference defines the type. <see cref="Compilation.GetTypeByMetadataName"/> answers null when two
    /// references both define it (a polyfill beside the real assembly), which would hide a capability the consumer has.
    /// </summary>
    private static bool Has(Compilation compilation, string metadataName) => !compilation.GetTypesByMetadataName(metadataName).IsEmpty;
}
