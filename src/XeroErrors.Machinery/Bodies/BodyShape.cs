namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>
    /// One of the spec's body shapes as data: the format, what a body must have to fit it, and what it reads into which
    /// slot of <see cref="BodyValues"/>. The generated code declares each shape once as a static field.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BodyShape
    {
        private readonly BodyFormat format;

        private readonly string root;

        private readonly PathStep[][] required;

        private readonly BodyRead[] reads;

        private readonly int slots;

        /// <summary>Declares a shape.</summary>
        /// <param name="format">What the body is read as.</param>
        /// <param name="root">The name the XML root element must have (ignoring case), or null.</param>
        /// <param name="required">The paths that must each reach something for the body to fit.</param>
        /// <param name="reads">What the shape reads.</param>
        public BodyShape(BodyFormat format, string root, PathStep[][] required, params BodyRead[] reads)
        {
            this.format = format;
            this.root = root;
            this.required = required ?? new PathStep[0][];
            this.reads = reads ?? new BodyRead[0];
            foreach (var read in this.reads)
            {
                slots = Math.Max(slots, read.Slot + 1);
            }
        }

        /// <summary>What the shape reads from the body, or null when the body does not fit it.</summary>
        /// <param name="parsed">The body, parsed once for every shape that looks at it.</param>
        /// <returns>The values, or null.</returns>
        public BodyValues Read(ParsedBody parsed)
        {
            var node = RootOf(parsed);
            if (node == null || (root != null && !string.Equals(node.Name, root, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            foreach (var path in required)
            {
                if (BodyPaths.Find(node, path).Count == 0)
                {
                    return null;
                }
            }

            var values = new object[slots];
            foreach (var read in reads)
            {
                values[read.Slot] = read.Read(node);
            }

            return new BodyValues(values);
        }

        private BodyNode RootOf(ParsedBody parsed)
        {
            switch (format)
            {
                case BodyFormat.Xml:
                    return parsed.Xml;
                case BodyFormat.Form:
                    return parsed.Form;
                case BodyFormat.Text:
                    return parsed.PlainText;
                default:
                    return parsed.Json;
            }
        }
    }
}
