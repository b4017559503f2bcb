using System;
using XeroErrors.Generators.Model;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>
/// Keeps exceptions inside the generator. An exception escaping a callback shows as warning CS8785 and a pile
/// of misleading errors about missing types; here it becomes one XERR999 error at the spec instead.
/// </summary>
internal static class InternalError
{
    /// <summary>Runs one step on a spec; an exception becomes XERR999 beside the types every spec has.</summary>
    public static SpecParseResult Guard(string path, Func<SpecParseResult> step)
    {
        try
        {
            return step();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The types every spec has still generate, so the consumer's code does not fail on top of XERR999.
            return new SpecParseResult(path, SpecParser.Skeleton(), new EquatableArray<DiagnosticInfo>(new[] { For(path, ex) }), EquatableArray<BodyUse>.Empty);
        }
    }

    /// <summary>XERR999 at the start of the spec, naming the exception and its message.</summary>
    public static DiagnosticInfo For(string path, Exception ex) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SpecLocation.FileStart(path), System.IO.Path.GetFileName(path), ex.GetType().FullName ?? ex.GetType().Name, YamlNodes.Quote(ex.Message));
}
