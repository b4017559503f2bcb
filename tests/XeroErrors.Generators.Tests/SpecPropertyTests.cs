using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// Random and mutated specs: every run ends with generated code that compiles, with or without XERR errors (a
/// spec with errors generates what is valid of it). Never CS8785, never a C# error, in a generated file or not.
/// </summary>
public class SpecPropertyTests
{
    /// <summary>
    /// Cases in a normal run; XEROERRORS_PROPERTY_ITERATIONS asks for more (or fewer), and XEROERRORS_PROPERTY_RANDOM=1
    /// draws new random cases instead of the fixed ones.
    /// </summary>
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("XEROERRORS_PROPERTY_ITERATIONS"), out var n) ? n : 10_000;

    private static readonly string[] Words = ["Offline", "Limit", "Gone", "Conflict", "Teapot", "Busy", "Moved", "Denied", "Late", "Broken"];

    /// <summary>Text for summaries, descriptions and markers: YAML's special characters, escapes, non-ASCII and controls.</summary>
    private static readonly Gen<string> AnyText = Gen.String[Gen.Char[" abcXYZ019:-#&*!|>'\"%@`{}[],?\\/<>\t\u00e9\u65e5\u2028\u0001"], 0, 24];

    private static readonly Gen<string> Identifier = Gen.Select(Gen.Int[0, Words.Length - 1], Gen.Int[0, 30], (w, i) => Words[w] + i.ToString(CultureInfo.InvariantCulture));

    private sealed record EntryParts(string Name, int Status, string Summary, string Description, string Marker, int After);

    private static readonly Gen<EntryParts> Entry = Gen.Select(
        Identifier,
        Gen.OneOf(200, 204, 400, 404, 409, 429, 500, 503, 503, 503),
        AnyText,
        AnyText,
        AnyText,
        Gen.Int[-1, 400],
        (name, status, summary, description, marker, after) => new EntryParts(name, status, summary, description, marker, after));

    private static readonly string[] Paths = ["a", "A.b", "[]", "[].c", "x[]..y[]", "m{}[]", ".", "a..", "[b", "items[].error.detail"];
    private static readonly string[] FieldTypes = ["string", "int", "bool", "strings", "map", "records", "float"];
    private static readonly string[] Formats = ["json", "xml", "text", "form", "yaml"];
    private static readonly string[] Scopes = ["entry", "base", "message"];

    /// <summary>Mostly <c>scope:</c>, sometimes its old name <c>on:</c> (XERR111), which must read the same.</summary>
    private static string ScopeKey(int property, int path) => (property + path) % 4 == 0 ? "on" : "scope";
    private static readonly string[] Properties = ["Detail", "Title", "Code", "Items", "Message", "Flag"];

    /// <summary>One field of a shape: any type, scope and path, valid or not.</summary>
    private static readonly Gen<string> Field = Gen.Select(Gen.Int[0, Properties.Length - 1], Gen.Int[0, FieldTypes.Length - 1], Gen.Int[0, Scopes.Length - 1], Gen.Int[0, Paths.Length - 1], (p, t, o, path) =>
        FieldTypes[t] == "records"
            ? $"      - {{ property: {Properties[p]}, type: records, record: ValidationError, {ScopeKey(p, path)}: {Scopes[o]}, from: [{{ path: \"{Paths[path]}\", members: {{ Message: \"{Paths[(path + 1) % Paths.Length]}\", Field: $key }} }}] }}\n"
            : $"      - {{ property: {Properties[p]}, type: {FieldTypes[t]}, {ScopeKey(p, path)}: {Scopes[o]}, path: \"{Paths[path]}\"{(t < 3 && p % 2 == 0 ? ", pattern: '^(\\\\w+)'" : string.Empty)} }}\n");

    /// <summary>A body shape: any format, an optional requirement, a few fields.</summary>
    private static readonly Gen<string> Shape = Gen.Select(Gen.Int[0, Formats.Length - 1], Gen.Int[-1, Paths.Length - 1], Field.Array[0, 3], (format, when, fields) =>
        $"    format: {Formats[format]}\n" + (when >= 0 ? $"    when: {{ fields: [\"{Paths[when]}\"] }}\n" : string.Empty) + "    fields:\n" + string.Concat(fields));

    /// <summary>A spec that is valid by construction: unique names, one default per shared status, unique markers.</summary>
    private static readonly Gen<string> ValidishSpec = Gen.Select(
        Entry.Array[1, 6],
        Gen.Bool,
        Shape.Array[0, 3],
        Gen.Int[0, 2],
        (entries, withHeaders, drawnShapes, pick) =>
        {
            // Shapes in a third of the specs: most of them break a rule, and the rest must stay valid often enough.
            var shapes = pick == 0 ? drawnShapes : [];
            var text = new StringBuilder("namespace: Random.Errors\nprefix: Rnd\n");
            if (withHeaders)
            {
                text.Append("headers:\n  - name: X-Kind\n    property: Problem\n    type: enum\n    values:\n      - { value: a, member: A, transient: false }\n");
            }

            if (shapes.Length > 0)
            {
                text.Append("bodies:\n");
                for (var i = 0; i < shapes.Length; i++)
                {
                    text.Append("  - name: shape").Append(i).Append('\n').Append(shapes[i]);
                }
            }

            text.Append("responses:\n");
            var seenStatus = new HashSet<int>();
            for (var i = 0; i < entries.Length; i++)
            {
                var e = entries[i];
                var shared = entries.Count(x => x.Status == e.Status) > 1;
                text.Append("  - name: ").Append(e.Name).Append('_').Append(i).Append('\n')
                    .Append("    status: ").Append(e.Status).Append('\n')
                    .Append("    summary: ").Append(HostileStringTests.Quote("S" + e.Summary + (i % 2 == 0 ? "\U0001F389" : string.Empty))).Append('\n')
                    .Append("    description: ").Append(HostileStringTests.Quote(e.Description)).Append('\n');
                if (shared && seenStatus.Add(e.Status))
                {
                    text.Append("    default: true\n");
                }
                else if (shared)
                {
                    text.Append("    match:\n      body: [").Append(HostileStringTests.Quote($"m{i}:" + e.Marker)).Append("]\n");
                }

                if (shapes.Length > 0)
                {
                    // Shapes that exist, one that may not, and the built-in shorthands.
                    text.Append("    body: [shape").Append(e.After % (shapes.Length + 1)).Append(e.After % 3 == 0 ? ", validation" : ", problem").Append("]\n");
                }

                if (e.After >= 0 && (e.Status < 200 || e.Status > 299))
                {
                    text.Append("    retry: { transient: true, after: ").Append(e.After).Append(" }\n");
                }
            }

            return text.ToString();
        });

    /// <summary>A spec with a few characters inserted, deleted or lines shuffled: YAML broken in random places.</summary>
    private static readonly Gen<string> MutatedSpec = Gen.Select(ValidishSpec, Gen.Int[0, 1000].Array[1, 4], Gen.Char[":-[]{}\"'#&*!|>%@`\n \t\\"], (spec, positions, c) =>
    {
        var text = new StringBuilder(spec);
        foreach (var p in positions)
        {
            var at = p % (text.Length + 1);
            switch (p % 3)
            {
                case 0:
                    text.Insert(at, c);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                default:
                    var lines = text.ToString().Split('\n').ToList();
                    var line = at % lines.Count;
                    lines.Insert((line * 7) % lines.Count, lines[line]);
                    text = new StringBuilder(string.Join('\n', lines));
                    break;
            }
        }

        return text.ToString();
    });

    /// <summary>
    /// A spec with what the one-pass YAML reader guards against: nesting around its 64-level limit, anchors and aliases
    /// (to an anchor before them, to none, as a key, as a merge), and a tab that indents a line.
    /// </summary>
    private static readonly Gen<string> ReaderMutatedSpec = Gen.Select(ValidishSpec, Gen.Int[0, 5], Gen.Int[55, 70], Gen.Int[0, 1000], (spec, kind, depth, at) =>
    {
        var lines = spec.Split('\n').ToList();
        var values = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(": ", StringComparison.Ordinal)).ToList();
        if (values.Count < 2)
        {
            return spec;
        }

        var first = values[at % values.Count];
        var second = values[(at / 7) % values.Count];
        string Key(int i) => lines[i][..(lines[i].IndexOf(": ", StringComparison.Ordinal) + 2)];
        switch (kind)
        {
            case 0:
                lines[first] = Key(first) + new string('[', depth) + "x" + new string(']', depth);
                break;
            case 1:
                lines[first] = Key(first) + "&a " + lines[first][Key(first).Length..];
                lines[second] = Key(second) + "*a";
                break;
            case 2:
                lines[first] = Key(first) + "*missing";
                break;
            case 3:
                lines.Insert(first + 1, new string(' ', lines[first].Length - lines[first].TrimStart().Length) + "*a : x");
                break;
            case 4:
                lines.Insert(first + 1, new string(' ', lines[first].Length - lines[first].TrimStart().Length) + "<<: *a");
                break;
            default:
                lines[first] = "\t" + lines[first].TrimStart();
                break;
        }

        return string.Join('\n', lines);
    });

    private static readonly Gen<string> AnySpec = Gen.Frequency((2, (IGen<string>)ValidishSpec), (6, MutatedSpec), (1, ReaderMutatedSpec), (1, AnyText));

    [Fact]
    public void EveryRunCompilesOrReportsAnXerrError()
    {
        // One compilation and one driver that has run once: each case only swaps the spec, as an edit in the IDE does.
        // Compiling is what costs here, so the consumer is a lean one: no nullable analysis, no HttpClient or
        // System.Text.Json (that code depends on no spec text), and no parallelism inside Roslyn while the cases
        // run in parallel. Full consumers are compiled in GeneratedCodeCompilesTests and HostileStringTests.
        var compilation = GeneratorHarness.CreateCompilation(nullable: Microsoft.CodeAnalysis.NullableContextOptions.Disable, references: GeneratorHarness.MinimalReferences);
        compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        var seed = new InMemoryAdditionalText(GeneratorHarness.SpecPath, "responses: []\n");
        var driver = GeneratorHarness.CreateDriver([seed]).RunGenerators(compilation);
        var counts = new int[2];

        // What is remembered per case is a 128-bit hash, never a spec or its generated text: a million cases keep a
        // few tens of megabytes, where keeping the texts grew by about 8 MB a second until the kernel stopped the run.
        var compiled = new System.Collections.Concurrent.ConcurrentDictionary<TextHash, bool>();
        var distinct = new System.Collections.Concurrent.ConcurrentDictionary<TextHash, bool>();
        using var progress = PropertyProgress.Start(Iterations);
        void Check(string spec)
        {
            distinct.TryAdd(TextHash.Of(spec), true);
            var next = driver.ReplaceAdditionalText(seed, new InMemoryAdditionalText(GeneratorHarness.SpecPath, spec))
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            var run = new GeneratorRun(next.GetRunResult(), output, diagnostics);
            Assert.Null(run.Generator.Exception);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
            Assert.All(run.Diagnostics, d => Assert.StartsWith("XERR", d.Id, StringComparison.Ordinal));
            Assert.All(run.Diagnostics, d => Assert.NotEqual("XERR999", d.Id));

            // With or without XERR errors, whatever was generated compiles. Many broken specs generate the same code
            // (the types every spec has), so each distinct set of generated files is compiled once.
            if (compiled.TryAdd(TextHash.Of(run.Sources.Select(s => s.HintName + "\0" + s.SourceText)), true))
            {
                var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            }

            Interlocked.Increment(ref counts[run.Errors.Count > 0 ? 0 : 1]);
        }

        void Counted(string spec)
        {
            try
            {
                Check(spec);
                progress.Passed();
            }
            catch
            {
                progress.Failed();
                throw;
            }
        }

        if (Environment.GetEnvironmentVariable("XEROERRORS_PROPERTY_RANDOM") == "1")
        {
            // Exploring: new random specs every run, and CsCheck shrinks a failure to a small spec with its seed.
            AnySpec.Sample(Counted, iter: Iterations);
        }
        else
        {
            // The normal run, CI's included, checks the same specs every time (fixed seeds), so it cannot fail by chance.
            Parallel.For(0, Iterations, i =>
            {
                var spec = AnySpec.Generate(new PCG(7, (ulong)i), null, out _);
                try
                {
                    Counted(spec);
                }
                catch (Exception ex)
                {
                    throw new Xunit.Sdk.XunitException($"Case {i} failed for this spec:{Environment.NewLine}{spec}{Environment.NewLine}{ex.Message}");
                }
            });
        }

        // Both outcomes must really occur, on varied specs, or the generators above have drifted into testing nothing.
        Assert.True(distinct.Count > Iterations / 2, $"Only {distinct.Count} distinct specs.");
        Assert.True(counts[0] > Iterations / 20, $"Only {counts[0]} runs reported errors.");
        Assert.True(counts[1] > Iterations / 20, $"Only {counts[1]} runs had no errors.");
    }
}
