using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using XeroErrors.Generators.Spec;
using XeroErrors.Generators.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// spec/errors.schema.json, which editors use to complete keys and flag mistakes while a spec is typed: it accepts
/// the specs the generator accepts, refuses unknown keys and wrong types, and names exactly the keys the parser reads.
/// </summary>
public class SpecSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Path.GetDirectoryName(ShippedSpec.Path)!, "errors.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));
    private static readonly Lazy<JsonObject> SchemaJson = new(() => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject());

    public static TheoryData<string> ValidSpecs => new()
    {
        ShippedSpec.Text,
        "responses:\n  - name: NotFound\n    status: 404\n    summary: Not Found\n",
        "namespace: Payroll.Errors\nprefix: Payroll\nresponses:\n  - name: Busy\n    status: [503, 429]\n    summary: Busy\n    retry: { transient: true, after: 120 }\n    match: { headers: X-Busy, header-values: [{ name: X-Kind, value: busy }], fields: [error, { path: code, values: [a, b] }] }\n  - name: Other\n    status: 503\n    summary: Other\n    default: true\n",
        "headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, calls: 60, window: 60, when_reached: refuse, problem: minute, description: D, source: S }\nresponses:\n  - { name: A, status: 429, summary: S }\n",
        "bodies:\n  - name: plain\n    format: text\n    fields:\n      - { property: Text, path: \".\", scope: message }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: plain\n",
    };

    [Theory]
    [MemberData(nameof(ValidSpecs))]
    public void ASpecTheGeneratorAcceptsPassesTheSchema(string spec)
    {
        Assert.Empty(GeneratorHarness.Run(spec).Diagnostics);

        var result = Evaluate(spec);

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData("responses:\n  - name: A\n    status: 404\n    summary: S\n    colour: red\n")]
    [InlineData("responses:\n  - name: A\n    status: \"404\"\n    summary: S\n")]
    [InlineData("responses:\n  - name: A\n    status: 404\n    summary: S\n    retry: { after: soon }\n")]
    [InlineData("responses:\n  - name: A\n    status: 404\n")]
    [InlineData("prefix: X\n")]
    [InlineData("headers:\n  - { name: X-A, property: A, type: float }\nresponses:\n  - { name: A, status: 404, summary: S }\n")]
    [InlineData("bodies:\n  - { name: a, format: yaml }\nresponses:\n  - { name: A, status: 404, summary: S, body: a }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, in_progress: 5, calls: 60, window: 60 }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, calls: 60 }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, window: 60 }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, calls: 60, window: 60, when_reached: fail }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, in_progress: 5, when_reached: refuse }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, scope: app, in_progress: 0 }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: MaxWait, scope: app, in_progress: 5 }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    [InlineData("headers:\n  - { name: X-P, property: P, type: enum, values: [{ value: minute, member: Minute }] }\nrate_limits:\n  status: 429\n  problem_header: X-P\n  limits:\n    - { name: A, in_progress: 5 }\nresponses:\n  - { name: A, status: 429, summary: S }\n")]
    public void UnknownKeysAndWrongTypesFailTheSchema(string spec)
    {
        Assert.NotEmpty(GeneratorHarness.Run(spec).Diagnostics);

        Assert.False(Evaluate(spec).IsValid);
    }

    [Fact]
    public void TheShippedSpecPointsEditorsAtTheSchema() =>
        Assert.StartsWith("# yaml-language-server: $schema=./errors.schema.json", ShippedSpec.Text, StringComparison.Ordinal);

    /// <summary>
    /// YAML 1.1 (PyYAML, yamllint) reads these plain scalars as booleans: a key spelled so is <c>True</c> or
    /// <c>False</c> to those tools.
    /// </summary>
    [Fact]
    public void NoKeyOfTheShippedSpecIsABooleanToYaml11Readers()
    {
        string[] booleans = ["y", "yes", "n", "no", "true", "false", "on", "off"];
        var stream = new YamlStream();
        stream.Load(new StringReader(ShippedSpec.Text));
        var keys = new List<YamlScalarNode>();
        Collect(stream.Documents[0].RootNode);

        Assert.Contains(keys, k => k.Value == "scope");
        Assert.DoesNotContain(keys, k => k.Style == ScalarStyle.Plain && booleans.Contains(k.Value!.ToLowerInvariant()));

        void Collect(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    keys.AddRange(map.Children.Keys.OfType<YamlScalarNode>());
                    map.Children.Values.ToList().ForEach(Collect);
                    break;
                case YamlSequenceNode sequence:
                    sequence.Children.ToList().ForEach(Collect);
                    break;
            }
        }
    }

    [Fact]
    public void TheSchemaNamesExactlyTheKeysTheParserReads()
    {
        var defs = SchemaJson.Value["$defs"]!.AsObject();
        var response = defs["response"]!["properties"]!;
        var shape = defs["shape"]!["properties"]!;
        var field = defs["field"]!["properties"]!;
        var record = defs["record"]!["properties"]!;
        var cases = new (string Where, string[] Parser, JsonNode Schema)[]
        {
            ("root", SpecKeys.Root, SchemaJson.Value["properties"]!),
            ("response", SpecKeys.Response, response),
            ("match", SpecKeys.Match, response["match"]!["properties"]!),
            ("retry", SpecKeys.Retry, response["retry"]!["properties"]!),
            ("field match", SpecKeys.FieldMatch, defs["fieldMatch"]!["oneOf"]![1]!["properties"]!),
            ("header value match", SpecKeys.HeaderValueMatch, defs["headerValueMatch"]!["properties"]!),
            ("header", SpecKeys.Header, defs["header"]!["properties"]!),
            ("header value", SpecKeys.HeaderValue, defs["header"]!["properties"]!["values"]!["items"]!["properties"]!),
            ("request header", SpecKeys.RequestHeader, defs["requestHeader"]!["properties"]!),
            ("rate limits", SpecKeys.RateLimits, SchemaJson.Value["properties"]!["rate_limits"]!["properties"]!),
            ("rate limit", SpecKeys.RateLimit, defs["rateLimit"]!["properties"]!),
            ("record", SpecKeys.Record, record),
            ("record member", SpecKeys.RecordMember, record["members"]!["items"]!["properties"]!),
            ("shape", SpecKeys.BodyShape, shape),
            ("when", SpecKeys.BodyShapeWhen, shape["when"]!["properties"]!),
            ("field", [.. SpecKeys.BodyField, SpecKeys.BodyFieldScopeBeforeRename], field),
            ("from", SpecKeys.BodyFieldSource, field["from"]!["items"]!["properties"]!),
        };

        Assert.All(cases, c => Assert.Equal(c.Parser.Order(StringComparer.Ordinal), c.Schema.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Value.Evaluate(JsonDocument.Parse(ToJson(yaml)?.ToJsonString() ?? "null").RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>YAML to JSON as YAML means it: a plain 404 is a number, a quoted "404" a string.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonNode? Plain(string value) =>
        value is "" or "~" or "null" or "Null" or "NULL" ? null
        : value is "true" or "True" or "TRUE" ? JsonValue.Create(true)
        : value is "false" or "False" or "FALSE" ? JsonValue.Create(false)
        : long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
        : JsonValue.Create(value);
}
