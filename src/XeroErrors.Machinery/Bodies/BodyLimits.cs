namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>What reading one body may cost: a hostile body stays cheap.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class BodyLimits
    {
        /// <summary>The most items read into one list (validation errors, messages, map entries).</summary>
        public const int MaxItems = 1000;

        /// <summary>Deeper JSON or XML is no error body; refusing it keeps a hostile body cheap.</summary>
        public const int MaxDepth = 64;

        /// <summary>The most nodes one body is parsed into.</summary>
        public const int MaxNodes = 100000;

        /// <summary>
        /// How long a spec's <c>pattern:</c> may take on one value before it counts as no match. It bounds a
        /// pattern that backtracks badly on a hostile body; it is generous because the clock runs while a busy
        /// machine runs other threads, and a tight bound would turn a good match into none under load.
        /// </summary>
        public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);
    }
}
