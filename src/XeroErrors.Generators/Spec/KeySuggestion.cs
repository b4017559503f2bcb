using System;
using System.Collections.Generic;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// The known key an unknown key was probably meant to be, for XERR100's "did you mean". Keys are compared ignoring
/// case, with <c>_</c> read as <c>-</c>. A known key is a candidate when either
/// <list type="bullet">
/// <item>its edit distance from the unknown key (letters inserted, deleted, replaced, or two neighbours swapped) is at
/// most one per three letters of the known key, and at least one: <c>sumary</c> → <c>summary</c>,
/// <c>trasnient</c> → <c>transient</c>; or</item>
/// <item>the unknown key starts with the known key, or with all of it but its last letter, in at least three letters,
/// and goes on for at most three letters more: a plural or other ending, <c>retries</c> → <c>retry</c>,
/// <c>bodies</c> → <c>body</c>, <c>statuses</c> → <c>status</c>.</item>
/// </list>
/// The candidate nearest by edit distance wins; a tie goes to the key listed first. Without a candidate there is no
/// suggestion, so a key that merely shares a few letters with a known one (<c>delay</c> in <c>retry</c>,
/// <c>namespace</c> in an entry) gets none.
/// </summary>
internal static class KeySuggestion
{
    /// <summary>Letters the plural-or-ending rule allows after the shared start.</summary>
    private const int MaxEnding = 3;

    /// <summary>The shortest shared start the plural-or-ending rule accepts.</summary>
    private const int MinSharedStart = 3;

    /// <summary>The known key <paramref name="unknown"/> was probably meant to be, or null when none is plausible.</summary>
    public static string? Nearest(string unknown, IReadOnlyList<string> known)
    {
        var typed = Normalize(unknown);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var key in known)
        {
            var candidate = Normalize(key);
            var distance = EditDistance(typed, candidate);
            var plausible = distance <= Math.Max(1, candidate.Length / 3) || HasEnding(typed, candidate);
            if (plausible && distance < bestDistance)
            {
                best = key;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static string Normalize(string key) => key.Trim().ToLowerInvariant().Replace('_', '-');

    /// <summary>Whether <paramref name="typed"/> is <paramref name="known"/> (or it without its last letter) with a short ending.</summary>
    private static bool HasEnding(string typed, string known)
    {
        var shared = 0;
        while (shared < typed.Length && shared < known.Length && typed[shared] == known[shared])
        {
            shared++;
        }

        return shared >= MinSharedStart && shared >= known.Length - 1 && typed.Length - shared <= MaxEnding;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }
}
