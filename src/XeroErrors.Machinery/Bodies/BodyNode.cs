namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.Collections.Generic;

    /// <summary>What a <see cref="BodyNode"/> is.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal enum BodyNodeKind
    {
        Object,
        Array,
        Element,

        /// <summary>A JSON string, an XML element's text, a form value or a text body.</summary>
        Scalar,

        /// <summary>A JSON number or boolean: text for lists and numbers, not for a string field.</summary>
        Literal,
        Null,
    }

    /// <summary>A JSON value, an XML element, a form pair or the text of a body: what paths walk.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal sealed class BodyNode
    {
        public BodyNode(string name, BodyNodeKind kind, string scalar)
        {
            Name = name;
            Kind = kind;
            Scalar = scalar;
        }

        /// <summary>The property, element or form key; null for an array item.</summary>
        public string Name { get; }

        public BodyNodeKind Kind { get; set; }

        /// <summary>The text of a string, number or boolean, or of an element without child elements; null otherwise.</summary>
        public string Scalar { get; set; }

        public List<BodyNode> Children { get; } = new List<BodyNode>();
    }
}
