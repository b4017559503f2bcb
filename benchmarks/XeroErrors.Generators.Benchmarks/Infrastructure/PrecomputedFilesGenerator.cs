using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using XeroErrors.Generators.Emit;

namespace XeroErrors.Generators.Benchmarks.Infrastructure;

/// <summary>
/// Adds files emitted beforehand, as <c>XeroErrorsGenerator</c> adds its own, and does nothing else: what the
/// driver itself costs for a given number of generated files.
/// </summary>
internal sealed class PrecomputedFilesGenerator : IIncrementalGenerator
{
    private readonly IReadOnlyList<GeneratedFile> _files;

    public PrecomputedFilesGenerator(IReadOnlyList<GeneratedFile> files) => _files = files;

    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(context.CompilationProvider, (spc, _) =>
        {
            foreach (var file in _files)
            {
                spc.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
            }
        });
}
