namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}RetryStrategy</c>: Polly v8 retry settings that honour what the response said.</summary>
internal static class PollyEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        var hasHttp = context.Capabilities.HasHttp;
        DocComment.Text(
            writer,
            $"Polly v8 retry settings for the {context.ApiName}: retry transient kinds only, wait what the response said, and give up when that wait is longer than a maximum.",
            (hasHttp
                ? "Works with responses (a pipeline without the error handler) and with the handler's exceptions. With Microsoft.Extensions.Http.Resilience: builder.AddResilienceHandler(\"xero\", b => b.AddRetry(" + context.RetryType + ".Configure(new HttpRetryStrategyOptions(), TimeSpan.FromMinutes(10))));"
                + (context.Capabilities.HasHttpResilience ? " With its standard handler: builder.AddStandardResilienceHandler(o => " + context.RetryType + ".Configure(o, TimeSpan.FromMinutes(1))); then builder.AddHttpMessageHandler<" + context.HandlerType + ">()." : string.Empty)
                + " "
                : string.Empty)
            + "Around a call that throws the typed exceptions (Xero's SDK with its exception factory set): new ResiliencePipelineBuilder().AddRetry(" + context.RetryType + ".CreateExceptionOptions(TimeSpan.FromMinutes(1))).");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} static class {context.RetryType}");
        if (hasHttp)
        {
            writer.WriteLines(ResponseMembers(context));
            writer.WriteLine();
        }

        writer.WriteLines(ExceptionMembers(context));

        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>
    /// Options for a pipeline around any call that throws this API's exceptions: no HttpResponseMessage, so they exist
    /// wherever Polly does.
    /// </summary>
    private static string ExceptionMembers(EmitContext context)
    {
        var n = context.Nullable("global::System.Exception");
        var networkFailure = context.Capabilities.HasHttp
            ? "exception is global::System.Net.Http.HttpRequestException || "
            : string.Empty;
        return $$"""
            /// <summary>
            /// Creates retry options for a pipeline around a call that throws this API's typed exceptions, such as a call of
            /// Xero's SDK whose <c>ExceptionFactory</c> is <see cref="{{context.ClassifierType}}"/>'s: retry a transient kind whose
            /// advised wait is at most <paramref name="maxDelay"/>, after that wait; never a kind that is not transient.
            /// </summary>
            /// <remarks>
            /// The wait is what the response advised (Retry-After, else the spec's <c>retry.after</c>); without advice Polly's
            /// own backoff applies. Of the exceptions that are not this API's, {{(context.Capabilities.HasHttp ? "HttpRequestException (a network failure) and " : string.Empty)}}TimeoutRejectedException
            /// are retried and nothing else: never the SDK's own <c>ApiException</c>, which is what the SDK throws when it could not
            /// read a successful response, where a second POST would repeat a change that succeeded.
            /// </remarks>
            /// <param name="maxDelay">The longest wait worth retrying for; an exception that advises more (a daily rate limit) is not retried.</param>
            /// <param name="maxRetryAttempts">How many retries at most.</param>
            /// <returns>The options.</returns>
            public static global::Polly.Retry.RetryStrategyOptions CreateExceptionOptions(global::System.TimeSpan maxDelay, int maxRetryAttempts = 3)
            {
                return new global::Polly.Retry.RetryStrategyOptions
                {
                    MaxRetryAttempts = maxRetryAttempts,
                    ShouldHandle = args => new global::System.Threading.Tasks.ValueTask<bool>(ShouldRetryException(args.Outcome.Exception, maxDelay)),
                    DelayGenerator = args => new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>(AdvisedDelay(args.Outcome.Exception)),
                };
            }

            private static bool ShouldRetryException({{n}} exception, global::System.TimeSpan maxDelay)
            {
                if (exception == null)
                {
                    return false;
                }

                var typed = {{context.ExceptionType}}.Find(exception);
                if (typed == null)
                {
                    return {{networkFailure}}exception is global::Polly.Timeout.TimeoutRejectedException;
                }

                var wait = typed.RetryAfter;
                return typed.IsTransient && (!wait.HasValue || wait.Value <= maxDelay);
            }

            private static global::System.TimeSpan? AdvisedDelay({{n}} exception)
            {
                var typed = {{context.ExceptionType}}.Find(exception);
                return typed == null ? null : typed.RetryAfter;
            }
            """;
    }

    /// <summary>Options and predicates for HttpClient pipelines, where System.Net.Http is referenced.</summary>
    private static string ResponseMembers(EmitContext context)
    {
        // A call the rate-limit governor refused never reached the server: it says nothing about the server's health.
        var refusedLocally = Emitter.GovernsRateLimits(context.Spec, context.Capabilities)
            ? $"{context.RateLimitsType}.IsRefusedLocally(args.Outcome.Exception) ? new global::System.Threading.Tasks.ValueTask<bool>(false) : "
            : string.Empty;
        var notCounted = refusedLocally.Length == 0 ? string.Empty : "\n" + $"/// A call {CSharpText.Cref(context.RateLimitsType)} refused before sending it is not counted: the server never saw it.";
        return $$"""
            /// <summary>Creates retry options with <see cref="Configure{TOptions}"/> applied.</summary>
            /// <param name="maxDelay">The longest wait worth retrying for; a response that asks for more is not retried.</param>
            /// <param name="maxRetryAttempts">How many retries at most.</param>
            /// <returns>The options.</returns>
            public static global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage> CreateOptions(global::System.TimeSpan maxDelay, int maxRetryAttempts = 3)
            {
                var options = new global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage>
                {
                    MaxRetryAttempts = maxRetryAttempts,
                    // Of the outcomes that are neither a response nor this API's exception, only a network failure is retried.
                    ShouldHandle = args => new global::System.Threading.Tasks.ValueTask<bool>(args.Outcome.Exception is global::System.Net.Http.HttpRequestException),
                };
                return Configure(options, maxDelay);
            }

            /// <summary>
            /// Sets <c>ShouldHandle</c> and <c>DelayGenerator</c> of existing options (for example HttpRetryStrategyOptions): a response
            /// and this API's exceptions (found with <see cref="{{context.ExceptionType}}.Find"/>) are retried by their kind and after the
            /// wait they advised; every other outcome (HttpRequestException, TimeoutRejectedException, …) is left to the
            /// predicate and delay the options had.
            /// </summary>
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

                var otherwise = options.ShouldHandle;
                var otherwiseDelay = options.DelayGenerator;
                options.ShouldHandle = args => IsDecidedByKind(args.Outcome)
                    ? ShouldRetryAsync(args.Outcome, maxDelay, args.Context.CancellationToken)
                    : otherwise != null ? otherwise(args) : new global::System.Threading.Tasks.ValueTask<bool>(false);
                options.DelayGenerator = args => IsDecidedByKind(args.Outcome)
                    ? GetDelayAsync(args.Outcome, args.Context.CancellationToken)
                    : otherwiseDelay != null ? otherwiseDelay(args) : new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>((global::System.TimeSpan?)null);
                return options;
            }

            /// <summary>
            /// Sets <c>ShouldHandle</c> of circuit-breaker options so that they count this API's transient kinds as failures, whether
            /// they come as responses or as the error handler's exceptions; every other outcome is left to the predicate the options had.{{notCounted}}
            /// </summary>
            /// <typeparam name="TOptions">The options type.</typeparam>
            /// <param name="options">The options to configure.</param>
            /// <returns>The same options.</returns>
            public static TOptions ConfigureCircuitBreaker<TOptions>(TOptions options)
                where TOptions : global::Polly.CircuitBreaker.CircuitBreakerStrategyOptions<global::System.Net.Http.HttpResponseMessage>
            {
                if (options == null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                var otherwise = options.ShouldHandle;
                options.ShouldHandle = args => IsDecidedByKind(args.Outcome)
                    ? {{refusedLocally}}IsTransientAsync(args.Outcome, args.Context.CancellationToken)
                    : otherwise != null ? otherwise(args) : new global::System.Threading.Tasks.ValueTask<bool>(false);
                return options;
            }{{StandardOptions(context)}}

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
                if (outcome.Exception is global::System.Net.Http.HttpRequestException && {{context.ExceptionType}}.Find(outcome.Exception) == null)
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

            /// <summary>A response, or an exception that is (or wraps) this API's: what the kind decides.</summary>
            private static bool IsDecidedByKind(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome) =>
                outcome.Exception == null ? outcome.Result != null : {{context.ExceptionType}}.Find(outcome.Exception) != null;

            private static async global::System.Threading.Tasks.ValueTask<bool> IsTransientAsync(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome, global::System.Threading.CancellationToken cancellationToken)
            {
                var classification = await ClassifyAsync(outcome, cancellationToken).ConfigureAwait(false);
                return classification.HasValue && !classification.Value.IsSuccess && classification.Value.IsTransient;
            }

            private static async global::System.Threading.Tasks.Task<{{context.ClassificationType}}?> ClassifyAsync(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome, global::System.Threading.CancellationToken cancellationToken)
            {
                var exception = {{context.ExceptionType}}.Find(outcome.Exception);
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
            """;
    }

    /// <summary><c>Configure</c> for the standard resilience handler's options, where Microsoft.Extensions.Http.Resilience is referenced.</summary>
    private static string StandardOptions(EmitContext context)
    {
        if (!context.Capabilities.HasHttpResilience)
        {
            return string.Empty;
        }

        // Starts with the line break that ends the member before it, so that nothing is written without the package.
        return $$"""


            /// <summary>
            /// Configures the standard resilience handler's retry (<see cref="Configure{TOptions}"/>) and circuit breaker
            /// (<see cref="ConfigureCircuitBreaker{TOptions}"/>), for a client whose error handler is added after it:
            /// <c>builder.AddStandardResilienceHandler(o => {{context.RetryType}}.Configure(o, TimeSpan.FromMinutes(1)));</c> and then
            /// <c>builder.AddHttpMessageHandler&lt;{{context.HandlerType}}&gt;();</c> on the same <c>IHttpClientBuilder</c> (the first
            /// returns a pipeline builder, not the client builder).
            /// </summary>
            /// <remarks>
            /// Without it the handler's exceptions switch the standard retry off, since its predicate handles only responses,
            /// HttpRequestException and timeouts. Per-attempt timeouts are still retried. A wait longer than the options'
            /// total request timeout is not retried either: that timeout would end it in a TimeoutRejectedException, so the
            /// typed exception comes back at once instead. Raise <c>TotalRequestTimeout.Timeout</c> to wait longer.
            /// </remarks>
            /// <param name="options">The standard handler's options.</param>
            /// <param name="maxDelay">The longest wait worth retrying for, at most the options' total request timeout.</param>
            /// <returns>The same options.</returns>
            public static global::Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions Configure(global::Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions options, global::System.TimeSpan maxDelay)
            {
                if (options == null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                var total = options.TotalRequestTimeout.Timeout;
                Configure(options.Retry, total > global::System.TimeSpan.Zero && total < maxDelay ? total : maxDelay);
                ConfigureCircuitBreaker(options.CircuitBreaker);
                return options;
            }
            """;
    }
}
