namespace XeroErrors.Generators.Model;

/// <summary>A value of an <see cref="HeaderType.Enum"/> header.</summary>
/// <param name="Transient">False when a response carrying this value must not be retried.</param>
internal sealed record HeaderValueModel(string Value, string Member, string? Description, bool? Transient);
