using System;
using System.Globalization;
using System.IO;

namespace XeroErrors.Generators.Benchmarks.Infrastructure;

/// <summary>The specs the generator benchmarks run on, by the name shown in the results' <c>Spec</c> column.</summary>
internal static class Specs
{
    /// <summary>spec/errors.yaml as shipped (embedded in this assembly, so it is found wherever the benchmark runs).</summary>
    public const string Shipped = "shipped";

    public static string Text(string spec) => spec == Shipped
        ? ReadShipped()
        : SyntheticSpec.Write(int.Parse(spec, NumberStyles.None, CultureInfo.InvariantCulture));

    public static InMemoryAdditionalText AdditionalText(string spec) => new(GeneratorHarness.SpecPath, Text(spec));

    private static string ReadShipped()
    {
        using var stream = typeof(Specs).Assembly.GetManifestResourceStream("errors.yaml")
            ?? throw new InvalidOperationException("The shipped spec is not embedded; see the project file.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
