using Microsoft.CodeAnalysis.CSharp;

namespace XeroErrors.Generators.Spec;

/// <summary>Checks for the names a spec gives to generated code. Nothing is ever repaired: a bad name is an error.</summary>
internal static class Identifiers
{
    public static bool IsValid(string name) => SyntaxFacts.IsValidIdentifier(name) && !name.StartsWith("@", System.StringComparison.Ordinal);

    public static bool IsKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    /// <summary>A dot-separated namespace whose every part is a valid identifier and not a keyword.</summary>
    public static bool IsValidNamespace(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var part in value.Split('.'))
        {
            if (!IsValid(part) || IsKeyword(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A prefix goes in front of type names: empty is allowed, otherwise it must start an identifier.</summary>
    public static bool IsValidPrefix(string value) => value.Length == 0 || (IsValid(value) && !IsKeyword(value));

    /// <summary>An HTTP field name (RFC 9110 token): the only characters a header name may have.</summary>
    public static bool IsHttpToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
