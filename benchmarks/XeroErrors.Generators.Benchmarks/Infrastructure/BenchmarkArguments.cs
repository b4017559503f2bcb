using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace XeroErrors.Generators.Benchmarks.Infrastructure;

/// <summary>What the benchmark's own commands (<c>load</c>, <c>startup</c>) share: reading <c>--name value</c> options and a median.</summary>
internal static class BenchmarkArguments
{
    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/> when the option is not given.</summary>
    public static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The comma-separated integers after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int[] OptionList(string[] args, string name, int[] fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : fallback;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
