using System;
using System.Globalization;
using XeroErrors.Generators.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>Small helpers over YamlDotNet's representation model.</summary>
internal static class YamlNodes
{
    /// <summary>YamlDotNet counts lines and columns from 1; Roslyn from 0.</summary>
    public static SpecLocation Location(string path, Mark start, Mark end)
    {
        var startIndex = (int)Math.Max(0, start.Index);
        var endIndex = (int)Math.Max(startIndex, end.Index);
        var startLine = (int)Math.Max(0, start.Line - 1);
        var startColumn = (int)Math.Max(0, start.Column - 1);
        var endLine = (int)Math.Max(startLine, end.Line - 1);
        var endColumn = (int)Math.Max(0, end.Column - 1);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        return new SpecLocation(path, startIndex, endIndex - startIndex, startLine, startColumn, endLine, endColumn);
    }

    public static SpecLocation Location(string path, YamlNode node) => Location(path, node.Start, node.End);

    /// <summary>The value of <paramref name="key"/> in a mapping, or null when the key is absent.</summary>
    public static YamlNode? Find(YamlMappingNode map, string key)
    {
        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The key node itself, for diagnostics that point at the key rather than its value.</summary>
    public static YamlNode? FindKey(YamlMappingNode map, string key)
    {
        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return pair.Key;
            }
        }

        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "sequence",
        YamlScalarNode scalar when IsNull(scalar) => "null value",
        YamlScalarNode => "scalar",
        _ => "node",
    };

    /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all: YAML's null.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain &&
        (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~" ||
         string.Equals(scalar.Value, "null", StringComparison.OrdinalIgnoreCase));

    public static bool TryGetBoolean(YamlScalarNode scalar, out bool value)
    {
        switch (scalar.Value)
        {
            case "true":
            case "True":
            case "TRUE":
                value = true;
                return true;
            case "false":
            case "False":
            case "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryGetInt(YamlScalarNode scalar, out int value) =>
        int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Shortens a value quoted in a diagnostic message, so one bad key does not flood the build log.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        const int max = 80;
        var text = value.Length <= max ? value : value.Substring(0, max) + "…";
        return text.Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
