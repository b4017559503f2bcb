using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>The emitter's input: the model and the file name it came from.</summary>
internal sealed record EmitInput(string FilePath, SpecModel Model);
