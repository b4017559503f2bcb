namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}RetryStrategy</c>: Polly v8 retry settings that honour what the response said.</summary>
internal static class PollyEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileHeader.Open(writer, context);
        FileHeader.Doc(
            writer,
            $"Polly v8 retry settings for the {context.ApiName}: retry transient kinds only, wait what the response said, and give up when that wait is longer than a maximum.",
            "Works with responses (a pipeline without the error handler) and with the handler's exceptions. With Microsoft.Extensions.Http.Resilience: builder.AddResilienceHandler(\"xero\", b => b.AddRetry(" + context.RetryType + ".Configure(new HttpRetryStrategyOptions(), TimeSpan.FromMinutes(10))));");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute);
        writer.WriteLine($"{context.Access} static class {context.RetryType}");
        writer.OpenBrace();
        writer.WriteLines($$"""
            /// <summary>Creates retry options with <see cref="Configure{TOptions}"/> applied.</summary>
            /// <param name="maxDelay">The longest wait worth retrying for; a response that asks for more is not retried.</param>
            /// <param name="maxRetryAttempts">How many retries at most.</param>
            /// <returns>The options.</returns>
            public static global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage> CreateOptions(global::System.TimeSpan maxDelay, int maxRetryAttempts = 3)
            {
                var options = new global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage> { MaxRetryAttempts = maxRetryAttempts };
                return Configure(options, maxDelay);
            }

            /// <summary>Sets <c>ShouldHandle</c> and <c>DelayGenerator</c> of existing options (for example HttpRetryStrategyOptions).</summary>
            /// <typeparam name="TOptions">The options type.</typeparam>
            /// <param name="options">The options to configure.</param>
            /// <param name="maxDelay">The longest wait worth retrying for; a response that asks for more (a daily rate limit) is not retried.</param>
            /// <returns>The same options.</returns>
            public static TOptions Configure<TOptions>(TOptions options, global::System.TimeSpan maxDelay)
                where TOptions : global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage>
            {
                if (options == null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                options.ShouldHandle = args => ShouldRetryAsync(args.Outcome, maxDelay, args.Context.CancellationToken);
                options.DelayGenerator = args => GetDelayAsync(args.Outcome, args.Context.CancellationToken);
                return options;
            }

            /// <summary>
            /// True for a transient kind whose advised wait is at most <paramref name="maxDelay"/>, and for a network failure
            /// (HttpRequestException); false for everything else, cancellation included.
            /// </summary>
            /// <param name="outcome">The attempt's outcome.</param>
            /// <param name="maxDelay">The longest wait worth retrying for.</param>
            /// <param name="cancellationToken">Cancels reading the body.</param>
            /// <returns>Whether to retry.</returns>
            public static async global::System.Threading.Tasks.ValueTask<bool> ShouldRetryAsync(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome, global::System.TimeSpan maxDelay, global::System.Threading.CancellationToken cancellationToken)
            {
                if (outcome.Exception is global::System.Net.Http.HttpRequestException)
                {
                    return true;
                }

                var classification = await ClassifyAsync(outcome, cancellationToken).ConfigureAwait(false);
                if (!classification.HasValue || classification.Value.IsSuccess || !classification.Value.IsTransient)
                {
                    return false;
                }

                var wait = classification.Value.RetryAfter;
                return !wait.HasValue || wait.Value <= maxDelay;
            }

            /// <summary>The advised wait (Retry-After, else the spec's <c>retry.after</c>); null lets Polly use its own backoff.</summary>
            /// <param name="outcome">The attempt's outcome.</param>
            /// <param name="cancellationToken">Cancels reading the body.</param>
            /// <returns>The delay, or null.</returns>
            public static async global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?> GetDelayAsync(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome, global::System.Threading.CancellationToken cancellationToken)
            {
                var classification = await ClassifyAsync(outcome, cancellationToken).ConfigureAwait(false);
                return classification.HasValue ? classification.Value.RetryAfter : null;
            }

            private static async global::System.Threading.Tasks.Task<{{context.ClassificationType}}?> ClassifyAsync(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome, global::System.Threading.CancellationToken cancellationToken)
            {
                var exception = outcome.Exception as {{context.ExceptionType}};
                if (exception != null)
                {
                    return exception.Classification;
                }

                var response = outcome.Result;
                if (response == null)
                {
                    return null;
                }

                var statusCode = (int)response.StatusCode;
                if (statusCode >= 200 && statusCode <= 299)
                {
                    return {{context.ClassifierType}}.Classify(statusCode, null, {{context.ClassifierType}}.ReadHeaders(response));
                }

                var headers = {{context.ClassifierType}}.ReadHeaders(response);
                if (!{{context.ClassifierType}}.NeedsBody(statusCode))
                {
                    return {{context.ClassifierType}}.Classify(statusCode, null, headers);
                }

                try
                {
                    // The shared read, with an unbuffered body put back whole, so a response that is not retried keeps its body.
                    var body = await {{context.ClassifierType}}.ReadBodyKeepingItAsync(response, cancellationToken).ConfigureAwait(false);
                    return {{context.ClassifierType}}.Classify(statusCode, body, headers);
                }
                catch (global::System.Exception)
                {
                    // Polly disposes a response it retries, and returns one it does not; a response whose classification
                    // throws (cancellation, or a response disposed before its body was read) would belong to nobody.
                    response.Dispose();
                    throw;
                }
            }
            """);
        writer.CloseBrace();
        FileHeader.Close(writer);
        return writer.ToString();
    }
}
