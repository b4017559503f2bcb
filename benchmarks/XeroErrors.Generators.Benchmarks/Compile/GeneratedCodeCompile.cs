using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using XeroErrors.Generators.Benchmarks.Infrastructure;

namespace XeroErrors.Generators.Benchmarks.Compile;

/// <summary>
/// What the generated code costs the consumer's compiler (<c>-- compile</c>): a small consumer compiled, parse to IL,
/// with the shipped spec's output of 2026-12-06 (the fixture in Compile/Baseline), with today's output, with today's
/// output for two specs, alone, and (a prototype of a runtime library) with today's machinery compiled beforehand into
/// a referenced assembly, so that only what the spec decides is compiled with the consumer. Each compilation is new (nothing cached between them) in a warm process, and the
/// variants alternate round by round, so a noisy neighbour slows all of them alike. Prints medians, the ratios the
/// targets in docs/performance.md are held against, and the sizes of the generated code.
/// </summary>
internal static class GeneratedCodeCompile
{
    private const string BaselinePrefix = "compile-baseline/";

    public static int Run(string[] args)
    {
        var rounds = (int)BenchmarkArguments.Option(args, "--rounds", 40);
        var consumer = GeneratorRunner.CreateCompilation();
        var today = Generate(consumer, SecondSpec: false);
        var twoSpecs = Generate(consumer, SecondSpec: true);

        // The prototype of a runtime library: the machinery compiled once into an assembly the consumer references,
        // so that only what the spec decides is compiled with the consumer.
        var library = consumer.WithReferences(consumer.References.Append(MachineryAssembly(consumer, today)));
        var variants = new (string Name, CSharpCompilation Consumer, IReadOnlyList<(string Path, string Text)> Files)[]
        {
            ("consumer alone", consumer, Array.Empty<(string, string)>()),
            ("2026-12-06 output", consumer, Baseline()),
            ("today's output", consumer, today),
            ("today's output, two specs", consumer, twoSpecs),
            ("prototype: machinery as a referenced assembly", library, today.Where(f => !IsMachinery(f.Path)).ToList()),
            ("prototype, two specs", library, twoSpecs.Where(f => !IsMachinery(f.Path)).ToList()),
        };

        if (variants[1].Files.Count == 0)
        {
            Console.Error.WriteLine("The 2026-12-06 output is not embedded (Compile/Baseline/*.cs.txt).");
            return 1;
        }

        foreach (var (name, compilation, files) in variants)
        {
            var errors = Compile(compilation, files).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning).ToList();
            if (errors.Count > 0)
            {
                Console.Error.WriteLine($"{name} does not compile: {errors[0]}");
                return 1;
            }
        }

        // Warm-up: the compiler's own code is jitted before anything is timed.
        for (var i = 0; i < 5; i++)
        {
            foreach (var (_, compilation, files) in variants)
            {
                Compile(compilation, files);
            }
        }

        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                // Rotate the order each round, so no variant always runs right after a collection another caused.
                var index = (v + round) % variants.Length;
                var watch = Stopwatch.StartNew();
                Compile(variants[index].Consumer, variants[index].Files);
                samples[index].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var medians = samples.Select(Median).ToArray();
        Console.WriteLine($"Compiling a small consumer with generated code: {rounds} alternating rounds, medians (min-max), .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| Variant | Files | Size | Code only | Compile (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var v = 0; v < variants.Length; v++)
        {
            var files = variants[v].Files;
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1} | {2:N1} KB | {3:N1} KB | {4:N1} ({5:N1}-{6:N1}) |",
                variants[v].Name,
                files.Count,
                files.Sum(f => f.Text.Length) / 1024.0,
                files.Sum(f => CodeOnly(f.Text)) / 1024.0,
                medians[v],
                samples[v].Min(),
                samples[v].Max()));
        }

        var alone = medians[0];
        Console.WriteLine();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Whole compilation, today / 2026-12-06: {0:N2}", medians[2] / medians[1]));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Generated code's share (less the consumer alone), today / 2026-12-06: {0:N2}", (medians[2] - alone) / (medians[1] - alone)));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "A second spec adds {0:P0} of the first's code (code only), {1:P0} of its compile time",
            (double)(variants[3].Files.Sum(f => CodeOnly(f.Text)) - variants[2].Files.Sum(f => CodeOnly(f.Text))) / variants[2].Files.Sum(f => CodeOnly(f.Text)),
            (medians[3] - medians[2]) / (medians[2] - alone)));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Prototype, whole compilation / 2026-12-06: {0:N2}", medians[4] / medians[1]));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "Prototype, a second spec adds {0:P0} of the first's code, {1:P0} of its compile time",
            (double)(variants[5].Files.Sum(f => CodeOnly(f.Text)) - variants[4].Files.Sum(f => CodeOnly(f.Text))) / variants[4].Files.Sum(f => CodeOnly(f.Text)),
            (medians[5] - medians[4]) / (medians[4] - alone)));
        return 0;
    }

    private static bool IsMachinery(string hintName) => hintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal);

    /// <summary>
    /// Today's machinery files compiled into an assembly of their own, their types made public (as a runtime library's
    /// would be), with the generated code's internals visible to the consumer.
    /// </summary>
    private static MetadataReference MachineryAssembly(CSharpCompilation consumer, IReadOnlyList<(string Path, string Text)> generated)
    {
        var trees = generated.Where(f => IsMachinery(f.Path))
            .Select(f => CSharpSyntaxTree.ParseText(
                System.Text.RegularExpressions.Regex.Replace(f.Text, @"^    internal (?=(?:static |sealed |abstract )?(?:class|struct|enum) )", "    public ", System.Text.RegularExpressions.RegexOptions.Multiline),
                GeneratorRunner.ParseOptions,
                f.Path))
            .ToList();
        var compilation = CSharpCompilation.Create("XeroErrors.Machinery", trees, consumer.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The machinery does not compile as an assembly: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static EmitResult Compile(CSharpCompilation consumer, IReadOnlyList<(string Path, string Text)> files)
    {
        // Parse included: the compiler parses generated files on every build too.
        var compilation = CSharpCompilation.Create(
            "Consumer",
            consumer.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), GeneratorRunner.ParseOptions, t.FilePath))
                .Concat(files.Select(f => CSharpSyntaxTree.ParseText(f.Text, GeneratorRunner.ParseOptions, f.Path))),
            consumer.References,
            consumer.Options);
        using var output = new MemoryStream();
        return compilation.Emit(output);
    }

    private static IReadOnlyList<(string Path, string Text)> Baseline()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(BaselinePrefix, StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name.Substring(BaselinePrefix.Length), reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Today's generator on the shipped spec, and with <paramref name="SecondSpec"/> the same spec again under another namespace and prefix.</summary>
    private static IReadOnlyList<(string Path, string Text)> Generate(CSharpCompilation consumer, bool SecondSpec)
    {
        var specs = new List<AdditionalText> { new InMemoryAdditionalText(GeneratorRunner.SpecPath, Specs.Text(Specs.Shipped)) };
        if (SecondSpec)
        {
            var second = "namespace: Contoso.Payroll\nprefix: Payroll\n" + string.Join('\n', Specs.Text(Specs.Shipped).Split('\n').Where(line => !line.StartsWith("namespace:", StringComparison.Ordinal) && !line.StartsWith("prefix:", StringComparison.Ordinal)));
            specs.Add(new InMemoryAdditionalText("/consumer/payroll.errors.yaml", second));
        }

        var driver = CSharpGeneratorDriver.Create(new[] { new XeroErrorsGenerator().AsSourceGenerator() }, specs, GeneratorRunner.ParseOptions);
        var result = driver.RunGenerators(consumer).GetRunResult();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator reported an error: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        return result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
    }

    /// <summary>The characters of the code alone: no comment lines, no indentation, no blank lines.</summary>
    private static int CodeOnly(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal)).Sum(line => line.Length + 1);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
