using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>Reports diagnostics carried through the pipeline as data.</summary>
internal static class DiagnosticReporter
{
    /// <summary>Reports each diagnostic; one that cannot be turned into a <see cref="Diagnostic"/> becomes XERR999.</summary>
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
                diagnostic = InternalError.For(info.Location?.FilePath ?? string.Empty, ex).ToDiagnostic();
            }

            context.ReportDiagnostic(diagnostic);
        }
    }
}
