using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace XeroErrors.Generators.Emit;

/// <summary>Turns spec text into C# that compiles and reads back the same: literals and XML doc text.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal that evaluates to exactly <paramref name="value"/>.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text for an XML doc comment: escaped for XML, and with the characters XML 1.0 forbids (control
    /// characters, unpaired surrogates) written as <c>\uXXXX</c> so the comment stays well-formed.
    /// New lines are kept as separate lines by <see cref="DocLines"/>.
    /// </summary>
    public static string XmlText(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\t': builder.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c) || char.IsControl(c) || IsLineBreak(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>C# ends a comment at any of these; one left in doc text would turn the rest of the line into code.</summary>
    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>An XML doc link to <paramref name="target"/>, a type or member name as C# code would write it.</summary>
    public static string Cref(string target) => "<see cref=\"" + XmlText(target) + "\"/>";

    /// <summary>The lines of a doc text, XML-escaped, without trailing blank lines.</summary>
    public static string[] DocLines(string value)
    {
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = XmlText(lines[i].TrimEnd());
        }

        return lines;
    }
}
