namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>What one step of a body path does.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public enum PathStepKind
    {
        /// <summary><c>name</c>: the property, or every child element, of the name.</summary>
        Name,

        /// <summary><c>[]</c>: each item of an array, or each child element.</summary>
        Items,

        /// <summary><c>{}</c>: each property of an object, remembering its name.</summary>
        Properties,

        /// <summary><c>..name</c>: every node of the name at any depth, not looking inside the ones found.</summary>
        Descendants,
    }

    /// <summary>One step of a body path, as the spec's <c>path:</c> wrote it.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct PathStep
    {
        private PathStep(PathStepKind kind, string name)
        {
            Kind = kind;
            Name = name;
        }

        /// <summary><c>[]</c>.</summary>
        public static PathStep Items
        {
            get { return new PathStep(PathStepKind.Items, null); }
        }

        /// <summary><c>{}</c>.</summary>
        public static PathStep Properties
        {
            get { return new PathStep(PathStepKind.Properties, null); }
        }

        /// <summary>What the step does.</summary>
        public PathStepKind Kind { get; }

        /// <summary>The name a <see cref="PathStepKind.Name"/> or <see cref="PathStepKind.Descendants"/> step looks for.</summary>
        public string Name { get; }

        /// <summary><c>name</c>.</summary>
        public static PathStep Named(string name)
        {
            return new PathStep(PathStepKind.Name, name);
        }

        /// <summary><c>..name</c>.</summary>
        public static PathStep Below(string name)
        {
            return new PathStep(PathStepKind.Descendants, name);
        }
    }

    /// <summary>A node a path reached, with the key the last <c>{}</c> went through.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct PathHit
    {
        /// <summary>A hit on <paramref name="node"/>, reached through <paramref name="key"/>.</summary>
        public PathHit(BodyNode node, string key)
        {
            Node = node;
            Key = key;
        }

        /// <summary>The node the path reached.</summary>
        public BodyNode Node { get; }

        /// <summary>The key the last <c>{}</c> went through.</summary>
        public string Key { get; }
    }
}
