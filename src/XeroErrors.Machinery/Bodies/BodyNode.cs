namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;

    /// <summary>What a <see cref="BodyNode"/> is.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public enum BodyNodeKind
    {
        /// <summary>A JSON object or a form: children by name.</summary>
        Object,
        /// <summary>A JSON array: children without names.</summary>
        Array,
        /// <summary>An XML element with child elements.</summary>
        Element,

        /// <summary>A JSON string, an XML element's text, a form value or a text body.</summary>
        Scalar,

        /// <summary>A JSON number or boolean: text for lists and numbers, not for a string field.</summary>
        Literal,
        /// <summary>A JSON <c>null</c>.</summary>
        Null,
    }

    /// <summary>A JSON value, an XML element, a form pair or the text of a body: what paths walk.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BodyNode
    {
        /// <summary>A node with the given name (null for an array item), kind and text.</summary>
        public BodyNode(string name, BodyNodeKind kind, string scalar)
        {
            Name = name;
            Kind = kind;
            Scalar = scalar;
        }

        /// <summary>The property, element or form key; null for an array item.</summary>
        public string Name { get; }

        /// <summary>What the node is.</summary>
        public BodyNodeKind Kind { get; set; }

        /// <summary>The text of a string, number or boolean, or of an element without child elements; null otherwise.</summary>
        public string Scalar { get; set; }

        /// <summary>The node's properties, items or child elements, in the body's order.</summary>
        public List<BodyNode> Children { get; } = new List<BodyNode>();
    }
}
