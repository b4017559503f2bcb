namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.Collections.ObjectModel;
    using System.ComponentModel;
    using System.Globalization;
#if XEROERRORS_REGEX
    using System.Text.RegularExpressions;
    using Pattern = System.Text.RegularExpressions.Regex;
#else
    using Pattern = System.Object;
#endif

    /// <summary>
    /// Walks body paths and reads what they reach as the spec's field types. Names match ignoring case; no walk
    /// collects more than <see cref="BodyLimits.MaxNodes"/> nodes and no list more than <see cref="BodyLimits.MaxItems"/>.
    /// </summary>
    /// <remarks>
    /// Each spec's <c>{Prefix}ResponseBodies</c> derives from this class, so its readers call these members by their
    /// names: no name a consumer's code declares can come between (a member is found before any type in scope).
    /// </remarks>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class BodyPaths
    {
        /// <summary>The most items read into one list.</summary>
        protected const int MaxItems = BodyLimits.MaxItems;

        /// <summary><c>[]</c>, for the path tables of the readers.</summary>
        protected static PathStep Items
        {
            get { return PathStep.Items; }
        }

        /// <summary><c>{}</c>, for the path tables of the readers.</summary>
        protected static PathStep Properties
        {
            get { return PathStep.Properties; }
        }

        /// <summary><c>name</c>, for the path tables of the readers.</summary>
        protected static PathStep Name(string name)
        {
            return PathStep.Named(name);
        }

        /// <summary><c>..name</c>, for the path tables of the readers.</summary>
        protected static PathStep Below(string name)
        {
            return PathStep.Below(name);
        }

        /// <summary>The nodes a path reaches from a node, in document order.</summary>
        public static List<PathHit> Find(BodyNode root, PathStep[] steps)
        {
            var current = new List<PathHit> { new PathHit(root, null) };
            foreach (var step in steps)
            {
                var next = new List<PathHit>();
                foreach (var hit in current)
                {
                    var node = hit.Node;
                    switch (step.Kind)
                    {
                        case PathStepKind.Name:
                            if (node.Kind == BodyNodeKind.Object || node.Kind == BodyNodeKind.Element)
                            {
                                foreach (var child in node.Children)
                                {
                                    if (string.Equals(child.Name, step.Name, StringComparison.OrdinalIgnoreCase))
                                    {
                                        next.Add(new PathHit(child, hit.Key));
                                    }
                                }
                            }

                            break;
                        case PathStepKind.Items:
                            if (node.Kind == BodyNodeKind.Array || node.Kind == BodyNodeKind.Element)
                            {
                                foreach (var child in node.Children)
                                {
                                    next.Add(new PathHit(child, hit.Key));
                                }
                            }

                            break;
                        case PathStepKind.Properties:
                            if (node.Kind == BodyNodeKind.Object || node.Kind == BodyNodeKind.Element)
                            {
                                foreach (var child in node.Children)
                                {
                                    next.Add(new PathHit(child, child.Name));
                                }
                            }

                            break;
                        default:
                            AddDescendants(node, step.Name, hit.Key, next);
                            break;
                    }

                    if (next.Count >= BodyLimits.MaxNodes)
                    {
                        break;
                    }
                }

                current = next;
            }

            return current;
        }

        /// <summary>The first string a path reaches (with a pattern: its first match), or null.</summary>
        public static string FirstText(BodyNode root, Pattern pattern, params PathStep[][] paths)
        {
            foreach (var text in Texts(root, paths, stringsOnly: true))
            {
                if (pattern == null)
                {
                    return text;
                }

                var match = Matches(pattern, text);
                if (match != null)
                {
                    return match;
                }
            }

            return null;
        }

        /// <summary>The first text a path reaches that is an integer, or null.</summary>
        public static int? FirstInt(BodyNode root, params PathStep[][] paths)
        {
            foreach (var text in Texts(root, paths))
            {
                int value;
                if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>Whether a path reaches a <c>true</c> (with a pattern: a text it matches).</summary>
        public static bool AnyTrue(BodyNode root, Pattern pattern, params PathStep[][] paths)
        {
            foreach (var text in Texts(root, paths))
            {
                if (pattern == null ? string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) : Matches(pattern, text) != null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every text the paths reach, in order.</summary>
        public static IReadOnlyList<string> AllTexts(BodyNode root, params PathStep[][] paths)
        {
            var texts = new List<string>();
            foreach (var text in Texts(root, paths))
            {
                if (texts.Count >= BodyLimits.MaxItems)
                {
                    break;
                }

                texts.Add(text);
            }

            return texts.AsReadOnly();
        }

        /// <summary>An object's keys, each with its messages: an array's texts, or one text kept rather than lost.</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadMap(BodyNode root, params PathStep[][] paths)
        {
            var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                foreach (var hit in Find(root, path))
                {
                    if (hit.Node.Kind != BodyNodeKind.Object && hit.Node.Kind != BodyNodeKind.Element)
                    {
                        continue;
                    }

                    foreach (var property in hit.Node.Children)
                    {
                        if (map.Count >= BodyLimits.MaxItems || property.Name == null)
                        {
                            break;
                        }

                        var messages = new List<string>();
                        IReadOnlyList<string> earlier;
                        if (map.TryGetValue(property.Name, out earlier))
                        {
                            messages.AddRange(earlier);
                        }

                        if (property.Scalar != null)
                        {
                            messages.Add(property.Scalar);
                        }
                        else
                        {
                            foreach (var item in property.Children)
                            {
                                if (messages.Count >= BodyLimits.MaxItems)
                                {
                                    break;
                                }

                                if (item.Scalar != null)
                                {
                                    messages.Add(item.Scalar);
                                }
                            }
                        }

                        map[property.Name] = messages.AsReadOnly();
                    }
                }
            }

            return new ReadOnlyDictionary<string, IReadOnlyList<string>>(map);
        }

        /// <summary>
        /// For <c>match.fields</c>: whether a JSON body has a value at the path (one of the given values, ignoring case,
        /// when any are given). <paramref name="quotedName"/> is the path's last name in quotes: the classifier asks this
        /// for every response of the status, and a body without it cannot have the field, so it is answered unparsed.
        /// </summary>
        public static bool HasField(string body, string quotedName, PathStep[] path, string[] values)
        {
            if (body == null || body.IndexOf(quotedName, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var root = new ParsedBody(body).Json;
            if (root == null)
            {
                return false;
            }

            foreach (var hit in Find(root, path))
            {
                var text = hit.Node.Scalar;
                if (text == null)
                {
                    continue;
                }

                if (values.Length == 0)
                {
                    return true;
                }

                foreach (var value in values)
                {
                    if (string.Equals(text.Trim(), value, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Every node of the name below <paramref name="node"/>, not looking inside the ones found.</summary>
        private static void AddDescendants(BodyNode node, string name, string key, List<PathHit> into)
        {
            foreach (var child in node.Children)
            {
                if (into.Count >= BodyLimits.MaxNodes)
                {
                    return;
                }

                if (string.Equals(child.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    into.Add(new PathHit(child, key));
                }
                else
                {
                    AddDescendants(child, name, key, into);
                }
            }
        }

        /// <summary>The texts a path reaches: scalars, and the scalar items of arrays it reaches; with <paramref name="stringsOnly"/>, no numbers or booleans.</summary>
        private static IEnumerable<string> Texts(BodyNode root, PathStep[][] paths, bool stringsOnly = false)
        {
            foreach (var path in paths)
            {
                foreach (var hit in Find(root, path))
                {
                    if (hit.Node.Scalar != null)
                    {
                        if (!stringsOnly || hit.Node.Kind == BodyNodeKind.Scalar)
                        {
                            yield return hit.Node.Scalar;
                        }
                    }
                    else if (hit.Node.Kind == BodyNodeKind.Array)
                    {
                        foreach (var item in hit.Node.Children)
                        {
                            if (item.Scalar != null && (!stringsOnly || item.Kind == BodyNodeKind.Scalar))
                            {
                                yield return item.Scalar;
                            }
                        }
                    }
                }
            }
        }

        /// <summary>The pattern's first group, else its whole match; null when it does not match (or takes too long).</summary>
        private static string Matches(Pattern pattern, string text)
        {
#if XEROERRORS_REGEX
            try
            {
                var match = pattern.Match(text);
                return !match.Success ? null : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
#else
            return null;
#endif
        }
    }
}
