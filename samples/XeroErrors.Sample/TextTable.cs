using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace XeroErrors.Sample;

/// <summary>A plain-text table: left-aligned columns as wide as their widest cell, a rule under the header.</summary>
internal sealed class TextTable
{
    private const string ColumnGap = "  ";

    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table with these column headers.</summary>
    /// <param name="headers">One header per column.</param>
    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One single-line cell per column.</param>
    /// <exception cref="ArgumentException">The number of cells is not the number of columns.</exception>
    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the header, a rule and the rows.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteTo(TextWriter writer)
    {
        var widths = ColumnWidths();
        WriteLine(writer, _headers, widths);
        WriteLine(writer, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    private int[] ColumnWidths() =>
        _headers.Select((header, column) => _rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        var line = string.Join(ColumnGap, cells.Select((cell, column) => cell.PadRight(widths[column])));
        writer.WriteLine(line.TrimEnd());
    }
}
