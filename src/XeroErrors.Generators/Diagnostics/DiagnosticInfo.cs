using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Diagnostics;

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
