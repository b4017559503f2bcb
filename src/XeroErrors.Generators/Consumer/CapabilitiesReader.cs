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
            HasHttpResilience: hasHttp && Has(compilation, "Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions"));
    }

    /// <summary>
    /// Whether any reference defines the type. <see cref="Compilation.GetTypeByMetadataName"/> answers null when two
    /// references both define it (a polyfill beside the real assembly), which would hide a capability the consumer has.
    /// </summary>
    private static bool Has(Compilation compilation, string metadataName) => !compilation.GetTypesByMetadataName(metadataName).IsEmpty;
}
