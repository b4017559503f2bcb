using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>The types a spec generates; two specs that would generate the same type (ignoring case) collide (see <see cref="SpecConflicts"/>).</summary>
internal sealed record SpecIdentity(string FilePath, EquatableArray<string> TypeNames)
{
    public static SpecIdentity Of(string filePath, SpecModel model) => new(filePath, Emitter.TypeNames(model).ToEquatableArray());
}
