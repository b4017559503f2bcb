namespace XeroErrors.Generators.Emit;

/// <summary>
/// XML doc comments on generated members. One rule for every emitter: a fixed member whose code is a raw-string
/// template carries its docs inside the template, beside the code they describe; every doc line an emitter writes
/// through the <see cref="SourceWriter"/> goes through this class (or, for a spec entry's docs, through
/// <see cref="ResponseDocs"/>), so escaping happens in one place. <see cref="Text"/>
/// takes plain text and escapes it; <see cref="Xml"/>, <see cref="Summary"/>, <see cref="Param"/> and
/// <see cref="Returns"/> take text that is already XML, so it can link generated types with
/// <see cref="CSharpText.Cref"/>, and any spec text in it must have gone through <see cref="CSharpText.XmlText"/>.
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

    /// <summary>A one-line summary that is already XML.</summary>
    public static void Summary(SourceWriter writer, string summaryXml) => writer.WriteLine("/// <summary>" + summaryXml + "</summary>");

    /// <summary>A parameter's line, already XML; <paramref name="name"/> is a C# identifier.</summary>
    public static void Param(SourceWriter writer, string name, string descriptionXml) => writer.WriteLine("/// <param name=\"" + name + "\">" + descriptionXml + "</param>");

    /// <summary>A <c>returns</c> line that is already XML.</summary>
    public static void Returns(SourceWriter writer, string descriptionXml) => writer.WriteLine("/// <returns>" + descriptionXml + "</returns>");
}
