using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>
/// A position in a spec file, as plain numbers (0-based, like Roslyn), so that it can live in
/// equatable pipeline data instead of a <see cref="Location"/>.
/// </summary>
internal sealed record SpecLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SpecLocation FileStart(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>
/// A diagnostic as equatable data, turned into a <see cref="Diagnostic"/> only when reported. It carries its
/// descriptor (which compares by value) rather than an id to look up, as the runtime's generators do.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SpecLocation? Location, EquatableArray<string> Arguments)
{
    public string Id => Descriptor.Id;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
    {
        // Arguments are strings already; object[] is what Diagnostic.Create wants.
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
