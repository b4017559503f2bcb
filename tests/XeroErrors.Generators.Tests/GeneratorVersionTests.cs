using System.Reflection;
using Microsoft.CodeAnalysis;
using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Tests.Infrastructure;

namespace XeroErrors.Generators.Tests;

/// <summary>The version generated code names is the generator's own, taken from the build.</summary>
public class GeneratorVersionTests
{
    [Fact]
    public void TheStampedVersionIsTheAssemblysVersion()
    {
        var informational = typeof(XeroErrorsGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        // The SDK may append "+{commit}" to the informational version; the stamped one is $(Version) without it.
        Assert.Equal(ThisAssembly.Version, informational.Split('+')[0]);
    }

    [Fact]
    public void EveryGeneratedTypeNamesTheGeneratorAndItsVersion()
    {
        var run = GeneratorHarness.Run(ShippedSpec.Text);
        var generatedTrees = run.Sources.Select(s => s.SyntaxTree).ToHashSet();

        // A partial class split over files carries the attribute once, so this reads the types, not the files.
        var types = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null && t.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)))
            .ToList();

        Assert.NotEmpty(types);
        Assert.All(types, type =>
        {
            var stamp = Assert.Single(type.GetAttributes(), a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute");
            Assert.Equal(["XeroErrors.Generators", ThisAssembly.Version], stamp.ConstructorArguments.Select(a => (string?)a.Value));
        });
    }
}
