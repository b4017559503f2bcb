using System;
using System.Globalization;
using System.IO;

namespace XeroErrors.Generators.Benchmarks.Infrastructure;

/// <summary>The specs the generator benchmarks run on, by the name shown in the results' <c>Spec</c> column.</summary>
internal static class Specs
{
    /// <summary>spec/errors.yaml as shipped (embedded in this assembly, so it is found wherever the benchmark runs).</summary>
    public const string Shipped = "shipped";

    /// <summary>The shipped spec before body shapes: the seed's Projects table alone.</summary>
    public const string ProjectsOnly = "projects-only";

    public static string Text(string spec) => spec switch
    {
        Shipped => ReadResource("errors.yaml"),
        ProjectsOnly => ReadResource("projects-only-spec.yaml"),
        _ => SyntheticSpec.Write(int.Parse(spec, NumberStyles.None, CultureInfo.InvariantCulture)),
    };

    public static InMemoryAdditionalText AdditionalText(string spec) => new(GeneratorRunner.SpecPath, Text(spec));

    private static string ReadResource(string name)
    {
        using var stream = typeof(Specs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("The shipped spec is not embedded; see the project file.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
