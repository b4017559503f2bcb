namespace XeroErrors.Generators.Model;

/// <summary>A value of an <see cref="HeaderType.Enum"/> header.</summary>
/// <param name="Value">The value as the server sends it.</param>
/// <param name="Member">The enum member it maps to.</param>
/// <param name="Description">The spec's words for it, for the member's docs.</param>
/// <param name="Transient">False when a response carrying this value must not be retried.</param>
/// <param name="Message">What the exception message says after the summary when a response carries this value, such as "minute limit"; null for nothing.</param>
internal sealed record HeaderValueModel(string Value, string Member, string? Description, bool? Transient, string? Message = null);
