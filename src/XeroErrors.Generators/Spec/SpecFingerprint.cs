using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// What a spec says, reduced to a short hash: the YAML tree's keys and values, and the order of sequences, without
/// comments, layout, quoting style or the order of a mapping's keys. Two files that say the same thing have the same fingerprint, so a referenced assembly generated from
/// the same spec is recognised (<see cref="Diagnostics.SpecConflicts"/>), and an edit to a comment changes nothing.
/// </summary>
internal static class SpecFingerprint
{
    public static string Of(YamlNode root)
    {
        var canonical = new StringBuilder();
        Write(root, canonical);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(canonical.ToString()));
        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>Each node as a tag and its length-prefixed parts, so that no two different trees write the same text.</summary>
    private static void Write(YamlNode node, StringBuilder output)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                output.Append('s').Append(value.Length).Append(':').Append(value);
                break;
            case YamlSequenceNode sequence:
                output.Append('[').Append(sequence.Children.Count).Append(':');
                foreach (var child in sequence.Children)
                {
                    Write(child, output);
                }

                output.Append(']');
                break;
            case YamlMappingNode mapping:
                // A mapping's keys have no order in YAML (a sequence's items do: the enum follows them).
                var pairs = new List<string>(mapping.Children.Count);
                foreach (var pair in mapping.Children)
                {
                    var text = new StringBuilder();
                    // A field's 'scope' was first spelled 'on' (XERR111). Both are hashed under the old name, so the rename
                    // changes no fingerprint: a library generated before it is still recognised as the same spec.
                    Write(pair.Key is YamlScalarNode { Value: "scope" } ? new YamlScalarNode(SpecKeys.BodyFieldScopeBeforeRename) : pair.Key, text);
                    Write(pair.Value, text);
                    pairs.Add(text.ToString());
                }

                pairs.Sort(StringComparer.Ordinal);
                output.Append('{').Append(pairs.Count).Append(':');
                foreach (var pair in pairs)
                {
                    output.Append(pair);
                }

                output.Append('}');
                break;
            default:
                output.Append('?');
                break;
        }
    }
}
