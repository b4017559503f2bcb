using System.Globalization;
using System.Text;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>Spec strings can hold anything; the generated code still compiles and gives back exactly the same strings.</summary>
public class HostileStringTests
{
    public static readonly string[] Hostile =
    [
        "She said \"offline\"",
        @"C:\back\slash\",
        "two\nlines",
        "windows\r\nline",
        "*/ public static void Injected() { } /*",
        "// trailing comment",
        "</summary><script>alert(1)</script> & &amp;",
        "#endregion #if false",
        "Ünïcödé – 日本語 – 🎉",
        "bell\u0007 escape\u001B null\0 del\u007F",
        "line\u2028separator\u2029paragraph\u0085next",
        "\"\"\" raw \"\"\"",
        "{0} {{1}} $\"{x}\"",
        "\ttabbed\t",
        "  padded  ",
        "\uFEFFbom",
        "@\"verbatim\"",
        "'single' `back`",
    ];

    [Fact]
    public void HostileStringsCompileAndComeBackUnchanged()
    {
        var spec = BuildSpec();
        var run = GeneratorHarness.Run(spec, compilation: GeneratorHarness.CreateCompilation(warningsAsErrors: true));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var assembly = run.Load();
        var classifier = assembly.GetType("Hostile.HostResponseClassifier")!;
        var classify = classifier.GetMethod("Classify", [typeof(int), typeof(string)])!;
        var getSummary = classifier.GetMethod("GetSummary")!;
        var kindType = assembly.GetType("Hostile.HostResponseKind")!;

        for (var i = 0; i < Hostile.Length; i++)
        {
            var kind = Enum.Parse(kindType, "Entry" + i.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(Hostile[i], getSummary.Invoke(null, [kind]));

            var classification = classify.Invoke(null, [503, "before " + Marker(i) + " after"])!;
            Assert.Equal(kind, classification.GetType().GetProperty("Kind")!.GetValue(classification));
        }
    }

    [Fact]
    public void HostileHeaderValuesAreMatchedAsWritten()
    {
        var spec = "namespace: Hostile\nprefix: Host\nheaders:\n  - name: X-Odd\n    property: Odd\n    type: enum\n    values:\n"
            + string.Concat(Hostile.Select((h, i) => $"      - value: {Quote("v" + i + h)}\n        member: Value{i}\n        description: {Quote(h)}\n"))
            + "responses:\n  - name: A\n    status: 404\n    summary: S\n";
        var run = GeneratorHarness.Run(spec, compilation: GeneratorHarness.CreateCompilation(warningsAsErrors: true));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems());
        var assembly = run.Load();
        var headersType = assembly.GetType("Hostile.HostResponseHeaders")!;
        // The KeyValuePair overload; the generic one takes (Name, Value) tuples.
        var fromPairs = headersType.GetMethods().Single(m => m.Name == "FromPairs" && !m.IsGenericMethodDefinition);
        for (var i = 0; i < Hostile.Length; i++)
        {
            var value = ("v" + i + Hostile[i]).Trim();
            var headers = fromPairs.Invoke(null, [new[] { new KeyValuePair<string, string>("x-odd", value) }])!;
            Assert.Equal("Value" + i, headersType.GetProperty("Odd")!.GetValue(headers)!.ToString());
            Assert.Equal(value, headersType.GetProperty("OddText")!.GetValue(headers));
        }
    }

    private static string Marker(int i) => $"marker[{i}]" + Hostile[i];

    private static string BuildSpec()
    {
        var builder = new StringBuilder("namespace: Hostile\nprefix: Host\nresponses:\n  - name: Fallback\n    status: 503\n    summary: Fallback\n    default: true\n");
        for (var i = 0; i < Hostile.Length; i++)
        {
            builder.Append("  - name: Entry").Append(i).Append('\n')
                .Append("    status: 503\n")
                .Append("    summary: ").Append(Quote(Hostile[i])).Append('\n')
                .Append("    description: ").Append(Quote(Hostile[i] + " " + Hostile[(i + 1) % Hostile.Length])).Append('\n')
                .Append("    notes: ").Append(Quote(Hostile[i])).Append('\n')
                .Append("    example: ").Append(Quote(Hostile[i])).Append('\n')
                .Append("    source: ").Append(Quote(Hostile[i])).Append('\n')
                .Append("    match:\n      body: [").Append(Quote(Marker(i))).Append("]\n");
        }

        return builder.ToString();
    }

    /// <summary>A YAML double-quoted scalar that holds exactly <paramref name="text"/>.</summary>
    internal static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
