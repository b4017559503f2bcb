namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.Collections;
    using System.Collections.Generic;
    using System.Collections.ObjectModel;
    using System.ComponentModel;
    using System.Globalization;
    using System.Text;

    /// <summary>
    /// What was read from one body: a slot per property the spec's shapes read, numbered as the generated code numbers
    /// them. A slot no shape filled reads as the property's empty value (null, false or an empty list).
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BodyValues
    {
        /// <summary>Nothing read: a missing or empty body, or one that fits no shape.</summary>
        public static readonly BodyValues Empty = new BodyValues(new object[0]);

        /// <summary>How many items <see cref="Quote"/> lists before it says how many more there are.</summary>
        private const int QuotedItems = 3;

        private static readonly IReadOnlyList<string> NoTexts = new string[0];

        private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoMap =
            new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>());

        private readonly object[] slots;

        internal BodyValues(object[] slots)
        {
            this.slots = slots;
        }

        /// <summary>
        /// Reads a body with the first of the shapes that it fits, parsing it once for all of them; a missing or blank
        /// body, or one that fits none, reads as <see cref="Empty"/>. Never throws for what the body holds.
        /// </summary>
        /// <param name="body">The body, or null.</param>
        /// <param name="shapes">The shapes to try, in order.</param>
        /// <returns>The values.</returns>
        public static BodyValues Read(string body, BodyShape[] shapes)
        {
            if (body == null || body.Trim().Length == 0)
            {
                return Empty;
            }

            var parsed = new ParsedBody(body);
            foreach (var shape in shapes)
            {
                var values = shape.Read(parsed);
                if (values != null)
                {
                    return values;
                }
            }

            return Empty;
        }

        /// <summary>A <c>string</c> slot: null when nothing was read.</summary>
        /// <param name="slot">The slot.</param>
        /// <returns>The text, or null.</returns>
        public string Text(int slot)
        {
            return Get(slot) as string;
        }

        /// <summary>An <c>int</c> slot: null when nothing was read.</summary>
        /// <param name="slot">The slot.</param>
        /// <returns>The number, or null.</returns>
        public int? Int(int slot)
        {
            return Get(slot) as int?;
        }

        /// <summary>A <c>bool</c> slot: false when nothing was read.</summary>
        /// <param name="slot">The slot.</param>
        /// <returns>The flag.</returns>
        public bool Flag(int slot)
        {
            var value = Get(slot);
            return value is bool && (bool)value;
        }

        /// <summary>A <c>strings</c> slot: empty when nothing was read.</summary>
        /// <param name="slot">The slot.</param>
        /// <returns>The texts.</returns>
        public IReadOnlyList<string> Texts(int slot)
        {
            return Get(slot) as IReadOnlyList<string> ?? NoTexts;
        }

        /// <summary>A <c>map</c> slot: empty when nothing was read.</summary>
        /// <param name="slot">The slot.</param>
        /// <returns>The map.</returns>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Map(int slot)
        {
            return Get(slot) as IReadOnlyDictionary<string, IReadOnlyList<string>> ?? NoMap;
        }

        /// <summary>A slot of records: empty when nothing was read.</summary>
        /// <typeparam name="TRecord">The spec's record type.</typeparam>
        /// <param name="slot">The slot.</param>
        /// <returns>The records.</returns>
        public IReadOnlyList<TRecord> Records<TRecord>(int slot)
        {
            return Get(slot) as IReadOnlyList<TRecord> ?? EmptyList<TRecord>.Value;
        }

        /// <summary>Whether a slot has a value: a text that is not empty, a number, a true, a list or map with an item.</summary>
        /// <param name="slot">The slot.</param>
        /// <returns>True when it has one.</returns>
        public bool Has(int slot)
        {
            var value = Get(slot);
            var text = value as string;
            if (text != null)
            {
                return text.Length > 0;
            }

            if (value is bool)
            {
                return (bool)value;
            }

            var collection = value as ICollection;
            return collection != null ? collection.Count > 0 : value != null;
        }

        /// <summary>
        /// A slot as the exception message quotes it: a text as it is, a number in the invariant culture, a list's first few
        /// items and how many more there are, a map's keys each with its messages; null when it has no value.
        /// </summary>
        /// <param name="slot">The slot.</param>
        /// <returns>The text, or null.</returns>
        public string Quote(int slot)
        {
            if (!Has(slot))
            {
                return null;
            }

            var value = Get(slot);
            var map = value as IReadOnlyDictionary<string, IReadOnlyList<string>>;
            if (map != null)
            {
                var items = new List<string>();
                foreach (var pair in map)
                {
                    items.Add(pair.Key + ": " + string.Join(", ", pair.Value));
                }

                return List(items);
            }

            var list = value as IList;
            if (list != null)
            {
                return List(list);
            }

            return value is int ? ((int)value).ToString(CultureInfo.InvariantCulture) : value.ToString();
        }

        /// <summary>The parts that have text, joined with ": "; null when none has.</summary>
        /// <param name="parts">The parts, any of them null.</param>
        /// <returns>The text, or null.</returns>
        public static string Join(params string[] parts)
        {
            var builder = new StringBuilder();
            foreach (var part in parts)
            {
                if (!string.IsNullOrEmpty(part))
                {
                    builder.Append(builder.Length == 0 ? string.Empty : ": ").Append(part);
                }
            }

            return builder.Length == 0 ? null : builder.ToString();
        }

        private static string List(IList items)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < items.Count && i < QuotedItems; i++)
            {
                builder.Append(i == 0 ? string.Empty : "; ").Append(items[i]);
            }

            if (items.Count > QuotedItems)
            {
                builder.Append(" (and ").Append((items.Count - QuotedItems).ToString(CultureInfo.InvariantCulture)).Append(" more)");
            }

            return builder.ToString();
        }

        private object Get(int slot)
        {
            return slot >= 0 && slot < slots.Length ? slots[slot] : null;
        }

        private static class EmptyList<T>
        {
            public static readonly IReadOnlyList<T> Value = new T[0];
        }
    }
}
