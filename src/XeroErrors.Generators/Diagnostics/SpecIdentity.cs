using XeroErrors.Generators.Emit;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Diagnostics;

/// <summary>
/// The types a spec generates, and what a referenced assembly's marker is compared with: two specs that would generate
/// the same type (ignoring case) collide, and so does a spec whose public types a referenced assembly holds already
/// (see <see cref="SpecConflicts"/>).
/// </summary>
/// <param name="FilePath">The spec's path.</param>
/// <param name="TypeNames">The full names of the types it generates.</param>
/// <param name="Namespace">The namespace of its types.</param>
/// <param name="Prefix">The prefix of its type names.</param>
/// <param name="IsPublic">Whether its types are public, and so visible to (and marked for) other assemblies.</param>
/// <param name="Fingerprint">What the spec says (<see cref="Spec.SpecFingerprint"/>).</param>
/// <param name="DeclaresRateLimits">Whether the spec declares rate limits, which one spec per project may keep.</param>
internal sealed record SpecIdentity(string FilePath, EquatableArray<string> TypeNames, string Namespace, string Prefix, bool IsPublic, string Fingerprint, bool DeclaresRateLimits = false)
{
    public static SpecIdentity Of(string filePath, SpecModel model) =>
        new(filePath, Emitter.TypeNames(model).ToEquatableArray(), model.Namespace, model.Prefix, model.IsPublic, model.Fingerprint, model.RateLimits is not null);
}
