namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits <c>{Classifier}.XeroSdk</c>, generated only where Xero's own SDK (Xero.NetStandard.OAuth2) is referenced: a
/// method that fits the SDK's <c>ExceptionFactory</c> delegate, and the conversion of the SDK's <c>ApiException</c>.
/// </summary>
/// <remarks>
/// What it mirrors is the SDK's behaviour, not Xero's: the header names it reads are the two the SDK itself copies into
/// its exception, and the inner exception is built as the SDK's <c>Configuration.DefaultExceptionFactory</c> builds it,
/// without calling it (it throws on a response whose content is null). SDK types are written with <c>global::</c> so
/// that a namespace such as <c>Contoso.Xero</c> cannot capture them, and <c>ErrorContent</c> (typed <c>dynamic</c>) is
/// only ever converted to <c>object</c>, which needs no runtime binder (Microsoft.CSharp).
/// </remarks>
internal static class XeroSdkEmitter
{
    private const string Sdk = "global::Xero.NetStandard.OAuth2.Client";

    public static string Emit(EmitContext context)
    {
        var nObject = context.Nullable("object");
        var nString = context.Nullable("string");
        var nException = context.Nullable("global::System.Exception");
        var nTyped = context.Nullable(context.ExceptionType);
        var nHeaders = context.Nullable($"{Sdk}.Multimap<string, string>");
        var rateLimit = context.Capabilities.HasXeroSdkRateLimit;
        return ClassifierPart.Write(context, $$"""
            /// <summary>
            /// For the SDK's <c>ExceptionFactory</c>: the typed exception for an error response (status 400 or above), read from
            /// its status, body and headers, with the exception the SDK would have thrown as
            /// <see cref="global::System.Exception.InnerException"/>; null below 400, as the SDK's own factory.
            /// </summary>
            /// <remarks>
            /// <c>accountingApi.ExceptionFactory = {{context.ClassifierType}}.CreateException;</c> on each API object
            /// (AccountingApi, PayrollUkApi, AssetApi, ProjectApi, …). Header names are matched ignoring case and each value is
            /// read whole. It never throws for a response: a response without content or headers is classified as it is.
            /// A success the SDK cannot read never reaches a factory: the SDK throws its own <c>ApiException</c> (status 500,
            /// no <c>ErrorContent</c>) before asking, and that exception is not an error response from Xero.
            /// </remarks>
            /// <param name="methodName">The SDK method that made the call, for example "GetInvoices"; kept in the inner exception's message.</param>
            /// <param name="response">The SDK's response.</param>
            /// <returns>The typed exception for the SDK to throw, or null when the status is not an error.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="response"/> is null.</exception>
            public static {{nException}} CreateException(string methodName, {{Sdk}}.IApiResponse response)
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                var statusCode = (int)response.StatusCode;
                if (statusCode < 400)
                {
                    return null;
                }

                var content = response.Content;
                var body = SdkBodyText(content);
                var sdkHeaders = response.Headers;
                var classification = Classify(statusCode, body, {{context.HeadersType}}.FromPairs(SdkHeaderPairs(sdkHeaders)));
                return CreateException(classification, body, CreateSdkException(methodName, statusCode, content, body, sdkHeaders));
            }

            /// <summary>
            /// The typed exception for an <c>ApiException</c> the SDK threw for an error response, with the SDK's exception as
            /// <see cref="global::System.Exception.InnerException"/>; null when it is not one.
            /// </summary>
            /// <remarks>
            /// Read from <c>ErrorCode</c> and <c>ErrorContent</c>{{(rateLimit ? ", and Retry-After and X-Rate-Limit-Problem from <c>RetryAfter</c> (0 means absent) and <c>LimitType</c>" : string.Empty)}};
            /// the SDK keeps no other header, so prefer <see cref="CreateException(string, {{Sdk}}.IApiResponse)"/> as the
            /// API object's factory. Null when <c>ErrorCode</c> is below 400, or when <c>ErrorContent</c> is null: that is the
            /// SDK's own failure to read a successful response (status 500 by the SDK, not by Xero), and calling again could
            /// repeat a change that succeeded. An error response with an empty body has empty content and is converted.
            /// </remarks>
            /// <param name="exception">The SDK's exception.</param>
            /// <returns>The typed exception (not thrown), or null when the SDK's exception is not an error response.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="exception"/> is null.</exception>
            public static {{nTyped}} CreateException({{Sdk}}.ApiException exception)
            {
                if (exception == null)
                {
                    throw new global::System.ArgumentNullException(nameof(exception));
                }

                // ErrorContent is dynamic: taken as object (an identity conversion), never used dynamically.
                {{nObject}} content = exception.ErrorContent;
                if (exception.ErrorCode < 400 || content == null)
                {
                    return null;
                }

                var body = SdkBodyText(content);
                return CreateException(Classify(exception.ErrorCode, body, {{SdkExceptionHeaders(context)}}), body, exception);
            }{{SdkExceptionHeadersMethod(context)}}

            /// <summary>The body as text: the SDK's content for an error is the body as a string.</summary>
            private static {{nString}} SdkBodyText({{nObject}} content) =>
                content == null ? null : content as string ?? global::System.Convert.ToString(content, global::System.Globalization.CultureInfo.InvariantCulture);

            /// <summary>Every value of every header, each whole: an HTTP date in Retry-After holds a comma.</summary>
            internal static global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>> SdkHeaderPairs({{nHeaders}} headers)
            {
                if (headers == null)
                {
                    yield break;
                }

                foreach (var header in headers)
                {
                    if (header.Key == null || header.Value == null)
                    {
                        continue;
                    }

                    foreach (var value in header.Value)
                    {
                        if (value != null)
                        {
                            yield return new global::System.Collections.Generic.KeyValuePair<string, string>(header.Key, value);
                        }
                    }
                }
            }

            /// <summary>The first value of a header, its name matched ignoring case (the SDK's map compares names exactly).</summary>
            private static {{nString}} FirstSdkHeader({{nHeaders}} headers, string name)
            {
                foreach (var pair in SdkHeaderPairs(headers))
                {
                    if (string.Equals(pair.Key, name, global::System.StringComparison.OrdinalIgnoreCase))
                    {
                        return pair.Value;
                    }
                }

                return null;
            }

            /// <summary>
            /// The exception the SDK's DefaultExceptionFactory makes for an error status, with the same message (which names
            /// the method), built here because that factory throws on a response without content.
            /// </summary>
            private static {{Sdk}}.ApiException CreateSdkException(string methodName, int statusCode, {{nObject}} content, {{nString}} body, {{nHeaders}} headers)
            {
                var culture = global::System.Globalization.CultureInfo.InvariantCulture;
                if (statusCode == 429)
                {
                    var limitType = FirstSdkHeader(headers, "X-Rate-Limit-Problem");
                    var message = string.Format(culture, "Xero API {0} rate limit error calling {1}", limitType, methodName);
            {{SdkRateLimitException(rateLimit)}}
                }

                var format = statusCode == 400 ? "Xero API 400 error calling {0} :{1}" : "Xero API error calling {0}: {1}";
                return new {{Sdk}}.ApiException(statusCode, string.Format(culture, format, methodName, body), content);
            }
            """);
    }

    /// <summary>The headers an SDK exception still carries: only what its rate-limit members kept, where it has them.</summary>
    private static string SdkExceptionHeaders(EmitContext context) =>
        context.Capabilities.HasXeroSdkRateLimit ? "SdkExceptionHeaders(exception)" : $"default({context.HeadersType})";

    private static string SdkExceptionHeadersMethod(EmitContext context)
    {
        if (!context.Capabilities.HasXeroSdkRateLimit)
        {
            return string.Empty;
        }

        // Starts with the line break that ends the member before it, so that nothing is written for an older SDK.
        return $$"""


            /// <summary>Retry-After and X-Rate-Limit-Problem as the SDK kept them for a 429 (a RetryAfter of 0 is a missing header).</summary>
            private static {{context.HeadersType}} SdkExceptionHeaders({{Sdk}}.ApiException exception)
            {
                var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>(2);
                var retryAfter = exception.RetryAfter;
                if (retryAfter.HasValue && retryAfter.Value > 0)
                {
                    pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>("Retry-After", retryAfter.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
                }

                if (exception.LimitType != null)
                {
                    pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>("X-Rate-Limit-Problem", exception.LimitType));
                }

                return {{context.HeadersType}}.FromPairs(pairs);
            }
            """;
    }

    /// <summary>The 429 exception: with its rate-limit members where the SDK has them (3.22.1 and later).</summary>
    private static string SdkRateLimitException(bool rateLimit) => rateLimit
        ? $$"""
                  int retryAfter;
                  if (!int.TryParse(FirstSdkHeader(headers, "Retry-After"), global::System.Globalization.NumberStyles.Integer, culture, out retryAfter))
                  {
                      retryAfter = 0;
                  }

                  return new {{Sdk}}.ApiException(statusCode, message, content, retryAfter, limitType);
          """
        : $$"""
                  return new {{Sdk}}.ApiException(statusCode, message, content);
          """;
}
