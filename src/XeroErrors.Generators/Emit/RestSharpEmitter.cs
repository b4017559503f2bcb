namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits <c>{Classifier}.RestSharp</c>, generated only where RestSharp is referenced: <c>Classify</c> and
/// <c>EnsureSuccess</c> for a <c>RestResponse</c>, reading its status, content, headers and content headers.
/// </summary>
internal static class RestSharpEmitter
{
    public static string Emit(EmitContext context)
    {
        var n = context.Nullable("string");
        return ClassifierPart.Write(context, $$"""
            /// <summary>Classifies a RestSharp response from its status, content, headers and content headers.</summary>
            /// <remarks>Never throws for a response: one that never arrived (status 0) is <see cref="{{context.KindType}}.Unknown"/>, as <c>Classify(0, …)</c> is.</remarks>
            /// <param name="response">The response.</param>
            /// <returns>The classification.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            public static {{context.ClassificationType}} Classify(global::RestSharp.RestResponse response)
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                return Classify((int)response.StatusCode, response.Content, {{context.HeadersType}}.FromPairs(HeaderPairs(response)));
            }

            /// <summary>
            /// Returns for a success (and 1xx, 3xx); throws the kind's exception for an error response, with RestSharp's
            /// <c>ErrorException</c> as its inner exception; rethrows RestSharp's own <c>ErrorException</c> for a request that
            /// got no response (status 0), instead of inventing an API error.
            /// </summary>
            /// <param name="response">The response.</param>
            /// <exception cref="{{context.ExceptionType}}">The status is an error.</exception>
            /// <exception cref="global::System.Net.Http.HttpRequestException">No response arrived and RestSharp recorded no exception.</exception>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            public static void EnsureSuccess(global::RestSharp.RestResponse response)
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                if ((int)response.StatusCode == 0)
                {
                    if (response.ErrorException != null)
                    {
                        global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(response.ErrorException).Throw();
                    }

                    throw new global::System.Net.Http.HttpRequestException("No response arrived (" + response.ResponseStatus + "): " + (response.ErrorMessage ?? "RestSharp gave no reason") + ".");
                }

                var classification = Classify(response);
                if (classification.IsError)
                {
                    throw CreateException(classification, response.Content, response.ErrorException);
                }
            }

            private static global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>> HeaderPairs(global::RestSharp.RestResponse response)
            {
                foreach (var headers in new[] { response.Headers, response.ContentHeaders })
                {
                    if (headers == null)
                    {
                        continue;
                    }

                    foreach (var header in headers)
                    {
                        // RestSharp's header values were objects before version 111 and are strings since.
                        {{n}} value = global::System.Convert.ToString(header.Value, global::System.Globalization.CultureInfo.InvariantCulture);
                        if (header.Name != null && value != null)
                        {
                            yield return new global::System.Collections.Generic.KeyValuePair<string, string>(header.Name, value);
                        }
                    }
                }
            }
            """);
    }
}
