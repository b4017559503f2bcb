using System;
using System.Collections.Generic;
using System.Text;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Writes C# with tracked indentation, so emitted code is tidy without a NormalizeWhitespace pass.
/// Always writes '\n' line endings: the same spec gives the same bytes on every machine.
/// </summary>
/// <remarks>
/// Blocks opened with <see cref="BeginBlock"/> or <see cref="OpenBrace"/> must be closed: a block closed twice fails at
/// once, and <see cref="Complete"/> fails on one left open, naming it, so an emitter bug is an XERR999 at the spec
/// rather than generated code that does not compile.
/// </remarks>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private readonly Stack<string> _blocks = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent()
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in the emitter.");
        }

        _indent--;
    }

    public void WriteLine()
    {
        _builder.Append('\n');
    }

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        for (var i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(line).Append('\n');
    }

    /// <summary>Writes several lines (a raw string from the emitter), each at the current indentation.</summary>
    public void WriteLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        foreach (var line in lines)
        {
            WriteLine(line.TrimEnd());
        }
    }

    /// <summary>Writes a declaration (a type, a member, a statement) and opens its block.</summary>
    public void BeginBlock(string header)
    {
        WriteLine(header);
        Open(header);
    }

    /// <summary>
    /// Continues inside a block that a chunk of raw C# (<see cref="WriteLines"/>) has just opened with its own
    /// <c>{</c>, so that <see cref="EndBlock"/> can close it; <paramref name="what"/> names it if it is left open.
    /// </summary>
    public void EnterBlock(string what)
    {
        _blocks.Push(what);
        Indent();
    }

    /// <summary>Opens a block whose header the emitter has already written.</summary>
    public void OpenBrace() => Open("{");

    /// <summary>Closes the innermost block, with an optional suffix such as <c>;</c> or <c>,</c>.</summary>
    public void EndBlock(string suffix = "")
    {
        if (_blocks.Count == 0)
        {
            throw new InvalidOperationException("The emitter closed a block it never opened.");
        }

        _blocks.Pop();
        Unindent();
        WriteLine("}" + suffix);
    }

    /// <summary>The text written, once every block is closed and the indentation is back where it started.</summary>
    public string Complete()
    {
        if (_blocks.Count > 0)
        {
            throw new InvalidOperationException($"The emitter left {_blocks.Count} block(s) open, the innermost after '{_blocks.Peek()}'.");
        }

        if (_indent != 0)
        {
            throw new InvalidOperationException("The emitter left the indentation unbalanced.");
        }

        return _builder.ToString();
    }

    private void Open(string header)
    {
        WriteLine("{");
        _blocks.Push(header);
        Indent();
    }
}
