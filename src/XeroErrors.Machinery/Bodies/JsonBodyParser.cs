namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
#if XEROERRORS_JSON
    using System;
    using System.Text.Json;
#endif

    /// <summary>
    /// A JSON body as a tree, read with System.Text.Json; without it in the compilation, no body reads as JSON (the
    /// generator says so with XERR103).
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal static class JsonBodyParser
    {
        /// <summary>A JSON object or array as a tree; null for anything else, for invalid or truncated JSON, and for JSON nested deeper than <see cref="BodyLimits.MaxDepth"/>.</summary>
        public static BodyNode Parse(string text)
        {
#if XEROERRORS_JSON
            var start = 0;
            while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
            {
                start++;
            }

            if (start == text.Length || (text[start] != '{' && text[start] != '['))
            {
                return null;
            }

            try
            {
                var options = new JsonDocumentOptions { MaxDepth = BodyLimits.MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
                using (var document = JsonDocument.Parse(text.Substring(start), options))
                {
                    var budget = BodyLimits.MaxNodes;
                    return Convert(null, document.RootElement, ref budget);
                }
            }
            catch (JsonException)
            {
                return null;
            }
            catch (ArgumentException)
            {
                return null;
            }
#else
            return null;
#endif
        }

#if XEROERRORS_JSON
        private static BodyNode Convert(string name, JsonElement element, ref int budget)
        {
            budget--;
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new BodyNode(name, BodyNodeKind.Object, null);
                    foreach (var property in element.EnumerateObject())
                    {
                        if (budget <= 0)
                        {
                            break;
                        }

                        obj.Children.Add(Convert(property.Name, property.Value, ref budget));
                    }

                    return obj;
                case JsonValueKind.Array:
                    var array = new BodyNode(name, BodyNodeKind.Array, null);
                    foreach (var item in element.EnumerateArray())
                    {
                        if (budget <= 0)
                        {
                            break;
                        }

                        array.Children.Add(Convert(null, item, ref budget));
                    }

                    return array;
                case JsonValueKind.String:
                    return new BodyNode(name, BodyNodeKind.Scalar, element.GetString());
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return new BodyNode(name, BodyNodeKind.Literal, element.GetRawText());
                default:
                    return new BodyNode(name, BodyNodeKind.Null, null);
            }
        }
#endif
    }
}
