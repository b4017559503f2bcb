using System.Text;
using System.Text.RegularExpressions;

namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="Language">The fence's info string ("csharp", "xml", ...).</param>
/// <param name="Line">The 1-based line of the first line of code (the one after the opening fence).</param>
/// <param name="Code">The code, lines joined with '\n'.</param>
public sealed record CodeBlock(string Language, int Line, string Code);

/// <summary>
/// Turns the README's <c>csharp</c> blocks into source files of a consumer project. A block is either statements
/// (wrapped into a method, <c>async</c> when it awaits) or, when it declares a type at its top level, type
/// declarations (put into a namespace of their own). Its leading <c>using</c> directives go to the top of the file.
/// <c>#line</c> directives make the compiler report errors at the README's own lines.
/// </summary>
public static partial class ReadmeSnippets
{
    public const string CSharp = "csharp";

    public static IReadOnlyList<CodeBlock> Blocks(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !ClosingFence().IsMatch(lines[end]))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new FormatException($"The code block that opens on line {i + 1} is never closed.");
            }

            blocks.Add(new CodeBlock(open.Groups["lang"].Value.Trim(), start + 1, string.Join("\n", lines[start..end])));
            i = end;
        }

        return blocks;
    }

    public static IReadOnlyList<CodeBlock> CSharpBlocks(string markdown) =>
        Blocks(markdown).Where(b => b.Language == CSharp).ToList();

    public static bool DeclaresTypes(CodeBlock block) =>
        block.Code.Split('\n').Any(line => TypeDeclaration().IsMatch(line));

    /// <summary>A compilation unit for block number <paramref name="index"/>, read from <paramref name="fileName"/>.</summary>
    public static string ToSourceFile(CodeBlock block, int index, string fileName)
    {
        var lines = block.Code.Split('\n');
        var usings = new List<string>();
        var body = new List<string>();
        var leading = true;
        foreach (var line in lines)
        {
            if (leading && UsingDirective().IsMatch(line))
            {
                usings.Add(line.Trim());
                body.Add(string.Empty); // keeps the README's line numbers
                continue;
            }

            if (line.Trim().Length > 0)
            {
                leading = false;
            }

            body.Add(line);
        }

        var text = new StringBuilder();
        text.Append("// README.md, C# block ").Append(index).Append(", line ").Append(block.Line).Append('\n');
        foreach (var u in usings)
        {
            text.Append(u).Append('\n');
        }

        text.Append('\n');
        var path = fileName.Replace("\\", "\\\\", StringComparison.Ordinal);
        if (DeclaresTypes(block))
        {
            text.Append("namespace ReadmeSnippets.Block").Append(index).Append("\n{\n");
            text.Append("#line ").Append(block.Line).Append(" \"").Append(path).Append("\"\n");
            foreach (var line in body)
            {
                text.Append(line).Append('\n');
            }

            text.Append("#line default\n}\n");
        }
        else
        {
            var awaits = Await().IsMatch(block.Code);
            text.Append("namespace ReadmeSnippets\n{\n");
            text.Append("    internal static class Block").Append(index).Append("\n    {\n");
            text.Append(awaits ? "        public static async Task RunAsync()\n" : "        public static void Run()\n");
            text.Append("        {\n");
            text.Append("#line ").Append(block.Line).Append(" \"").Append(path).Append("\"\n");
            foreach (var line in body)
            {
                text.Append(line).Append('\n');
            }

            text.Append("#line default\n        }\n    }\n}\n");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^\s*```(?<lang>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*```\s*$")]
    private static partial Regex ClosingFence();

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^((public|internal|sealed|static|abstract|partial|readonly)\s+)*(class|record|struct|interface|enum)\s+\w+")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bawait\b")]
    private static partial Regex Await();
}
