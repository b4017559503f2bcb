namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>What a body shape reads a body as.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public enum BodyFormat
    {
        /// <summary>A JSON document.</summary>
        Json,

        /// <summary>An XML document.</summary>
        Xml,

        /// <summary>An <c>application/x-www-form-urlencoded</c> body.</summary>
        Form,

        /// <summary>Any text, as it came.</summary>
        Text,
    }
}
