namespace XeroErrors.Generators.Model;

/// <summary>The C# type of a field's property.</summary>
internal enum BodyFieldType
{
    /// <summary><c>string?</c>: the first value found.</summary>
    String,

    /// <summary><c>int?</c>: the first value found that is an integer.</summary>
    Int,

    /// <summary><c>bool</c>: a JSON true, or text that matches the pattern.</summary>
    Bool,

    /// <summary><c>IReadOnlyList&lt;string&gt;</c>: every value found.</summary>
    Strings,

    /// <summary><c>IReadOnlyDictionary&lt;string, IReadOnlyList&lt;string&gt;&gt;</c>: an object's keys and their messages.</summary>
    Map,

    /// <summary><c>IReadOnlyList&lt;{Prefix}{Record}&gt;</c>: one record per item found.</summary>
    Records,
}
