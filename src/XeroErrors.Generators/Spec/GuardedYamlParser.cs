using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// The YAML parser as the loader pulls from it, so the spec is read in one pass. It refuses, at the event's place, a
/// document nested deeper than a limit before the loader, which recurses once per level, can go that deep (a hostile
/// spec must not overflow the stack inside the compiler server), and an alias to no anchor before it (the loader
/// finds that only at the document's end, and says no where). It marks every failure of the parser itself as
/// <see cref="ParserFailure"/>, so the reader can tell a syntax error from a tree the loader refuses.
/// </summary>
internal sealed class GuardedYamlParser : IParser
{
    private readonly IParser _inner;
    private readonly int _maxDepth;
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private int _depth;

    public GuardedYamlParser(IParser inner, int maxDepth)
    {
        _inner = inner;
        _maxDepth = maxDepth;
    }

    public ParsingEvent? Current => _inner.Current;

    /// <summary>The first alias read, where a loader failure without a position most likely comes from.</summary>
    public AnchorAlias? FirstAlias { get; private set; }

    /// <summary>The last event read, after which a failure of the parser is reported.</summary>
    public ParsingEvent? Last { get; private set; }

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = _inner.MoveNext();
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ParserFailure(ex);
        }

        if (!moved)
        {
            return false;
        }

        var current = _inner.Current!;
        Last = current;
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors.Add(anchored.Anchor.Value);
        }

        switch (current)
        {
            case AnchorAlias alias:
                FirstAlias ??= alias;
                if (!_anchors.Contains(alias.Value.Value))
                {
                    throw new Refusal(current, $"the alias '*{alias.Value.Value}' names no anchor ('&{alias.Value.Value}') before it");
                }

                break;
            case MappingStart or SequenceStart:
                if (++_depth > _maxDepth)
                {
                    throw new Refusal(current, $"collections are nested deeper than {_maxDepth} levels");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }

    /// <summary>The parser failed: the YAML is malformed. <see cref="Exception.InnerException"/> says how.</summary>
    internal sealed class ParserFailure : Exception
    {
        public ParserFailure(Exception inner)
            : base(inner.Message, inner)
        {
        }
    }

    /// <summary>What the guard refuses (<see cref="Exception.Message"/>), at the event <see cref="At"/>.</summary>
    internal sealed class Refusal : Exception
    {
        public Refusal(ParsingEvent at, string message)
            : base(message)
        {
            At = at;
        }

        public ParsingEvent At { get; }
    }
}
