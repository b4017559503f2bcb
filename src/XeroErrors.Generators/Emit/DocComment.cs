namespace XeroErrors.Generators.Emit;

/// <summary>
/// XML doc comments on generated members: <see cref="Text"/> for plain text, escaped; <see cref="Xml"/> for text that
/// is already XML, so it can link generated types.
/// </summary>
internal static class DocComment
{
    /// <summary>A summary (and optional remarks) of plain text as XML doc lines: every character is escaped.</summary>
    public static void Text(SourceWriter writer, string summary, string? remarks = null)
    {
        writer.WriteLine("/// <summary>");
        foreach (var line in CSharpText.DocLines(summary))
        {
            writer.WriteLine("/// " + line);
        }

        writer.WriteLine("/// </summary>");
        if (remarks is { Length: > 0 })
        {
            writer.WriteLine("/// <remarks>");
            foreach (var line in CSharpText.DocLines(remarks))
            {
                writer.WriteLine("/// " + line);
            }

            writer.WriteLine("/// </remarks>");
        }
    }

    /// <summary>
    /// A summary (and optional remarks) that are already XML, for docs that link other generated types with
    /// <see cref="CSharpText.Cref"/>; text from the spec in them must go through <see cref="CSharpText.XmlText"/>.
    /// </summary>
    public static void Xml(SourceWriter writer, string summaryXml, string? remarksXml = null)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// " + summaryXml);
        writer.WriteLine("/// </summary>");
        if (remarksXml is { Length: > 0 })
        {
            writer.WriteLine("/// <remarks>");
            writer.WriteLine("/// " + remarksXml);
            writer.WriteLine("/// </remarks>");
        }
    }
}
