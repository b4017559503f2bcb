namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits <c>{Classifier}.Flurl</c>, generated only where Flurl.Http is referenced: an <c>OnError</c> handler that
/// throws the typed exception for an error response and leaves Flurl's own exception alone when none arrived.
/// </summary>
internal static class FlurlEmitter
{
    public static string Emit(EmitContext context)
    {
        return ClassifierPart.Write(context, $$"""
            /// <summary>
            /// For Flurl's <c>OnError</c>: throws the typed exception for a call that got an error response, with Flurl's
            /// exception as <see cref="global::System.Exception.InnerException"/>; returns for a call that got no response (a
            /// refused connection, a timeout) or a success, so Flurl's own exception is thrown as before.
            /// </summary>
            /// <remarks>
            /// <c>client.OnError({{context.ClassifierType}}.ThrowIfErrorAsync)</c> on a client, a request or
            /// <c>FlurlHttp.Clients.WithDefaults</c>. The body is read through the shared read, at most <see cref="MaxBodyBytes"/>.
            /// </remarks>
            /// <param name="call">The failed call.</param>
            /// <returns>A task that completes when the call got no error response.</returns>
            /// <exception cref="{{context.ExceptionType}}">The call got an error response.</exception>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="call"/> is null.</exception>
            public static async global::System.Threading.Tasks.Task ThrowIfErrorAsync(global::Flurl.Http.FlurlCall call)
            {
                if (call == null)
                {
                    throw new global::System.ArgumentNullException(nameof(call));
                }

                var response = call.HttpResponseMessage;
                if (response == null)
                {
                    return;
                }

                var error = await CreateErrorAsync(response, response.RequestMessage ?? call.HttpRequestMessage, sharedRead: true, call.Exception, default(global::System.Threading.CancellationToken)).ConfigureAwait(false);
                if (error != null)
                {
                    throw error;
                }
            }
            """);
    }
}
