using System.Runtime.CompilerServices;
using System.Text;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot checks in Verify's conventions, until Verify.SourceGenerators can be used: the expected text is
/// <c>Snapshots/{Class}.{Method}#{name}.verified.cs</c> beside the tests; a mismatch writes
/// <c>*.received.cs</c> beside it and fails with a diff. The generator's version is scrubbed to <c>{version}</c>. Set XEROERRORS_ACCEPT_SNAPSHOTS=1 to accept the
/// received text (never in CI).
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "XEROERRORS_ACCEPT_SNAPSHOTS";

    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        if (Check(name, actual, callerFile, method) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>Like <see cref="Verify"/>, but returns the failure instead of throwing, so a test can check every file first.</summary>
    public static string? Check(string name, string actual, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var className = Path.GetFileNameWithoutExtension(callerFile);
        var stem = Path.Combine(directory, $"{className}.{method}#{name}");
        var verifiedPath = stem + ".verified.cs";
        var receivedPath = stem + ".received.cs";

        actual = ScrubVersion(actual);
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath, Encoding.UTF8).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return null;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1" && Environment.GetEnvironmentVariable("CI") is null)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var message = expected is null
            ? $"No snapshot {Path.GetFileName(verifiedPath)} yet. Read {Path.GetFileName(receivedPath)}; accept it with {AcceptVariable}=1."
            : $"{Path.GetFileName(verifiedPath)} differs from the generated text (written to {Path.GetFileName(receivedPath)}):{Environment.NewLine}{Diff(expected, actual)}";
        return message;
    }

    /// <summary>
    /// The generator's version, which every release changes, becomes <c>{version}</c>: a snapshot pins what the
    /// generator writes, not which build wrote it. <see cref="Emit.ThisAssembly"/> is checked against the assembly elsewhere.
    /// </summary>
    internal static string ScrubVersion(string text) =>
        text.Replace(VersionedAttribute(Emit.ThisAssembly.Version), VersionedAttribute("{version}"), StringComparison.Ordinal)
            .Replace(VersionConstant(Emit.ThisAssembly.Version), VersionConstant("{version}"), StringComparison.Ordinal);

    /// <summary>The machinery's <c>GeneratorVersion.Value</c>, which its attributes name.</summary>
    private static string VersionConstant(string version) => "public const string Value = \"" + version + "\";";

    private static string VersionedAttribute(string version) => "GeneratedCode(\"XeroErrors.Generators\", \"" + version + "\")";

    /// <summary>The first differing lines with some context, enough to see what changed.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        var from = Math.Max(0, first - 3);
        for (var i = from; i < first; i++)
        {
            builder.Append("  ").Append(i + 1).Append(": ").AppendLine(a[i]);
        }

        for (var i = first; i < Math.Min(a.Length, first + 8); i++)
        {
            builder.Append("- ").Append(i + 1).Append(": ").AppendLine(a[i]);
        }

        for (var i = first; i < Math.Min(b.Length, first + 8); i++)
        {
            builder.Append("+ ").Append(i + 1).Append(": ").AppendLine(b[i]);
        }

        return builder.ToString();
    }
}
