using System.Text.RegularExpressions;
using XeroErrors.Generators.IntegrationTests.Infrastructure;

namespace XeroErrors.Generators.IntegrationTests;

/// <summary>
/// The sample, built against broken copies of the shipped spec (each one a mistake a user makes while editing it):
/// the build fails, prints the XERR error at the spec's line and column of the offending YAML node, and nothing else
/// that would mislead: no other error (no CS0246, CS0117 … from code that uses the generated types, no error in the
/// generated code) and no warning CS8785 (a generator that threw). The generator leaves out only what is wrong, so
/// the rest of the sample still compiles.
/// </summary>
/// <remarks>
/// The sample's sources and project file are copied into a temporary folder, with the repository's
/// Directory.Build.props so it builds with the same settings (warnings as errors, nullable, no implicit usings).
/// Its ProjectReference points at the generator in the repository, which the test project has already built; the
/// consumer is built with <c>--no-dependencies</c>, so the repository's bin/ and obj/ are read, never written.
/// </remarks>
[Trait(Categories.Name, Categories.Integration)]
public sealed partial class BrokenSpecBuildTests : IDisposable
{
    private const string SampleProjectFileName = "XeroErrors.Sample.csproj";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xeroerrors-it-broken-" + Guid.NewGuid().ToString("N")[..12]);

    private static string SampleDirectory => Path.Combine(Repo.Root, "samples", "XeroErrors.Sample");

    public static TheoryData<string> Variants => new()
    {
        "keyword-name",
        "status-out-of-range",
        "retry-after-not-seconds",
        "duplicate-name",
        "header-type-float",
        "shared-status-without-match",
    };

    public void Dispose()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PackedGeneratorFixture.KeepVariable)) && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The control: the same copy of the sample, with the spec as shipped, builds cleanly.</summary>
    [Fact]
    public async Task The_sample_copy_builds_cleanly_with_the_shipped_spec()
    {
        var app = WriteSample("shipped", SpecText.Shipped().ToString());

        var build = await app.BuildAsync($"-c {Repo.Configuration} --no-dependencies");

        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Errors);
        Assert.Empty(build.Warnings);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Building_the_sample_with_a_broken_spec_prints_only_the_XERR_error_at_the_offending_node(string variant)
    {
        var broken = Break(variant);
        var app = WriteSample(variant, broken.Text);
        var spec = Path.Combine(app.Directory, "spec", "errors.yaml");

        var build = await app.BuildAsync($"-c {Repo.Configuration} --no-dependencies");

        Assert.False(build.TimedOut, build.Describe());
        Assert.False(build.Succeeded, "The build succeeded with a broken spec. " + build.Describe());

        var expected = $"{spec}({broken.Line},{broken.Column}): error {broken.Code}:";
        Assert.True(
            build.Errors.Any(line => line.Contains(expected, StringComparison.Ordinal)),
            $"Expected `{expected}` ({variant}). Errors:{Environment.NewLine}{string.Join(Environment.NewLine, build.Errors)}{Environment.NewLine}{build.Describe()}");

        // Nothing else: not another error code (CS0246, CS0117, CS… in the sample or in generated code, MSB…)…
        var codes = DiagnosticCodes(build.Output, "error");
        Assert.True(
            codes.SetEquals(new[] { broken.Code }),
            $"Expected only {broken.Code} ({variant}) but the build reported errors {string.Join(", ", codes.OrderBy(c => c, StringComparer.Ordinal))}:{Environment.NewLine}{string.Join(Environment.NewLine, build.Errors)}");

        // …nor the same error somewhere else in the spec…
        var others = build.Errors.Where(line => !line.Contains(expected, StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, $"Unexpected error lines ({variant}):{Environment.NewLine}{string.Join(Environment.NewLine, others)}");

        // …nor a generator that failed (CS8785 is a warning, so it would not show up as an error code above).
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DiagnosticCodes(build.Output, "warning"), c => c.StartsWith("CS", StringComparison.Ordinal));
    }

    /// <summary>The broken copy of the shipped spec for <paramref name="variant"/>, and where its error must be reported.</summary>
    private static BrokenSpec Break(string variant)
    {
        var spec = SpecText.Shipped();
        switch (variant)
        {
            case "keyword-name":
            {
                // A new entry whose name is a C# keyword.
                var first = spec.AppendEntry(
                    "  - name: class",
                    "    status: 418",
                    "    summary: Conflict");
                return spec.Expect("XERR007", first);
            }

            case "status-out-of-range":
            {
                // A new entry with a mistyped status.
                var first = spec.AppendEntry(
                    "  - name: ProjectNotFound",
                    "    status: 4040",
                    "    summary: Project Not Found");
                return spec.Expect("XERR010", first + 1);
            }

            case "retry-after-not-seconds":
            {
                // OrganisationOffline's 'after: 300' rewritten in words.
                var entry = spec.IndexOf("  - name: OrganisationOffline");
                var after = spec.IndexOf("      after: 300", entry);
                spec.Replace(after, "      after: soon");
                return spec.Expect("XERR015", after);
            }

            case "duplicate-name":
            {
                // NotFound copied for another status and not renamed: reported on the copy, which is left out.
                spec.IndexOf("  - name: NotFound");
                var first = spec.AppendEntry(
                    "  - name: NotFound",
                    "    status: 410",
                    "    summary: Gone",
                    "    description: The resource you have specified has been removed");
                return spec.Expect("XERR009", first);
            }

            case "header-type-float":
            {
                // A new header definition, at the end of 'headers:', with a type the schema does not have.
                var first = spec.InsertAtEndOfSection("request_headers:",
                    "  - name: X-Request-Cost",
                    "    property: RequestCost",
                    "    type: float",
                    "    description: What the request cost against the limits.");
                return spec.Expect("XERR019", first + 2);
            }

            case "shared-status-without-match":
            {
                // Another 503 entry, neither told apart by a match nor the default: nothing could select it.
                var first = spec.AppendEntry(
                    "  - name: ServiceBusy",
                    "    status: 503",
                    "    summary: Service Busy",
                    "    retry:",
                    "      transient: true");
                return spec.Expect("XERR013", first);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant.");
        }
    }

    /// <summary>Copies the sample (project file, sources, the repository's Directory.Build.props) with the given spec.</summary>
    private ConsumerProject WriteSample(string name, string spec)
    {
        var folder = Path.Combine(_root, name);
        var app = new ConsumerProject(Path.Combine(folder, "XeroErrors.Sample"), SampleProjectFileName);

        // The sample lives two folders below the repository root and refers to the generator and the spec from there.
        var project = File.ReadAllText(Path.Combine(SampleDirectory, SampleProjectFileName));
        project = ReplaceOnce(project, "\"../../src/XeroErrors.Generators/build/XeroErrors.Generators.props\"", $"\"{Repo.GeneratorProps}\"");
        project = ReplaceOnce(project, "\"../../src/XeroErrors.Generators/XeroErrors.Generators.csproj\"", $"\"{Repo.GeneratorProject}\"");
        project = ReplaceOnce(project, "\"../../src/XeroErrors.Machinery/XeroErrors.Machinery.csproj\"", $"\"{Repo.PackageProject}\"");
        project = ReplaceOnce(project, "\"../../spec/errors.yaml\"", "\"spec/errors.yaml\"");
        app.Write(SampleProjectFileName, project);
        app.Write("spec/errors.yaml", spec);

        File.Copy(Path.Combine(Repo.Root, "Directory.Build.props"), Path.Combine(folder, "Directory.Build.props"));

        var sources = Directory.EnumerateFiles(SampleDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SampleDirectory, path))
            .Where(relative => !relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var relative in sources)
        {
            app.Write(relative, File.ReadAllText(Path.Combine(SampleDirectory, relative)));
        }

        return app;
    }

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(
            at >= 0 && text.IndexOf(oldValue, at + 1, StringComparison.Ordinal) < 0,
            $"The sample's {SampleProjectFileName} no longer has {oldValue} exactly once; update {nameof(BrokenSpecBuildTests)}.");
        return text.Remove(at, oldValue.Length).Insert(at, newValue);
    }

    /// <summary>The distinct codes of the diagnostics of one severity ("error", "warning") in MSBuild's output.</summary>
    private static HashSet<string> DiagnosticCodes(string output, string severity) =>
        Diagnostic().Matches(output)
            .Where(m => m.Groups["severity"].Value == severity)
            .Select(m => m.Groups["code"].Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?<severity>error|warning)\s+(?<code>[A-Za-z]+[0-9]+)\s*:")]
    private static partial Regex Diagnostic();

    /// <summary>A broken spec and the one diagnostic it must give: code, 1-based line and column.</summary>
    private sealed record BrokenSpec(string Text, string Code, int Line, int Column);

    /// <summary>The shipped spec as lines, edited the way a user edits it in an editor.</summary>
    private sealed class SpecText
    {
        private readonly List<string> _lines;
        private readonly string _newline;

        private SpecText(string text)
        {
            _newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            _lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (_lines.Count > 0 && _lines[^1].Length == 0)
            {
                _lines.RemoveAt(_lines.Count - 1);
            }
        }

        public static SpecText Shipped() => new(File.ReadAllText(Repo.ShippedSpec));

        /// <summary>The 0-based index of the one line equal to <paramref name="line"/> at or after <paramref name="start"/>.</summary>
        public int IndexOf(string line, int start = 0)
        {
            var matches = Enumerable.Range(start, _lines.Count - start).Where(i => _lines[i] == line).ToList();
            Assert.True(matches.Count == 1, $"The shipped spec has {matches.Count} lines `{line}` from line {start + 1}; update {nameof(BrokenSpecBuildTests)}.");
            return matches[0];
        }

        public void Replace(int index, string line) => _lines[index] = line;

        /// <summary>Appends a response entry after a blank line, as the shipped entries are separated; returns the index of its first line.</summary>
        public int AppendEntry(params string[] lines)
        {
            Assert.Equal("responses:", _lines.LastOrDefault(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith('#')));
            _lines.Add(string.Empty);
            _lines.AddRange(lines);
            return _lines.Count - lines.Length;
        }

        /// <summary>Inserts lines at the end of the section before <paramref name="nextSection"/> (before the blank lines that end it).</summary>
        public int InsertAtEndOfSection(string nextSection, params string[] lines)
        {
            var at = IndexOf(nextSection);
            while (at > 0 && _lines[at - 1].Trim().Length == 0)
            {
                at--;
            }

            _lines.InsertRange(at, lines);
            return at;
        }

        /// <summary>The diagnostic expected at the value of the <c>key: value</c> line <paramref name="index"/>.</summary>
        public BrokenSpec Expect(string code, int index)
        {
            var line = _lines[index];
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            Assert.True(colon >= 0, $"`{line}` is not a `key: value` line.");
            return new BrokenSpec(ToString(), code, index + 1, colon + 3);
        }

        public override string ToString() => string.Join(_newline, _lines) + _newline;
    }
}
