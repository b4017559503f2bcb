namespace XeroErrors.Generators.Model;

/// <summary>How a body of a shape is parsed.</summary>
internal enum BodyShapeFormat
{
    /// <summary>A JSON object or array (needs System.Text.Json).</summary>
    Json,

    /// <summary>An XML document, read with DTDs prohibited and nothing resolved.</summary>
    Xml,

    /// <summary>One line of plain text that is not markup.</summary>
    Text,

    /// <summary><c>application/x-www-form-urlencoded</c> pairs, such as OAuth 1.0a's <c>oauth_problem=...</c>.</summary>
    Form,
}
