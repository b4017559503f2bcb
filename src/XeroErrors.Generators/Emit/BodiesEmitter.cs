namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits the internal <c>{Prefix}ResponseBodies</c>: readers for the validation and problem JSON bodies.
/// Without System.Text.Json in the consumer's compilation the readers return empty results.
/// </summary>
internal static class BodiesEmitter
{
    public static string Emit(EmitContext context)
    {
        var n = context.Nullable("string");
        var writer = new SourceWriter();
        FileHeader.Open(writer, context);
        FileHeader.Doc(writer, "Reads the JSON bodies that error responses carry. Never throws: a body that is not the expected JSON gives empty results.");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute);
        writer.WriteLine($"internal static class {context.BodiesType}");
        writer.OpenBrace();
        writer.WriteLines($$"""
            private static readonly global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> EmptyModelState =
                new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>());

            /// <summary>The <c>{"message", "modelState"}</c> body of a validation error.</summary>
            internal sealed class ValidationBody
            {
                public static readonly ValidationBody Empty = new ValidationBody(null, EmptyModelState);

                public ValidationBody({{n}} message, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> modelState)
                {
                    Message = message;
                    ModelState = modelState;
                }

                public {{n}} Message { get; }

                public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> ModelState { get; }

                /// <summary>The message and every validation message, for the exception's message.</summary>
                public {{n}} Describe()
                {
                    var builder = new global::System.Text.StringBuilder();
                    if (!string.IsNullOrEmpty(Message))
                    {
                        builder.Append(Message);
                    }

                    var first = true;
                    foreach (var pair in ModelState)
                    {
                        builder.Append(first ? (builder.Length > 0 ? " " : string.Empty) : "; ");
                        builder.Append(pair.Key).Append(": ").Append(string.Join(", ", pair.Value));
                        first = false;
                    }

                    return builder.Length == 0 ? null : builder.ToString();
                }
            }

            /// <summary>The JSON problem body (<c>{"Type", "Title", "Status", "Detail"}</c>) of an authentication error.</summary>
            internal sealed class ProblemBody
            {
                public static readonly ProblemBody Empty = new ProblemBody(null, null, null);

                public ProblemBody({{n}} type, {{n}} title, {{n}} detail)
                {
                    Type = type;
                    Title = title;
                    Detail = detail;
                    DetailCode = CodeOf(detail);
                }

                public {{n}} Type { get; }

                public {{n}} Title { get; }

                public {{n}} Detail { get; }

                public {{n}} DetailCode { get; }

                /// <summary>"TokenExpired: token expired at ..." gives "TokenExpired": the word before a colon, or a detail that is one word.</summary>
                private static {{n}} CodeOf({{n}} detail)
                {
                    if (detail == null)
                    {
                        return null;
                    }

                    var trimmed = detail.Trim();
                    var end = trimmed.IndexOf(':');
                    var code = end >= 0 ? trimmed.Substring(0, end) : trimmed;
                    if (code.Length == 0)
                    {
                        return null;
                    }

                    foreach (var c in code)
                    {
                        if (!char.IsLetterOrDigit(c) && c != '_')
                        {
                            return null;
                        }
                    }

                    return code;
                }
            }
            """);
        writer.WriteLine();
        if (context.ParsesJson)
        {
            EmitJsonReaders(writer, context);
        }
        else
        {
            writer.WriteLines($$"""
                // System.Text.Json is not referenced by this project: bodies are kept as text only.
                public static ValidationBody ParseValidation({{n}} body) => ValidationBody.Empty;

                public static ProblemBody ParseProblem({{n}} body) => ProblemBody.Empty;
                """);
        }

        writer.CloseBrace();
        FileHeader.Close(writer);
        return writer.ToString();
    }

    private static void EmitJsonReaders(SourceWriter writer, EmitContext context)
    {
        var n = context.Nullable("string");
        writer.WriteLines($$"""
            /// <summary>Deeper JSON is no error body; refusing it keeps a hostile body cheap.</summary>
            private const int MaxDepth = 64;

            public static ValidationBody ParseValidation({{n}} body)
            {
                if (!LooksLikeJsonObject(body))
                {
                    return ValidationBody.Empty;
                }

                try
                {
                    using (var document = global::System.Text.Json.JsonDocument.Parse(body{{(context.Capabilities.SupportsNullable ? "!" : string.Empty)}}, Options()))
                    {
                        var root = document.RootElement;
                        if (root.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                        {
                            return ValidationBody.Empty;
                        }

                        string{{(context.Capabilities.SupportsNullable ? "?" : string.Empty)}} message = null;
                        var modelState = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(global::System.StringComparer.Ordinal);
                        foreach (var property in root.EnumerateObject())
                        {
                            if (string.Equals(property.Name, "message", global::System.StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == global::System.Text.Json.JsonValueKind.String)
                            {
                                message = message ?? property.Value.GetString();
                            }
                            else if (string.Equals(property.Name, "modelState", global::System.StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == global::System.Text.Json.JsonValueKind.Object)
                            {
                                ReadModelState(property.Value, modelState);
                            }
                        }

                        return modelState.Count == 0 && message == null
                            ? ValidationBody.Empty
                            : new ValidationBody(message, new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(modelState));
                    }
                }
                catch (global::System.Text.Json.JsonException)
                {
                    return ValidationBody.Empty;
                }
                catch (global::System.ArgumentException)
                {
                    return ValidationBody.Empty;
                }
            }

            public static ProblemBody ParseProblem({{n}} body)
            {
                if (!LooksLikeJsonObject(body))
                {
                    return ProblemBody.Empty;
                }

                try
                {
                    using (var document = global::System.Text.Json.JsonDocument.Parse(body{{(context.Capabilities.SupportsNullable ? "!" : string.Empty)}}, Options()))
                    {
                        var root = document.RootElement;
                        if (root.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                        {
                            return ProblemBody.Empty;
                        }

                        return new ProblemBody(Text(root, "Type"), Text(root, "Title"), Text(root, "Detail"));
                    }
                }
                catch (global::System.Text.Json.JsonException)
                {
                    return ProblemBody.Empty;
                }
                catch (global::System.ArgumentException)
                {
                    return ProblemBody.Empty;
                }
            }

            /// <summary>Values should be arrays of strings; a lone string, a number or an object is kept as one message rather than lost.</summary>
            private static void ReadModelState(global::System.Text.Json.JsonElement modelState, global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> into)
            {
                foreach (var property in modelState.EnumerateObject())
                {
                    var messages = new global::System.Collections.Generic.List<string>();
                    global::System.Collections.Generic.IReadOnlyList<string>{{(context.Capabilities.SupportsNullable ? "?" : string.Empty)}} earlier;
                    if (into.TryGetValue(property.Name, out earlier))
                    {
                        messages.AddRange(earlier);
                    }

                    if (property.Value.ValueKind == global::System.Text.Json.JsonValueKind.Array)
                    {
                        foreach (var item in property.Value.EnumerateArray())
                        {
                            AddMessage(item, messages);
                        }
                    }
                    else
                    {
                        AddMessage(property.Value, messages);
                    }

                    into[property.Name] = messages.AsReadOnly();
                }
            }

            private static void AddMessage(global::System.Text.Json.JsonElement value, global::System.Collections.Generic.List<string> messages)
            {
                switch (value.ValueKind)
                {
                    case global::System.Text.Json.JsonValueKind.String:
                        messages.Add(value.GetString() ?? string.Empty);
                        break;
                    case global::System.Text.Json.JsonValueKind.Null:
                    case global::System.Text.Json.JsonValueKind.Undefined:
                        break;
                    default:
                        messages.Add(value.GetRawText());
                        break;
                }
            }

            private static {{n}} Text(global::System.Text.Json.JsonElement root, string name)
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, global::System.StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value.ValueKind == global::System.Text.Json.JsonValueKind.String ? property.Value.GetString() : null;
                    }
                }

                return null;
            }

            private static global::System.Text.Json.JsonDocumentOptions Options() => new global::System.Text.Json.JsonDocumentOptions
            {
                MaxDepth = MaxDepth,
                AllowTrailingCommas = true,
                CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip,
            };

            private static bool LooksLikeJsonObject({{n}} body)
            {
                if (body == null)
                {
                    return false;
                }

                foreach (var c in body)
                {
                    if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                    {
                        return c == '{';
                    }
                }

                return false;
            }
            """);
    }
}
