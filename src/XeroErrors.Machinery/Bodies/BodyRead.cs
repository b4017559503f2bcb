namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;
#if XEROERRORS_REGEX
    using Pattern = System.Text.RegularExpressions.Regex;
#else
    using Pattern = System.Object;
#endif

    /// <summary>
    /// What a body shape reads into one slot of <see cref="BodyValues"/>: one of the spec's field types, from the paths
    /// the spec gives, first path first.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BodyRead
    {
        private readonly Func<BodyNode, object> read;

        private BodyRead(int slot, Func<BodyNode, object> read)
        {
            Slot = slot;
            this.read = read;
        }

        /// <summary>The slot of <see cref="BodyValues"/> the value goes to.</summary>
        public int Slot { get; }

        /// <summary>A <c>string</c> field: the first text a path reaches (with a pattern, its first match).</summary>
        /// <param name="slot">The field's slot.</param>
        /// <param name="pattern">The field's pattern, or null.</param>
        /// <param name="paths">The field's paths.</param>
        /// <returns>The read.</returns>
        public static BodyRead Text(int slot, Pattern pattern, params PathStep[][] paths)
        {
            return new BodyRead(slot, root => BodyPaths.FirstText(root, pattern, paths));
        }

        /// <summary>An <c>int</c> field: the first text a path reaches that is an integer.</summary>
        /// <param name="slot">The field's slot.</param>
        /// <param name="paths">The field's paths.</param>
        /// <returns>The read.</returns>
        public static BodyRead Int(int slot, params PathStep[][] paths)
        {
            return new BodyRead(slot, root => BodyPaths.FirstInt(root, paths));
        }

        /// <summary>A <c>bool</c> field: whether a path reaches a <c>true</c> (with a pattern, a text it matches).</summary>
        /// <param name="slot">The field's slot.</param>
        /// <param name="pattern">The field's pattern, or null.</param>
        /// <param name="paths">The field's paths.</param>
        /// <returns>The read.</returns>
        public static BodyRead Flag(int slot, Pattern pattern, params PathStep[][] paths)
        {
            return new BodyRead(slot, root => BodyPaths.AnyTrue(root, pattern, paths));
        }

        /// <summary>A <c>strings</c> field: every text the paths reach.</summary>
        /// <param name="slot">The field's slot.</param>
        /// <param name="paths">The field's paths.</param>
        /// <returns>The read.</returns>
        public static BodyRead Texts(int slot, params PathStep[][] paths)
        {
            return new BodyRead(slot, root => BodyPaths.AllTexts(root, paths));
        }

        /// <summary>A <c>map</c> field: an object's keys, each with its messages.</summary>
        /// <param name="slot">The field's slot.</param>
        /// <param name="paths">The field's paths.</param>
        /// <returns>The read.</returns>
        public static BodyRead Map(int slot, params PathStep[][] paths)
        {
            return new BodyRead(slot, root => BodyPaths.ReadMap(root, paths));
        }

        /// <summary>
        /// A list of records: one per item each source's path reaches, in order, at most <see cref="BodyLimits.MaxItems"/>;
        /// an item without one of the record's required members is left out.
        /// </summary>
        /// <typeparam name="TRecord">The spec's record type.</typeparam>
        /// <param name="slot">The field's slot.</param>
        /// <param name="create">Creates a record from its members' values, in the record's order.</param>
        /// <param name="sources">Where the items are, and where each member is within an item.</param>
        /// <returns>The read.</returns>
        public static BodyRead Records<TRecord>(int slot, Func<string[], TRecord> create, params RecordSource[] sources)
        {
            return new BodyRead(slot, root =>
            {
                var items = new List<TRecord>();
                foreach (var source in sources)
                {
                    source.Read(root, items, create);
                }

                return items.AsReadOnly();
            });
        }

        /// <summary>The value, boxed, for the slot.</summary>
        internal object Read(BodyNode root)
        {
            return read(root);
        }
    }
}
