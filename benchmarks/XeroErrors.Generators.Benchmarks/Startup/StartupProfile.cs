using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using XeroErrors.Generators.Benchmarks.Infrastructure;
using XeroErrors.Generators.Consumer;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Spec;

namespace XeroErrors.Generators.Benchmarks.Startup;

/// <summary>
/// Where the generator's first run in a fresh process spends its time (<c>-- startup</c>): each run is a new process
/// that times the stages of one generator run in the order the compiler reaches them, every stage cold. The parent
/// prints the median of each stage over the runs. <see cref="GeneratorColdRunBenchmarks"/> times the whole run.
/// </summary>
internal static class StartupProfile
{
    private const string ChildArgument = "startup-child";

    /// <summary>The stages, in the order a child runs them; each is timed on its own, cold.</summary>
    private static readonly (string Name, string What)[] Stages =
    {
        ("driver", "Roslyn's generator driver, first use (an empty generator): paid by whichever generator runs first"),
        ("load", "loading XeroErrors.Generators and YamlDotNet, creating the generator"),
        ("capabilities", "CapabilitiesReader: the compilation's first type look-ups"),
        ("parse", "SpecParser: reading and checking the shipped spec"),
        ("emit", "Emitter: writing every file's text"),
        ("pipeline", "a full driver run with the stages above warm: the pipeline, AddSource and parsing the output"),
        ("warm", "the same full run again in the same process (steady state)"),
    };

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildArgument)
        {
            return RunChild();
        }

        var runs = (int)BenchmarkArguments.Option(args, "--runs", 15);
        var samples = Stages.ToDictionary(s => s.Name, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var (stage, ms) in RunChildProcess())
            {
                samples[stage].Add(ms);
            }
        }

        Console.WriteLine($"Medians over {runs} fresh processes (ms):");
        Console.WriteLine();
        Console.WriteLine("| Stage | Median | Min | Max | What |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (name, what) in Stages)
        {
            var values = samples[name];
            Console.WriteLine(FormattableString.Invariant($"| {name} | {BenchmarkArguments.Median(values):F1} | {values.Min():F1} | {values.Max():F1} | {what} |"));
        }

        return 0;
    }

    private static IEnumerable<(string Stage, double Ms)> RunChildProcess()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, $"{typeof(StartupProfile).Assembly.Location} startup {ChildArgument}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (!string.Equals(System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal))
        {
            // Started as the app host: the child is the same executable, without the assembly path.
            start.Arguments = "startup " + ChildArgument;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The startup child failed ({process.ExitCode}): {output}");
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=');
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"The startup child wrote '{line}', not 'stage=ms'.");
            }

            yield return (parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }

    private static int RunChild()
    {
        var compilation = GeneratorRunner.CreateCompilation();
        var spec = Specs.AdditionalText(Specs.Shipped);
        var text = spec.GetText();

        Time("driver", () => CSharpGeneratorDriver.Create(new GeneratorColdRunBenchmarks.EmptyGenerator()).RunGenerators(compilation));
        Time("load", () =>
        {
            Assembly.Load("YamlDotNet");
            return Assembly.Load("XeroErrors.Generators").CreateInstance(typeof(XeroErrorsGenerator).FullName!);
        });
        var capabilities = Time("capabilities", () => CapabilitiesReader.Read(compilation));
        var parsed = Time("parse", () => SpecParser.Parse(GeneratorRunner.SpecPath, text, default));
        Time("emit", () => Emitter.Emit(parsed.Model!, capabilities, GeneratorRunner.SpecPath));
        Time("pipeline", () => GeneratorRunner.RunAndValidate(spec, compilation, "the shipped spec"));
        Time("warm", () => GeneratorRunner.RunAndValidate(spec, compilation, "the shipped spec"));
        return 0;
    }

    private static T Time<T>(string stage, Func<T> action)
    {
        var start = Stopwatch.GetTimestamp();
        var result = action();
        var elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(FormattableString.Invariant($"{stage}={elapsed.TotalMilliseconds:F3}"));
        return result;
    }
}
