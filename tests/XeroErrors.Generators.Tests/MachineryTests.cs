using System.Text.RegularExpressions;
using XeroErrors.Generators.Tests.Infrastructure;
using XeroErrors.Machinery;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The machinery (the body tree, its parsers and the path walker) is ordinary C# in the XeroErrors.Machinery project:
/// the runtime library, which this test project references as a package consumer does, and the files the generator
/// adds once to a compilation without it. These tests call the library, and check that a second spec adds none of the
/// copy again.
/// </summary>
public sealed class MachineryTests
{
    /// <summary>A second spec that reads a body, in a namespace and prefix of its own.</summary>
    internal const string OtherSpec = """
        namespace: Contoso.Payroll
        prefix: Payroll
        bodies:
          - name: problem
            format: json
            fields:
              - { property: Detail, path: detail }
        responses:
          - { name: Gone, status: 410, summary: Gone, body: problem }
        """;

    [Fact]
    public void TwoSpecsThatReadBodiesShareOneCopyOfTheMachinery()
    {
        var one = GeneratorHarness.Run(ShippedSpec.Text);
        var two = GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.SpecPath, ShippedSpec.Text), new InMemoryAdditionalText("/project/spec/payroll.errors.yaml", OtherSpec)]);

        Assert.Empty(two.Diagnostics);
        Assert.Empty(two.CompilationProblems());
        var machinery = one.Sources.Where(s => s.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal)).Select(s => s.HintName).ToList();
        Assert.NotEmpty(machinery);
        Assert.Equal(machinery, two.Sources.Where(s => s.HintName.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal)).Select(s => s.HintName));

        // What the second spec adds is its own: every added file is in its namespace, and none holds the body tree.
        var added = two.Sources.Select(s => s.HintName).Except(one.Sources.Select(s => s.HintName)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, name => Assert.StartsWith("Contoso.Payroll.", name, StringComparison.Ordinal));
        Assert.All(two.Sources.Where(s => added.Contains(s.HintName)), s => Assert.DoesNotMatch(@"class (BodyNode|ParsedBody)\b|JsonDocument\.Parse", s.SourceText.ToString()));
    }

    [Fact]
    public void ASpecThatReadsNoBodiesGetsNoBodyMachineryAndWithoutHttpNoHttpRead()
    {
        // Without 'headers:' a spec has the default ones (Retry-After, a delay), whose values the machinery parses.
        const string spec = "responses:\n  - { name: NotFound, status: 404, summary: Not Found }\n";
        var withHttp = GeneratorHarness.Run(spec);
        var bare = GeneratorHarness.Run(spec, compilation: GeneratorHarness.CreateCompilation(references: GeneratorHarness.MinimalReferences));

        Assert.Empty(withHttp.Diagnostics);
        Assert.Empty(withHttp.CompilationProblems());
        Assert.Empty(bare.CompilationProblems());
        Assert.Equal(
            ["XeroErrors.Machinery.ExceptionText.g.cs", "XeroErrors.Machinery.GeneratorVersion.g.cs", "XeroErrors.Machinery.HeaderValues.g.cs", "XeroErrors.Machinery.HttpResponseClassifier.g.cs", "XeroErrors.Machinery.ResponseBodyReads.g.cs"],
            MachineryFiles(withHttp));
        Assert.Equal(["XeroErrors.Machinery.ExceptionText.g.cs", "XeroErrors.Machinery.GeneratorVersion.g.cs", "XeroErrors.Machinery.HeaderValues.g.cs"], MachineryFiles(bare));
    }

    private static IEnumerable<string> MachineryFiles(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName).Where(n => n.StartsWith("XeroErrors.Machinery.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EachMachineryFileIsTheProjectsSourceInternalWithABannerAndTheDefinesItsCompilationAllows(bool fullConsumer)
    {
        var folder = Path.Combine(Path.GetDirectoryName(ShippedSpec.Path)!, "..", "src", "XeroErrors.Machinery");
        var run = fullConsumer
            ? GeneratorHarness.Run(ShippedSpec.Text)
            : GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(references: GeneratorHarness.MinimalReferences));
        var files = new[] { "Bodies", "Http", "Headers" }.SelectMany(part => Directory.GetFiles(Path.Combine(folder, part), "*.cs")).ToList();
        string[] symbols = fullConsumer ? ["XEROERRORS_JSON", "XEROERRORS_XML", "XEROERRORS_REGEX", "XEROERRORS_BROTLI"] : [];

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var hint = "XeroErrors.Machinery." + Path.GetFileNameWithoutExtension(file) + ".g.cs";
            if (!fullConsumer && file.Contains("Http", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(run.Sources, s => s.HintName == hint);
                continue;
            }

            var source = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var defines = string.Concat(symbols.Where(symbol => source.Contains(symbol, StringComparison.Ordinal)).Select(symbol => $"#define {symbol}\n"));
            var copy = run.Source(hint);

            // The copy is the library's source with its public types internal, so that it joins no project's API.
            Assert.Equal(
                "// <auto-generated/>\n// Generated by XeroErrors.Generators: the same for every spec, and added once however many specs the project has.\n" + defines + "\n" + Regex.Replace(source, @"(?m)^    public ", "    internal "),
                copy);
            Assert.DoesNotMatch(@"(?m)^\s*(\[[^\]]*\]\s*)*public (static |sealed |abstract )*(class|struct|enum) ", copy);
        }

        Assert.Contains($"public const string Value = \"{Emit.ThisAssembly.Version}\";", run.Source("XeroErrors.Machinery.GeneratorVersion.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheMachineryCompilesBesideAConsumersGlobalUsingsOfTypesWithTheSameNames()
    {
        // A namespace the consumer imports everywhere with types named as the ones the machinery uses (as
        // Microsoft.Build.Utilities has a Task): the machinery's own usings are looked up first.
        const string consumer = """
            global using Clash;

            namespace Clash
            {
                internal sealed class Task { }
                internal sealed class Encoding { }
                internal sealed class Stream { }
                internal sealed class HttpContent { }
                internal sealed class List<T> { }
                internal sealed class BodyNode { }
                internal sealed class Pattern { }
            }
            """;

        var run = GeneratorHarness.Run(ShippedSpec.Text, compilation: GeneratorHarness.CreateCompilation(consumer));

        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("{\"Elements\":[{\"ValidationErrors\":[{\"Message\":\"Email is invalid\"}]}]}", "Email is invalid")]
    [InlineData("{\"elements\":[{\"inner\":{\"validationErrors\":[{\"message\":\"deep\"}]}}]}", "deep")]
    [InlineData("{\"Elements\":[]}", null)]
    public void APathWalksNamesIgnoringCaseItemsAndDescendants(string json, string? expected)
    {
        var root = new ParsedBody(json).Json!;
        PathStep[] path = [PathStep.Named("Elements"), PathStep.Items, PathStep.Below("ValidationErrors"), PathStep.Items];

        var messages = BodyPaths.Find(root, path).Select(hit => BodyPaths.FirstText(hit.Node, null, [PathStep.Named("Message")]));

        Assert.Equal(expected, messages.FirstOrDefault());
    }

    [Fact]
    public void PropertiesRememberTheirKeyAndAMapKeepsEveryMessage()
    {
        var root = new ParsedBody("{\"modelState\":{\"Name\":[\"required\",\"too long\"],\"Email\":\"invalid\"}}").Json!;

        var hits = BodyPaths.Find(root, [PathStep.Named("modelState"), PathStep.Properties, PathStep.Items]);
        var map = BodyPaths.ReadMap(root, [PathStep.Named("modelState")]);

        Assert.Equal([("Name", "required"), ("Name", "too long")], hits.Select(h => (h.Key, h.Node.Scalar)));
        Assert.Equal(["required", "too long"], map["Name"]);
        Assert.Equal(["invalid"], map["Email"]);
    }

    [Theory]
    [InlineData("{\"ErrorNumber\": 10}", 10)]
    [InlineData("{\"ErrorNumber\": \" 10 \"}", 10)]
    [InlineData("{\"ErrorNumber\": 1e3}", null)]
    [InlineData("{\"ErrorNumber\": 99999999999}", null)]
    public void FirstIntReadsIntegersWrittenAsNumbersOrText(string json, int? expected) =>
        Assert.Equal(expected, BodyPaths.FirstInt(new ParsedBody(json).Json!, [PathStep.Named("ErrorNumber")]));

    [Fact]
    public void APatternReturnsItsFirstGroupAndATrueIsFoundIgnoringCase()
    {
        var root = new ParsedBody("{\"detail\":\"TokenExpired: token expired at 10:00\",\"valid\":\"TRUE\"}").Json!;
        var code = new Regex(@"^\s*([A-Za-z0-9_]+)\s*(?::|$)", RegexOptions.IgnoreCase, BodyLimits.PatternTimeout);

        Assert.Equal("TokenExpired", BodyPaths.FirstText(root, code, [PathStep.Named("detail")]));
        Assert.True(BodyPaths.AnyTrue(root, null, [PathStep.Named("valid")]));
        Assert.False(BodyPaths.AnyTrue(root, null, [PathStep.Named("detail")]));
    }

    [Fact]
    public void APatternThatTakesTooLongOnAHostileValueIsNoMatchNotACrash()
    {
        var root = new ParsedBody("{\"detail\":\"" + new string('a', 40) + "!\"}").Json!;
        var backtracking = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));

        Assert.Null(BodyPaths.FirstText(root, backtracking, [PathStep.Named("detail")]));
        Assert.False(BodyPaths.AnyTrue(root, backtracking, [PathStep.Named("detail")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"truncated\": ")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    public void WhatIsNotAJsonObjectOrArrayReadsAsNoJson(string body) =>
        Assert.Null(new ParsedBody(body).Json);

    [Fact]
    public void JsonDeeperThanTheLimitReadsAsNothingAndABomIsSkipped()
    {
        var deep = string.Concat(Enumerable.Repeat("[", BodyLimits.MaxDepth + 1)) + string.Concat(Enumerable.Repeat("]", BodyLimits.MaxDepth + 1));

        Assert.Null(new ParsedBody(deep).Json);
        Assert.NotNull(new ParsedBody("\uFEFF {\"a\":1}").Json);
    }

    [Fact]
    public void XmlDropsPrefixesKeepsTextAndRefusesDtds()
    {
        var root = new ParsedBody("<ApiException xmlns:i=\"x\"><i:ErrorNumber>10</i:ErrorNumber><Message><![CDATA[A & B]]></Message><Empty/></ApiException>").Xml!;

        Assert.Equal("ApiException", root.Name);
        Assert.Equal("10", BodyPaths.FirstText(root, null, [PathStep.Named("ErrorNumber")]));
        Assert.Equal("A & B", BodyPaths.FirstText(root, null, [PathStep.Named("Message")]));
        Assert.Equal(string.Empty, BodyPaths.FirstText(root, null, [PathStep.Named("Empty")]));
        Assert.Null(new ParsedBody("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>").Xml);
        Assert.Null(new ParsedBody("<a><b>").Xml);
    }

    [Theory]
    [InlineData("error=invalid_grant&error_description=Token+is+%C3%A9xpired", "invalid_grant", "Token is éxpired")]
    [InlineData("error=a%2&error_description=%ZZ", "a%2", "%ZZ")]
    public void AFormBodyIsPercentDecodedAsUtf8AndABrokenEscapeIsKept(string body, string error, string description)
    {
        var root = new ParsedBody(body).Form!;

        Assert.Equal(error, BodyPaths.FirstText(root, null, [PathStep.Named("error")]));
        Assert.Equal(description, BodyPaths.FirstText(root, null, [PathStep.Named("error_description")]));
    }

    [Theory]
    [InlineData("a=1\nb=2")]
    [InlineData("no pairs here")]
    [InlineData("=value")]
    public void WhatIsNotOneLineOfPairsIsNoForm(string body) =>
        Assert.Null(new ParsedBody(body).Form);

    [Theory]
    [InlineData("Rate limit exceeded", "Rate limit exceeded")]
    [InlineData("  padded  ", "padded")]
    [InlineData("two\nlines", null)]
    [InlineData("<p>markup</p>", null)]
    [InlineData("{\"broken\"", null)]
    public void PlainTextIsOneLineThatIsNeitherMarkupNorJson(string body, string? expected) =>
        Assert.Equal(expected, new ParsedBody(body).PlainText?.Scalar);

    [Fact]
    public void ListsStopAtTheItemLimit()
    {
        var json = "{\"items\":[" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"m{i}\"")) + "]}";

        var texts = BodyPaths.AllTexts(new ParsedBody(json).Json!, [PathStep.Named("items")]);

        Assert.Equal(BodyLimits.MaxItems, texts.Count);
        Assert.Equal("m0", texts[0]);
    }

    [Theory]
    [InlineData("{\"error\":\"invalid_client\"}", new string[0], true)]
    [InlineData("{\"error\":\"INVALID_CLIENT\"}", new[] { "invalid_client" }, true)]
    [InlineData("{\"error\":\"other\"}", new[] { "invalid_client" }, false)]
    [InlineData("{\"message\":\"no such field\"}", new string[0], false)]
    [InlineData("not json, but \"error\" is here", new string[0], false)]
    public void HasFieldAnswersFromTheParsedBody(string body, string[] values, bool expected) =>
        Assert.Equal(expected, BodyPaths.HasField(body, "\"error\"", [PathStep.Named("error")], values));

    [Theory]
    [InlineData("60", null, 60.0)]
    [InlineData(" 5 ", null, 5.0)]
    [InlineData("Wed, 21 Oct 2026 07:28:30 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", 30.0)]
    [InlineData("Wed, 21 Oct 2026 07:27:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", 0.0)]
    [InlineData("-1", null, null)]
    [InlineData("1.5", null, null)]
    [InlineData("99999999999999", null, null)]
    [InlineData("soon", null, null)]
    [InlineData(null, null, null)]
    public void ADelayIsSecondsOrAnHttpDateFromTheResponsesDate(string? text, string? date, double? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, HeaderValues.ParseDelay(text!, date!));

    [Theory]
    [InlineData("42", 42)]
    [InlineData(" -3 ", -3)]
    [InlineData("4.2", null)]
    [InlineData("99999999999", null)]
    [InlineData(null, null)]
    public void AnIntegerHeaderIsReadOrNull(string? text, int? expected) =>
        Assert.Equal(expected, HeaderValues.ParseInt(text!));

    [Fact]
    public void HeadersOfInterestAreCollectedIgnoringCaseAndTheFirstValueOfTheFirstHeaderCounts()
    {
        string[] names = ["Retry-After", "X-Rate-Limit-Problem", "Date"];
        KeyValuePair<string, IEnumerable<string>>[] http =
        [
            new("x-rate-limit-problem", ["minute", "day"]),
            new("Retry-After", []),
            new("retry-after", ["5"]),
            new("X-Rate-Limit-Problem", ["appminute"]),
            new("Other", ["ignored"]),
        ];
        KeyValuePair<string, string>[] pairs = [new("RETRY-AFTER", "7"), new("Retry-After", "8"), new(null!, "x"), new("Date", null!)];

        Assert.Equal(new[] { "5", "minute", null }, HeaderValues.Collect(http, names).Take(names.Length));

        // The same scratch array again, with nothing left of the read before.
        Assert.Equal(new[] { "7", null, null }, HeaderValues.Collect(pairs, names).Take(names.Length));
    }
}
