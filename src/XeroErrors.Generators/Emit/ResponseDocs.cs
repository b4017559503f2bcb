using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Writes a response entry's spec text as XML docs, so IntelliSense shows the documentation's own words.</summary>
internal static class ResponseDocs
{
    /// <summary>Writes the summary and remarks of <paramref name="response"/>'s exception or kind member.</summary>
    /// <param name="writer">The writer, at the member's indentation.</param>
    /// <param name="context">The spec's names and the consumer's capabilities.</param>
    /// <param name="response">The entry whose spec text is written.</param>
    /// <param name="extraSummary">A sentence for the summary, already XML (it may hold a cref); it goes in a paragraph of its own so the IDE does not run it into the description.</param>
    public static void Write(SourceWriter writer, EmitContext context, ResponseModel response, string? extraSummary = null)
    {
        var statuses = string.Join(", ", response.Statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// " + CSharpText.XmlText($"HTTP {statuses} {response.Summary.Trim()}: ") + (response.Description is null ? string.Empty : FirstLine(response.Description)));
        foreach (var line in RestLines(response.Description))
        {
            writer.WriteLine(DocLine(line));
        }

        if (extraSummary is not null)
        {
            writer.WriteLine("/// <para>" + extraSummary + "</para>");
        }

        // In the summary, not the remarks: whether to retry is what a tooltip is read for.
        writer.WriteLine("/// <para>" + RetryAdvice.Describe(context, response) + "</para>");

        writer.WriteLine("/// </summary>");

        var paragraphs = new List<string[]>();
        if (response.Notes is { Length: > 0 })
        {
            paragraphs.Add(CSharpText.DocLines(response.Notes));
        }

        var chosen = ChosenWhen(response);
        if (chosen is not null)
        {
            paragraphs.Add(new[] { CSharpText.XmlText(chosen) });
        }

        if (response.Source is { Length: > 0 })
        {
            paragraphs.Add(CSharpText.DocLines("Source: " + response.Source));
        }

        if (paragraphs.Count == 0 && response.Example is null)
        {
            return;
        }

        writer.WriteLine("/// <remarks>");
        foreach (var paragraph in paragraphs)
        {
            writer.WriteLine("/// <para>");
            foreach (var line in paragraph)
            {
                writer.WriteLine(DocLine(line));
            }

            writer.WriteLine("/// </para>");
        }

        if (response.Example is { Length: > 0 })
        {
            // "Example", not "Example body": one example text may show several bodies, each with a label.
            writer.WriteLine("/// <para>Example:</para>");
            writer.WriteLine("/// <code>");
            foreach (var line in CSharpText.DocLines(response.Example))
            {
                writer.WriteLine(DocLine(line));
            }

            writer.WriteLine("/// </code>");
        }

        writer.WriteLine("/// </remarks>");
    }

    private static string? ChosenWhen(ResponseModel response)
    {
        var parts = new List<string>();
        parts.AddRange(response.Match.Headers.Select(h => $"the {h} header is present"));
        parts.AddRange(response.Match.BodyTexts.Select(b => $"the body contains \"{b}\""));
        if (parts.Count == 0)
        {
            return response.IsDefault ? "Chosen when no other entry of its status matches." : null;
        }

        var text = "Chosen when " + string.Join(" or ", parts) + " (case-insensitive).";
        return response.IsDefault ? text + " Also chosen when no other entry of its status matches." : text;
    }

    /// <summary>A doc comment line; a blank one without the space, so that no generated line ends in white space.</summary>
    private static string DocLine(string line) => line.Length == 0 ? "///" : "/// " + line;

    private static string FirstLine(string text) => CSharpText.DocLines(text)[0];

    private static IEnumerable<string> RestLines(string? text) => text is null ? Enumerable.Empty<string>() : CSharpText.DocLines(text).Skip(1);
}
