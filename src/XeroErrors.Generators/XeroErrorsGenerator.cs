using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Consumer;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Model;
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
            .Select(static (file, cancellationToken) => Guard.Parse(file.Path, () => SpecParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken)))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        // No spec at all: one warning that says where a spec goes (a project without one on purpose puts XERR107 in NoWarn).
        var specCount = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Collect()
            .Select(static (files, _) => files.Length);
        context.RegisterSourceOutput(specCount, static (spc, count) => Guard.Report(spc, SpecFiles.NoSpecWarning(count)));

        // MSBuild options, applied to every spec; a bad value becomes a diagnostic there.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);
        context.RegisterSourceOutput(options, static (spc, o) => Guard.Report(spc, OptionsReader.Diagnostics(o)));

        var resolved = parsed
            .Combine(options)
            .Select(static (pair, _) => Guard.Parse(pair.Left.FilePath, () => OptionsReader.Apply(pair.Left, pair.Right)))
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
        context.RegisterSourceOutput(diagnostics, static (spc, list) => Guard.Report(spc, list));

        var identities = resolved
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => SpecIdentity.Of(r.FilePath, r.Model!))
            .Collect()
            .WithTrackingName(TrackingNames.SpecIdentities);
        context.RegisterSourceOutput(identities, static (spc, list) => Guard.Report(spc, SpecIdentity.Collisions(list)));

        // Models → source. Only the model goes on, without positions, so an edit that moves text but changes no
        // meaning stops here. A spec with errors still has a model of its valid parts; an empty one has none.
        // Specs are emitted together so that two naming the same types (XERR021) cannot clash on a file name.
        var models = resolved
            .Select(static (r, _) => r.Model is null ? null : new EmitInput(r.FilePath, r.Model))
            .WithTrackingName(TrackingNames.Models)
            .Where(static input => input is not null)
            .Collect()
            .Combine(capabilities);
        context.RegisterSourceOutput(models, static (spc, pair) => Guard.Emit(spc, pair.Left!, pair.Right));
    }
}

/// <summary>The emitter's input: the model and the file name it came from.</summary>
internal sealed record EmitInput(string FilePath, SpecModel Model);

/// <summary>Which additional files are specs.</summary>
internal static class SpecFiles
{
    /// <summary>XERR107 when the project has no spec at all; nothing otherwise.</summary>
    public static EquatableArray<DiagnosticInfo> NoSpecWarning(int specCount) =>
        specCount > 0 ? EquatableArray<DiagnosticInfo>.Empty : new[] { DiagnosticInfo.Create(DiagnosticDescriptors.NoSpec, null) }.ToEquatableArray();

    public static bool IsSpec(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, "errors.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".errors.yaml", StringComparison.OrdinalIgnoreCase);
    }
}
