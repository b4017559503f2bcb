namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;

    /// <summary>
    /// The version of XeroErrors.Generators that added the machinery, which its <c>GeneratedCode</c> attributes name.
    /// Not embedded: the generator writes this class with its own version into each consumer.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", Value)]
    internal static class GeneratorVersion
    {
        public const string Value = "source";
    }
}
