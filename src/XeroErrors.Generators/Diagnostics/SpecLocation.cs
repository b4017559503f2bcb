using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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
