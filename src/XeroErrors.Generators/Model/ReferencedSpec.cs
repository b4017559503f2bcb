namespace XeroErrors.Generators.Model;

/// <summary>A referenced assembly that holds the public types generated from a spec, as its marker says.</summary>
/// <param name="Assembly">The assembly's name, for the diagnostics.</param>
/// <param name="Namespace">The namespace of its generated types.</param>
/// <param name="Prefix">The prefix of its generated type names.</param>
/// <param name="Fingerprint">What its spec says, as <see cref="Spec.SpecFingerprint"/> hashes it.</param>
internal sealed record ReferencedSpec(string Assembly, string Namespace, string Prefix, string Fingerprint);
