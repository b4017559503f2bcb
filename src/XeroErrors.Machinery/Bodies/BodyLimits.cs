namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;

    /// <summary>What reading one body may cost: a hostile body stays cheap.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal static class BodyLimits
    {
        /// <summary>The most items read into one list (validation errors, messages, map entries).</summary>
        public const int MaxItems = 1000;

        /// <summary>Deeper JSON or XML is no error body; refusing it keeps a hostile body cheap.</summary>
        public const int MaxDepth = 64;

        /// <summary>The most nodes one body is parsed into.</summary>
        public const int MaxNodes = 100000;
    }
}
