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
            HasRegex: Has(compilation, "System.Text.RegularExpressions.Regex"));
    }

    private static bool Has(Compilation compilation, string metadataName) => compilation.GetTypeByMetadataName(metadataName) is not null;
}
