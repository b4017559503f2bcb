namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
#if XEROERRORS_XML
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Text;
    using System.Xml;
#endif

    /// <summary>An XML body as a tree of its elements; without System.Xml in the compilation, no body reads as XML.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal static class XmlBodyParser
    {
        /// <summary>
        /// An XML document as a tree of its root element; null for anything else, for invalid or truncated XML and for
        /// XML deeper than <see cref="BodyLimits.MaxDepth"/>. DTDs are refused and nothing is resolved, so entity bombs and
        /// external entities read as nothing. Prefixes are kept out of names (<c>xsi:type</c> needs no declaration).
        /// </summary>
        public static BodyNode Parse(string text)
        {
#if XEROERRORS_XML
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] != '<')
            {
                return null;
            }

            try
            {
                using (var reader = new XmlTextReader(new StringReader(trimmed)))
                {
                    reader.Namespaces = false;
                    reader.DtdProcessing = DtdProcessing.Prohibit;
                    reader.XmlResolver = null;
                    var stack = new List<BodyNode>();
                    var texts = new List<StringBuilder>();
                    BodyNode root = null;
                    var budget = BodyLimits.MaxNodes;
                    while (reader.Read())
                    {
                        switch (reader.NodeType)
                        {
                            case XmlNodeType.Element:
                                if (stack.Count >= BodyLimits.MaxDepth || --budget <= 0)
                                {
                                    return null;
                                }

                                var name = reader.Name;
                                var element = new BodyNode(name.Substring(name.IndexOf(':') + 1), BodyNodeKind.Element, null);
                                if (stack.Count == 0)
                                {
                                    root = element;
                                }
                                else
                                {
                                    stack[stack.Count - 1].Children.Add(element);
                                }

                                if (reader.IsEmptyElement)
                                {
                                    element.Kind = BodyNodeKind.Scalar;
                                    element.Scalar = string.Empty;
                                }
                                else
                                {
                                    stack.Add(element);
                                    texts.Add(new StringBuilder());
                                }

                                break;
                            case XmlNodeType.Text:
                            case XmlNodeType.CDATA:
                                if (texts.Count > 0 && texts[texts.Count - 1].Length < BodyLimits.MaxNodes)
                                {
                                    texts[texts.Count - 1].Append(reader.Value);
                                }

                                break;
                            case XmlNodeType.EndElement:
                                var done = stack[stack.Count - 1];
                                if (done.Children.Count == 0)
                                {
                                    done.Kind = BodyNodeKind.Scalar;
                                    done.Scalar = texts[texts.Count - 1].ToString().Trim();
                                }

                                stack.RemoveAt(stack.Count - 1);
                                texts.RemoveAt(texts.Count - 1);
                                break;
                        }
                    }

                    return root;
                }
            }
            catch (XmlException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
#else
            return null;
#endif
        }
    }
}
