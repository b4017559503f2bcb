using System;
using System.IO;
using XeroErrors.Generators.Diagnostics;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Spec;

/// <summary>Which additional files are specs.</summary>
internal static class SpecFiles
{
    /// <summary><c>errors.yaml</c>, or any <c>*.errors.yaml</c>, ignoring case.</summary>
    public static bool IsSpec(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, "errors.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".errors.yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>XERR107 when the project has no spec at all; nothing otherwise.</summary>
    public static EquatableArray<DiagnosticInfo> NoSpecWarning(int specCount) =>
        specCount > 0 ? EquatableArray<DiagnosticInfo>.Empty : new[] { DiagnosticInfo.Create(DiagnosticDescriptors.NoSpec, null) }.ToEquatableArray();
}
