namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>Where one member of a record is within an item: a path below it, its key, its own text, or nowhere.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RecordMember
    {
        private readonly Source source;

        private readonly PathStep[] path;

        private RecordMember(Source source, PathStep[] path, bool required)
        {
            this.source = source;
            this.path = path;
            Required = required;
        }

        private enum Source
        {
            Absent,
            Path,
            Key,
            Scalar,
        }

        /// <summary>Whether an item without a value for the member is left out.</summary>
        public bool Required { get; }

        /// <summary>The first text a path below the item reaches.</summary>
        /// <param name="path">The path, from the item.</param>
        /// <param name="required">Whether the member is required.</param>
        /// <returns>The member.</returns>
        public static RecordMember At(PathStep[] path, bool required)
        {
            return new RecordMember(Source.Path, path, required);
        }

        /// <summary>The key the item is under (a <c>{}</c> step's property name).</summary>
        /// <param name="required">Whether the member is required.</param>
        /// <returns>The member.</returns>
        public static RecordMember Key(bool required)
        {
            return new RecordMember(Source.Key, null, required);
        }

        /// <summary>The item's own text.</summary>
        /// <param name="required">Whether the member is required.</param>
        /// <returns>The member.</returns>
        public static RecordMember Scalar(bool required)
        {
            return new RecordMember(Source.Scalar, null, required);
        }

        /// <summary>No value: the source does not say where the member is.</summary>
        /// <param name="required">Whether the member is required (then no item of the source is kept).</param>
        /// <returns>The member.</returns>
        public static RecordMember Absent(bool required)
        {
            return new RecordMember(Source.Absent, null, required);
        }

        /// <summary>The member's value in an item, or null.</summary>
        internal string Read(PathHit hit)
        {
            switch (source)
            {
                case Source.Path:
                    return BodyPaths.FirstText(hit.Node, null, path);
                case Source.Key:
                    return hit.Key;
                case Source.Scalar:
                    return hit.Node.Scalar;
                default:
                    return null;
            }
        }
    }
}
