namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;

    /// <summary>Where a body's records are (a path that reaches each item) and where each member is within an item.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RecordSource
    {
        private readonly PathStep[] path;

        private readonly RecordMember[] members;

        /// <summary>Declares a source.</summary>
        /// <param name="path">The path that reaches each item.</param>
        /// <param name="members">Each of the record's members, in the record's order.</param>
        public RecordSource(PathStep[] path, params RecordMember[] members)
        {
            this.path = path;
            this.members = members ?? new RecordMember[0];
        }

        /// <summary>Adds the records of the items the path reaches, while the list holds fewer than <see cref="BodyLimits.MaxItems"/>.</summary>
        internal void Read<TRecord>(BodyNode root, List<TRecord> items, Func<string[], TRecord> create)
        {
            foreach (var hit in BodyPaths.Find(root, path))
            {
                if (items.Count >= BodyLimits.MaxItems)
                {
                    break;
                }

                var values = new string[members.Length];
                var complete = true;
                for (var i = 0; i < members.Length; i++)
                {
                    values[i] = members[i].Read(hit);
                    complete &= !members[i].Required || !string.IsNullOrEmpty(values[i]);
                }

                if (complete)
                {
                    items.Add(create(values));
                }
            }
        }
    }
}
