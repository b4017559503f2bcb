using System;
using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Emit;

namespace XeroErrors.Generators.Consumer;

/// <summary>
/// The runtime library, XeroErrors.Machinery.dll (the package's <c>lib/</c>): where a compilation references it, the
/// generated code calls it instead of compiling the machinery itself. Its surface only grows, so a library at least as
/// new as the generator has every member the generated code calls; an older one gets XERR028 instead of a
/// <see cref="MissingMethodException"/> at run time.
/// </summary>
internal static class MachineryLibrary
{
    public const string AssemblyName = "XeroErrors.Machinery";

    /// <summary>The least version the generated code can call: the generator's own <c>major.minor.patch</c>, without a prerelease label.</summary>
    private static readonly Version RequiredVersion = NumericPart(ThisAssembly.Version);

    /// <summary><see cref="RequiredVersion"/> as the diagnostics write it.</summary>
    public static string Required { get; } = Format(RequiredVersion);

    /// <summary>The version of the referenced library (<c>major.minor.patch</c>), or null when the compilation has none.</summary>
    public static string? ReferencedVersion(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (string.Equals(identity.Name, AssemblyName, StringComparison.Ordinal))
            {
                return Format(identity.Version);
            }
        }

        return null;
    }

    /// <summary>Whether the compilation references the library and it is recent enough for the generated code.</summary>
    public static bool IsUsable(string? version) =>
        version is not null && Version.TryParse(version, out var referenced) && referenced >= RequiredVersion;

    /// <summary>Whether the compilation references a library too old for the generated code (XERR028).</summary>
    public static bool IsTooOld(string? version) => version is not null && !IsUsable(version);

    private static Version NumericPart(string version)
    {
        var end = version.IndexOfAny(['-', '+']);
        return Version.TryParse(end < 0 ? version : version.Substring(0, end), out var parsed) ? new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0)) : new Version(0, 0, 0);
    }

    private static string Format(Version version) => $"{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}";
}
