namespace XeroErrors.Generators.Model;

/// <summary>The C# type a header becomes.</summary>
internal enum HeaderType
{
    /// <summary><c>string?</c>, the first value as sent.</summary>
    String,

    /// <summary><c>int?</c>; null when absent or not an integer.</summary>
    Int,

    /// <summary><c>TimeSpan?</c> from delta-seconds or an HTTP date; feeds <c>RetryAfter</c>.</summary>
    Delay,

    /// <summary>A generated enum of the listed values, plus the raw text.</summary>
    Enum,
}
