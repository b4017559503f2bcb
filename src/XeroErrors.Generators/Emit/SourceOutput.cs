using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Consumer;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>The pipeline's last step: adds each spec's generated files to the compilation.</summary>
internal static class SourceOutput
{
    /// <param name="context">Where the files go.</param>
    /// <param name="inputs">Every spec with a model, in the order the project lists them.</param>
    /// <param name="capabilities">What the consumer's compilation has.</param>
    /// <param name="losingSpecs">Specs that lost a clash (<see cref="SpecConflicts"/>): they generate nothing, and XERR021 says why.</param>
    /// <param name="ungovernedSpecs">Specs whose rate limits an earlier spec's governor keeps instead (XERR113).</param>
    public static void Add(SourceProductionContext context, ImmutableArray<EmitInput?> inputs, ConsumerCapabilities capabilities, EquatableArray<string> losingSpecs, EquatableArray<string> ungovernedSpecs = default)
    {
        if (MachineryLibrary.IsTooOld(capabilities.MachineryLibraryVersion))
        {
            // XERR028 says why: code that calls members the referenced library lacks would only add errors after it.
            return;
        }

        var losers = new HashSet<string>(losingSpecs, StringComparer.Ordinal);
        var ungoverned = new HashSet<string>(ungovernedSpecs, StringComparer.Ordinal);
        string? firstEmitted = null;
        var parts = new List<string>();
        foreach (var input in inputs)
        {
            if (input is null || losers.Contains(input.FilePath))
            {
                continue;
            }

            var model = ungoverned.Contains(input.FilePath) ? input.Model with { RateLimits = null } : input.Model;
            IReadOnlyList<GeneratedFile> files;
            try
            {
                // Everything is generated before anything is added: a failure leaves no half-built code behind.
                files = Emitter.Emit(model, capabilities, input.FilePath);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                context.ReportDiagnostic(InternalError.For(input.FilePath, ex).ToDiagnostic());
                continue;
            }

            firstEmitted ??= input.FilePath;
            if (Emitter.ReadsBodies(model) && !parts.Contains(MachineryEmitter.Bodies))
            {
                parts.Add(MachineryEmitter.Bodies);
            }

            if (Emitter.GovernsRateLimits(model, capabilities) && !parts.Contains(MachineryEmitter.RateLimits))
            {
                parts.Add(MachineryEmitter.RateLimits);
            }

            foreach (var file in files)
            {
                AddFile(context, file, input.FilePath);
            }
        }

        // The machinery once, however many specs use it: a second spec adds only what its own spec decides. Where the
        // compilation references the runtime library, the generated code calls that instead, and nothing is added.
        if (MachineryLibrary.IsUsable(capabilities.MachineryLibraryVersion))
        {
            return;
        }

        if (firstEmitted is not null)
        {
            // Every spec has exceptions and a headers type, which collect and parse header values with these.
            parts.Add(MachineryEmitter.Exceptions);
            parts.Add(MachineryEmitter.Headers);
        }

        if (capabilities.HasHttp && firstEmitted is not null)
        {
            parts.Add(MachineryEmitter.Http);
        }

        if (parts.Count == 0)
        {
            return;
        }

        IReadOnlyList<GeneratedFile> machinery;
        try
        {
            machinery = MachineryEmitter.Emit(capabilities, parts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(InternalError.For(firstEmitted!, ex).ToDiagnostic());
            return;
        }

        foreach (var file in machinery)
        {
            AddFile(context, file, firstEmitted!);
        }
    }

    private static void AddFile(SourceProductionContext context, GeneratedFile file, string specPath)
    {
        try
        {
            context.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
        }
        catch (ArgumentException ex)
        {
            // A file name another spec already used in a way SpecConflicts did not foresee.
            context.ReportDiagnostic(InternalError.For(specPath, ex).ToDiagnostic());
        }
    }
}
