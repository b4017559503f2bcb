using Microsoft.CodeAnalysis;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: never renumber or reuse one.
/// Each id has a section in docs/diagnostics.md with a broken and a fixed example.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where docs/diagnostics.md is published; each descriptor links to its own section.</summary>
    public const string HelpBaseUri = "https://github.com/XeroErrors/XeroErrors.Generators/blob/main/docs/diagnostics.md";

    private const string SpecCategory = "XeroErrors.Spec";
    private const string UsageCategory = "XeroErrors.Usage";

    public static readonly DiagnosticDescriptor YamlSyntaxError = new(
        "XERR001",
        "The spec is not valid YAML",
        "The spec is not valid YAML: {0}. Fix the YAML syntax at this position.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr001");

    public static readonly DiagnosticDescriptor RootNotMapping = new(
        "XERR002",
        "The spec's root is not a mapping",
        "The spec's root is a {0}, not a mapping. Start the file with keys such as 'namespace:', 'prefix:' and 'responses:'.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr002");

    public static readonly DiagnosticDescriptor MissingResponses = new(
        "XERR003",
        "The spec has no responses",
        "{0}. Add a 'responses:' sequence with at least one entry (name, status, summary).",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr003");

    public static readonly DiagnosticDescriptor EntryNotMapping = new(
        "XERR004",
        "A response entry is not a mapping",
        "Entry {0} of 'responses' is a {1}, not a mapping. Write it as '- name: ...' with 'status:' and 'summary:' below it.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr004");

    public static readonly DiagnosticDescriptor MissingRequiredKey = new(
        "XERR005",
        "A required key is missing",
        "{0} has no '{1}'. Add '{1}: {2}'.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr005");

    public static readonly DiagnosticDescriptor InvalidIdentifier = new(
        "XERR006",
        "A name is not a valid C# identifier",
        "'{0}' is not a valid C# identifier for {1}. Use letters, digits and '_', starting with a letter (for example 'RateLimitExceeded').",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr006");

    public static readonly DiagnosticDescriptor KeywordIdentifier = new(
        "XERR007",
        "A name is a C# keyword",
        "'{0}' is a C# keyword and cannot name {1}. Choose another name (for example '{2}').",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr007");

    public static readonly DiagnosticDescriptor ReservedName = new(
        "XERR008",
        "A name collides with a generated name",
        "The name '{0}' collides with {1}. Rename the entry.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr008");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "XERR009",
        "Two entries have the same name",
        "The name '{0}' is used by more than one entry (first at line {1}). Give each entry its own name.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr009");

    public static readonly DiagnosticDescriptor InvalidStatus = new(
        "XERR010",
        "A status is not an HTTP status code",
        "The status '{0}' is not an integer from 100 to 599.{1} Write a status code such as 503, or a list such as [503, 429].",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr010");

    public static readonly DiagnosticDescriptor SharedStatusWithoutDefault = new(
        "XERR011",
        "A shared status has no default entry",
        "Status {0} is shared by {1} but none is marked 'default: true'. {2}",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr011");

    public static readonly DiagnosticDescriptor SharedStatusWithSeveralDefaults = new(
        "XERR012",
        "A shared status has several default entries",
        "Status {0} has more than one 'default: true' entry ({1}). Keep 'default: true' on one of them.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr012");

    public static readonly DiagnosticDescriptor SharedStatusWithoutMatch = new(
        "XERR013",
        "An entry of a shared status has no match",
        "'{0}' shares status {1} with other entries but has no 'match' and is not the default, so it can never be chosen. {2}",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr013");

    public static readonly DiagnosticDescriptor DuplicateMatch = new(
        "XERR014",
        "A match is used by two entries of one status",
        "The match '{0}' of '{1}' is also a match of '{2}' for status {3}, so the later entry can never be chosen by it. Keep it on one entry.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr014");

    public static readonly DiagnosticDescriptor InvalidRetryAfter = new(
        "XERR015",
        "retry.after is not a number of seconds",
        "'retry.after' is '{0}', which is not a whole, non-negative number of seconds.{1} Write for example 'after: 300'.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr015");

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "XERR016",
        "The namespace is not a valid C# namespace",
        "The namespace '{0}' from {1} is not a valid C# namespace. Use dot-separated identifiers, for example 'XeroErrors.Projects'.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr016");

    public static readonly DiagnosticDescriptor InvalidPrefix = new(
        "XERR017",
        "The prefix is not a valid C# identifier",
        "The prefix '{0}' is not a valid start of a C# type name. Use letters, digits and '_', starting with a letter (for example 'Xero').",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr017");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "XERR018",
        "A key has a value of the wrong kind",
        "'{0}' is '{1}', but it must be {2}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr018");

    public static readonly DiagnosticDescriptor InvalidHeader = new(
        "XERR019",
        "A header definition is not valid",
        "The header definition {0} is not valid: {1}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr019");

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "XERR020",
        "An MSBuild option has an invalid value",
        "The MSBuild property '{0}' is '{1}', but it must be {2}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr020");

    public static readonly DiagnosticDescriptor DuplicateGeneratedTypes = new(
        "XERR021",
        "Two spec files generate the same types",
        "The spec files '{0}' and '{1}' both generate the type '{2}', so nothing is generated from '{1}'. Give each file its own 'namespace' or 'prefix'.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr021");

    public static readonly DiagnosticDescriptor InvalidBodyShape = new(
        "XERR022",
        "A body shape is not valid",
        "The body shape {0} is not valid: {1}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr022");

    public static readonly DiagnosticDescriptor UnknownBodyShape = new(
        "XERR023",
        "An entry names a body shape that is not declared",
        "'{0}' lists the body shape '{1}', which is not declared. Declare it under 'bodies:', or use one of: {2}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr023");

    public static readonly DiagnosticDescriptor ConflictingBodyField = new(
        "XERR024",
        "Two body shapes read one property differently",
        "The property '{0}' is {1} in the body shape '{2}' but {3} in '{4}'. A property has one type and one 'scope:' in every shape that reads it.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr024");

    public static readonly DiagnosticDescriptor InvalidRequestHeader = new(
        "XERR025",
        "A request header definition is not valid",
        "The request header definition {0} is not valid: {1}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr025");

    public static readonly DiagnosticDescriptor InvalidRateLimits = new(
        "XERR026",
        "The rate_limits section is not valid",
        "The 'rate_limits' section is not valid: {0}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr026");

    public static readonly DiagnosticDescriptor InvalidRateLimit = new(
        "XERR027",
        "A rate limit is not valid",
        "The rate limit {0} is not valid: {1}.",
        SpecCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr027");

    public static readonly DiagnosticDescriptor MachineryLibraryTooOld = new(
        "XERR028",
        "The referenced XeroErrors.Machinery is older than the generator",
        "The project references XeroErrors.Machinery {0}, the runtime library the generated code calls, but the generator is {1}: code generated from '{2}' would call members that library lacks, so nothing is generated from it. Take the generator and the library from one version: with a ProjectReference to the generator, reference src/XeroErrors.Machinery from the same checkout instead of an older package or DLL; otherwise reference one version of the XeroErrors.Generators package.",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr028");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "XERR100",
        "Unknown key in the spec",
        "The key '{0}' is not known in {1} and is ignored.{2} Allowed keys: {3}.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr100");

    public static readonly DiagnosticDescriptor SuccessEntryWithRetryOrMatch = new(
        "XERR101",
        "A 2xx entry has retry, body or a body match",
        "'{0}' is a success status ({1}) but has '{2}', which has no effect: a success is never retried and its body is never read. Remove it.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr101");

    public static readonly DiagnosticDescriptor EmptySpec = new(
        "XERR102",
        "The spec file is empty",
        "The spec file '{0}' is empty, so nothing is generated from it. Add 'responses:' or remove the file from AdditionalFiles.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr102");

    public static readonly DiagnosticDescriptor MissingSystemTextJson = new(
        "XERR103",
        "System.Text.Json is not referenced",
        "'{0}' parses its body as JSON ('body: {1}'), but the project does not reference System.Text.Json, so those properties stay empty. Add a PackageReference to System.Text.Json.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr103");

    public static readonly DiagnosticDescriptor MatchNeverUsed = new(
        "XERR104",
        "A match on an entry that shares no status",
        "'{0}' has 'match', but no other entry shares its status, so the match is never consulted. Remove 'match' or add the entries it tells apart.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr104");

    public static readonly DiagnosticDescriptor UnusedBodyShape = new(
        "XERR105",
        "A body shape is never used",
        "The body shape '{0}' is not listed in any entry's 'body:', so it is never read. List it in an entry or remove it.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr105");

    public static readonly DiagnosticDescriptor ShadowedBodyShape = new(
        "XERR106",
        "A body shape is shadowed by an earlier one",
        "In '{0}', the body shape '{1}' is never read: every body it fits also fits '{2}', which is listed before it. List the more specific shape first.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr106");

    public static readonly DiagnosticDescriptor NoSpec = new(
        "XERR107",
        "The project has no spec",
        "The project uses XeroErrors.Generators but has no spec, so nothing is generated. Put the spec at spec/errors.yaml next to the project file, or add it to AdditionalFiles; only files named errors.yaml or ending in .errors.yaml are specs (errors.yml is not). The built-in spec stands in only for a project with no spec file at all and XeroErrorsBuiltInSpec not 'false'. A project without a spec on purpose can put XERR107 in NoWarn.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr107");

    public static readonly DiagnosticDescriptor BuiltInBodyShape = new(
        "XERR108",
        "An entry relies on a built-in body shape",
        "'{0}' lists the body shape '{1}', which the spec does not declare, so the generator's built-in '{1}' is used. The built-in shapes are kept for specs written before 'bodies:' and will be removed in a later version. Declare '{1}' under 'bodies:' (docs/spec-format.md lists what the built-in one reads), so that the spec itself says how its bodies are read.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr108");

    public static readonly DiagnosticDescriptor SpecTypesReferenced = new(
        "XERR109",
        "The spec's types come from a referenced assembly",
        "'{0}' generates nothing here: the referenced assembly '{1}' holds the public types of the same spec (namespace '{2}', prefix '{3}'), and this project uses them, so that one exception type is caught in both. Parts that '{1}' did not generate (a client's glue) are not added; for a set of this project's own, give it another namespace (XeroErrorsNamespace).",
        SpecCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr109");

    public static readonly DiagnosticDescriptor SpecTypesClashWithReference = new(
        "XERR110",
        "A referenced assembly holds types of the same names from another spec",
        "The referenced assembly '{1}' holds public types in namespace '{2}' with prefix '{3}' generated from a spec that says something else than '{0}', so this project's types have the same names (warning CS0436 for each) and a catch in one misses the other's exceptions. Give this project's types a namespace of their own: set <XeroErrorsNamespace> in the project file, or 'namespace:' in the spec.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr110");

    public static readonly DiagnosticDescriptor BooleanLikeKey = new(
        "XERR111",
        "A spec key that YAML 1.1 reads as a boolean",
        "In {0}, the key 'on' is the boolean true to YAML 1.1 readers (PyYAML, yamllint and the tools built on them), so they misread the spec. Write 'scope: {1}' instead; this generator still reads 'on'.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr111");

    public static readonly DiagnosticDescriptor MissingRateLimiting = new(
        "XERR112",
        "System.Threading.RateLimiting is not referenced",
        "'{0}' declares rate limits, but the project does not reference System.Threading.RateLimiting, so no {1}RateLimits is generated to keep to them. Add a PackageReference to System.Threading.RateLimiting (on .NET Framework and .NET Standard, Microsoft.Bcl.TimeProvider as well).",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr112");

    public static readonly DiagnosticDescriptor RateLimitsDeclaredTwice = new(
        "XERR113",
        "Two specs declare rate limits",
        "'{0}' declares rate limits, and so does '{1}': the limits are the application's, so the project keeps one count, {2}RateLimits from '{1}', and generates none from '{0}'. Declare the limits in one spec only.",
        SpecCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr113");

    public static readonly DiagnosticDescriptor InternalError = new(
        "XERR999",
        "The generator failed unexpectedly",
        "XeroErrors.Generators failed on '{0}' with {1}: {2}. Please report this with the spec that caused it.",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBaseUri + "#xerr999");
}
