using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>
/// Keeps exceptions inside the generator. An exception escaping a callback shows as warning CS8785 and a pile
/// of misleading errors about missing types; here it becomes one XERR999 error at the spec instead.
/// </summary>
internal static class Guard
{
    public static SpecParseResult Parse(string path, Func<SpecParseResult> parse)
    {
        try
        {
            return parse();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The types every spec has still generate, so the consumer's code does not fail on top of XERR999.
            return new SpecParseResult(path, SpecParser.Skeleton(), new EquatableArray<DiagnosticInfo>(new[] { Internal(path, ex) }), EquatableArray<BodyUse>.Empty);
        }
    }

    public static void Emit(SourceProductionContext context, ImmutableArray<EmitInput?> inputs, ConsumerCapabilities capabilities)
    {
        // The first spec to generate a type keeps it; SpecIdentity reports the others as XERR021.
        var present = inputs.Where(i => i is not null).Select(i => i!).ToList();
        var losers = new HashSet<string>(SpecIdentity.Conflicts(present.Select(i => SpecIdentity.Of(i.FilePath, i.Model))).Select(c => c.Spec.FilePath));
        foreach (var input in present)
        {
            if (losers.Contains(input.FilePath))
            {
                continue;
            }

            IReadOnlyList<GeneratedFile> files;
            try
            {
                // Everything is generated before anything is added: a failure leaves no half-built code behind.
                files = Emitter.Emit(input.Model, capabilities, input.FilePath);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                context.ReportDiagnostic(Internal(input.FilePath, ex).ToDiagnostic());
                continue;
            }

            foreach (var file in files)
            {
                try
                {
                    context.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
                }
                catch (ArgumentException ex)
                {
                    // A file name another spec already used in a way SpecIdentity did not foresee.
                    context.ReportDiagnostic(Internal(input.FilePath, ex).ToDiagnostic());
                }
            }
        }
    }

    /// <summary>Reports diagnostics carried as data; one that cannot be turned into a Diagnostic becomes XERR999.</summary>
    public static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            Diagnostic diagnostic;
            try
            {
                diagnostic = info.ToDiagnostic();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                diagnostic = Internal(info.Location?.FilePath ?? string.Empty, ex).ToDiagnostic();
            }

            context.ReportDiagnostic(diagnostic);
        }
    }

    public static DiagnosticInfo Internal(string path, Exception ex) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SpecLocation.FileStart(path), System.IO.Path.GetFileName(path), ex.GetType().FullName ?? ex.GetType().Name, YamlNodes.Quote(ex.Message));
}
