using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Consumer;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators;

/// <summary>
/// Turns each <c>errors.yaml</c> or <c>*.errors.yaml</c> additional file into a response-kind enum, an
/// exception hierarchy and a response classifier.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class XeroErrorsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Spec files → parsed specs (model + diagnostics as equatable data).
        var parsed = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .WithTrackingName(TrackingNames.SpecFiles)
            .Select(static (file, cancellationToken) => InternalError.Guard(file.Path, () => SpecParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken)))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        // No spec at all: one warning that says where a spec goes (a project without one on purpose puts XERR107 in NoWarn).
        var specCount = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Collect()
            .Select(static (files, _) => files.Length);
        context.RegisterSourceOutput(specCount, static (spc, count) => DiagnosticReporter.Report(spc, SpecFiles.NoSpecWarning(count)));

        // MSBuild options, applied to every spec; a bad value becomes a diagnostic there.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);
        context.RegisterSourceOutput(options, static (spc, o) => DiagnosticReporter.Report(spc, OptionsReader.Diagnostics(o)));

        var resolved = parsed
            .Combine(options)
            .Select(static (pair, _) => InternalError.Guard(pair.Left.FilePath, () => OptionsReader.Apply(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.ResolvedSpecs);

        // What the consumer's compilation has, reduced to flags: a C# edit leaves them equal and the pipeline cached.
        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => CapabilitiesReader.Read(compilation))
            .WithTrackingName(TrackingNames.Capabilities);

        // Diagnostics: a pipeline of their own, so that positions never reach the emitter's inputs.
        var diagnostics = resolved
            .Combine(capabilities)
            .Select(static (pair, _) => CapabilityDiagnostics.Add(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) => DiagnosticReporter.Report(spc, list));

        // Referenced assemblies that hold generated types already (a shared client library), by their markers.
        var referencedSpecs = context.CompilationProvider
            .Select(static (compilation, _) => ReferencedSpecsReader.Read(compilation))
            .WithTrackingName(TrackingNames.ReferencedSpecs);

        // Two specs that would generate the same type: the first keeps it, the others generate nothing (XERR021); a
        // spec whose types a referenced assembly holds uses those (XERR109), or is told they clash (XERR110).
        var conflicts = resolved
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => SpecIdentity.Of(r.FilePath, r.Model!))
            .Collect()
            .WithTrackingName(TrackingNames.SpecIdentities)
            .Combine(referencedSpecs)
            .Select(static (pair, _) => SpecConflicts.Find(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SpecConflicts);
        context.RegisterSourceOutput(conflicts, static (spc, c) => DiagnosticReporter.Report(spc, c.Diagnostics));

        // Models → source. Only the model goes on, without positions, so an edit that moves text but changes no
        // meaning stops here. A spec with errors still has a model of its valid parts; an empty one has none.
        var models = resolved
            .Select(static (r, _) => r.Model is null ? null : new EmitInput(r.FilePath, r.Model))
            .WithTrackingName(TrackingNames.Models)
            .Where(static input => input is not null)
            .Collect()
            .Combine(capabilities)
            .Combine(conflicts);
        context.RegisterSourceOutput(models, static (spc, input) => SourceOutput.Add(spc, input.Left.Left, input.Left.Right, input.Right.LosingSpecs, input.Right.UngovernedSpecs));
    }
}
