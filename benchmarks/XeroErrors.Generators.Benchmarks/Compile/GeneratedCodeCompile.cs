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
/// alone; with the shipped spec's output of 2026-12-06 (the fixture in Compile/Baseline); with today's output where
/// the generator is an analyzer alone (the machinery added as internal code, once); and with today's output where the
/// consumer references the runtime library, XeroErrors.Machinery.dll, as the package gives it (only what the spec
/// decides is compiled with the consumer); the last two for one spec and for two. Each compilation is new (nothing
/// cached between them) in a warm process, and the variants alternate round by round, so a noisy neighbour slows all
/// of them alike. Prints medians, the ratios the targets in docs/performance.md are held against, and the sizes of
/// the generated code; and, to show what the public docs and the declarations cost, the library variant without its
/// doc comments and with every body replaced by <c>throw null</c>.
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

        // The runtime library as the package gives a net10.0 consumer (lib/net8.0), and as the SDK compiles against it:
        // CS1701/CS1702 (a reference unified to a newer framework version) off.
        var library = consumer
            .WithReferences(consumer.References.Append(MetadataReference.CreateFromFile(typeof(XeroErrors.Machinery.BodyPaths).Assembly.Location)))
            .WithOptions(consumer.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var withLibrary = Generate(library, SecondSpec: false);
        var withLibraryTwoSpecs = Generate(library, SecondSpec: true);
        if (withLibrary.Any(f => IsMachinery(f.Path)))
        {
            Console.Error.WriteLine("The generator added machinery to a compilation that references the runtime library.");
            return 1;
        }

        if (args.Contains("--per-file"))
        {
            return PerFile(library, withLibrary, rounds);
        }

        if (args.Contains("--dump"))
        {
            var folder = Path.Combine(Path.GetTempPath(), "xero-generated");
            Directory.CreateDirectory(folder);
            foreach (var (path, text) in withLibrary)
            {
                File.WriteAllText(Path.Combine(folder, path), text);
            }

            Console.WriteLine(folder);
            return 0;
        }

        var variants = new (string Name, CSharpCompilation Consumer, IReadOnlyList<(string Path, string Text)> Files)[]
        {
            ("consumer alone", consumer, Array.Empty<(string, string)>()),
            ("2026-12-06 output", consumer, Baseline()),
            ("today, analyzer alone (machinery as internal code)", consumer, today),
            ("today, analyzer alone, two specs", consumer, twoSpecs),
            ("today, with the runtime library (the package)", library, withLibrary),
            ("today, with the runtime library, two specs", library, withLibraryTwoSpecs),

            // Not a shipped configuration: what the public docs cost, which stay (every public member keeps them).
            ("with the runtime library, doc comments removed", library, withLibrary.Select(f => (f.Path, WithoutDocComments(f.Text))).ToList()),

            // Nor is this: every method and accessor body replaced by `throw null`, to show what the declarations and
            // their docs cost alone, however little code the bodies came down to.
            ("with the runtime library, every body `throw null`", library, withLibrary.Select(f => (f.Path, WithoutBodies(f.Text))).ToList()),
        };

        if (variants[1].Files.Count == 0)
        {
            Console.Error.WriteLine("The 2026-12-06 output is not embedded (Compile/Baseline/*.cs.txt).");
            return 1;
        }

        foreach (var (name, compilation, files) in variants)
        {
            // Warnings count too, but not in the stubbed variant, whose fields the bodies no longer read (CS0169).
            var stubbed = name.Contains("throw null", StringComparison.Ordinal);
            var errors = Compile(compilation, files).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !stubbed)).ToList();
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
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "With the runtime library and no doc comments / 2026-12-06: {0:N2}", medians[6] / medians[1]));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "With the runtime library and every body `throw null` / 2026-12-06: {0:N2}", medians[7] / medians[1]));
        foreach (var (label, one, two) in new[] { ("Analyzer alone", 2, 3), ("With the runtime library", 4, 5) })
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: whole compilation / 2026-12-06: {1:N2}; generated code's share (less the consumer alone): {2:N2}", label, medians[one] / medians[1], (medians[one] - alone) / (medians[1] - alone)));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0}: a second spec adds {1:P0} of the first's code (code only), {2:P0} of its compile time",
                label,
                (double)(variants[two].Files.Sum(f => CodeOnly(f.Text)) - variants[one].Files.Sum(f => CodeOnly(f.Text))) / variants[one].Files.Sum(f => CodeOnly(f.Text)),
                (medians[two] - medians[one]) / (medians[one] - alone)));
        }

        return 0;
    }

    /// <summary>
    /// Where the bodies' cost lives (<c>--per-file</c>): the library variant whole, and with one file's bodies replaced by
    /// <c>throw null</c> at a time; the difference is what that file's method bodies cost the compiler.
    /// </summary>
    private static int PerFile(CSharpCompilation library, IReadOnlyList<(string Path, string Text)> files, int rounds)
    {
        var variants = new List<(string Name, IReadOnlyList<(string Path, string Text)> Files)> { ("whole", files) };
        foreach (var (path, _) in files)
        {
            variants.Add((path, files.Select(f => f.Path == path ? (f.Path, WithoutBodies(f.Text)) : f).ToList()));
        }

        for (var i = 0; i < 3; i++)
        {
            variants.ForEach(v => Compile(library, v.Files));
        }

        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var index = (v + round) % variants.Count;
                var watch = Stopwatch.StartNew();
                Compile(library, variants[index].Files);
                samples[index].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var whole = Median(samples[0]);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "whole: {0:N1} ms", whole));
        for (var v = 1; v < variants.Count; v++)
        {
            var text = files[v - 1].Text;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-55} code {1,6:N1} KB  bodies cost {2,6:N1} ms", variants[v].Name, CodeOnly(text) / 1024.0, whole - Median(samples[v])));
        }

        return 0;
    }

    private static bool IsMachinery(string hintName) => hintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal);

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
    private static List<(string Path, string Text)> Generate(CSharpCompilation consumer, bool SecondSpec)
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

    private static string WithoutBodies(string text) =>
        new BodyStubber().Visit(CSharpSyntaxTree.ParseText(text, GeneratorRunner.ParseOptions).GetRoot()).ToFullString();

    /// <summary>Replaces each method and accessor body (block or arrow) with <c>throw null</c>; declarations, fields and docs stay.</summary>
    private sealed class BodyStubber : CSharpSyntaxRewriter
    {
        private static readonly Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax Throw = SyntaxFactory.Block(SyntaxFactory.ParseStatement("throw null!;"));

        public override SyntaxNode? VisitMethodDeclaration(Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null ? node : node.WithBody(Throw).WithExpressionBody(null).WithSemicolonToken(default).WithModifiers(SyntaxFactory.TokenList(node.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword))));

        public override SyntaxNode? VisitAccessorDeclaration(Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null ? node : node.WithBody(Throw).WithExpressionBody(null).WithSemicolonToken(default);

        public override SyntaxNode? VisitPropertyDeclaration(Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax node)
        {
            node = (Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
            return node.ExpressionBody is null ? node : node.WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("throw null!")));
        }
    }

    private static string WithoutDocComments(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));

    /// <summary>The characters of the code alone: no comment lines, no indentation, no blank lines.</summary>
    private static int CodeOnly(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal)).Sum(line => line.Length + 1);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
