namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits <c>{Classifier}.Refit</c>, generated only where Refit is referenced: the conversion of Refit's own
/// <c>ApiException</c>, for users who keep Refit's exception factory (and so <c>IApiResponse&lt;T&gt;.Error</c>).
/// </summary>
internal static class RefitEmitter
{
    public static string Emit(EmitContext context)
    {
        return ClassifierPart.Write(context, $$"""
            /// <summary>
            /// The typed exception for a Refit <c>ApiException</c>, read from its status, content and headers, with Refit's
            /// exception as <see cref="global::System.Exception.InnerException"/>.
            /// </summary>
            /// <remarks>
            /// For <c>IApiResponse&lt;T&gt;</c> users, who keep Refit's default exception factory (with a custom one Refit leaves
            /// <c>Error</c> null): <c>Error</c> is an <c>ApiException</c> whenever a response arrived. Refit keeps the body
            /// only up to its <c>MaxExceptionContentLength</c>. A status the spec does not call an error still gives an
            /// exception, of the kind the status has.
            /// </remarks>
            /// <param name="exception">Refit's exception.</param>
            /// <returns>The exception; it is not thrown.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="exception"/> is null.</exception>
            public static {{context.ExceptionType}} CreateException(global::Refit.ApiException exception)
            {
                if (exception == null)
                {
                    throw new global::System.ArgumentNullException(nameof(exception));
                }

                var headers = exception.Headers == null
                    ? default({{context.HeadersType}})
                    : exception.ContentHeaders == null
                        ? {{context.HeadersType}}.FromHttpHeaders(exception.Headers)
                        : {{context.HeadersType}}.FromHttpHeaders(global::System.Linq.Enumerable.Concat(exception.Headers, exception.ContentHeaders));
                var body = exception.Content;
                return CreateException(Classify((int)exception.StatusCode, body, headers), body, exception);
            }
            """);
    }
}
