namespace XeroErrors.Generators.Model;

/// <summary>Which exceptions have a field's property.</summary>
internal enum BodyFieldScope
{
    /// <summary>The exceptions of the entries whose <c>body:</c> lists the shape.</summary>
    Entry,

    /// <summary><c>{Prefix}ApiException</c>, so every kind has it, filled from whichever shape the body fits.</summary>
    Base,

    /// <summary>No property: read only to be quoted in the exception's message.</summary>
    Message,
}
