using System.Globalization;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// Emits the rate-limit governor's public face for a spec that declares <c>rate_limits:</c>: <c>{Prefix}RateLimits</c>
/// (the shared state, over the machinery's <c>RateGovernor</c>), its options with the spec's numbers, the notices it
/// raises, and <c>{Prefix}RateLimitHandler</c> for HttpClient. The counting itself is machinery, the same for every spec.
/// </summary>
internal static class RateLimitsEmitter
{
    public static string EmitOptions(EmitContext context, RateLimitsModel limits)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(
            writer,
            $"What {CSharpText.Cref(context.RateLimitsType)} keeps to and how long a call may wait: the limits default to the spec's numbers.",
            CSharpText.XmlText("Set a lower number where the application's plan allows fewer calls than the spec says, or where other processes share the same organisations and application."));
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} sealed class {context.RateLimitOptionsType}");
        foreach (var limit in limits.Limits)
        {
            var what = limit.Kind == RateLimitKind.InProgress
                ? $"Calls that may be in progress at once{Per(limit, limits)}"
                : $"Calls allowed{Per(limit, limits)} in any {Seconds(limit.WindowSeconds)}";
            var says = $"The spec says {limit.Limit.ToString(CultureInfo.InvariantCulture)}.";
            DocComment.Text(writer, limit.Description is null ? $"{what}. {says}" : $"{limit.Description} {says}");
            writer.WriteLine($"public int {limit.Name} {{ get; set; }} = {CSharpText.Literal(limit.Limit)};");
            writer.WriteLine();
        }

        writer.WriteLines($$"""
            /// <summary>The clock that windows, holds and waits run on: the system's by default; a fake one in tests.</summary>
            public global::System.TimeProvider TimeProvider { get; set; } = global::System.TimeProvider.System;

            /// <summary>
            /// The longest a call waits for its place among the calls in progress, a window or a hold before it fails with the typed exception instead; null (the
            /// default) waits as long as a limit that waits needs, so that a burst is delayed into the next window rather than refused.
            /// </summary>
            /// <remarks>Behind a timeout (a resilience handler's attempt timeout), set it shorter than that timeout: a wait the timeout ends counts as a failure of the server.</remarks>
            public global::System.TimeSpan? MaxWait { get; set; }

            /// <summary>How many calls may wait at once, for a place among the calls in progress or for a window; beyond it a call fails at once. Unbounded by default.</summary>
            public int QueueLimit { get; set; } = int.MaxValue;

            /// <summary>
            /// How long after a window a call still counts, for the difference between this machine's clock and the server's;
            /// null (the default) for a twentieth of the window, at most a second. From zero to an hour.
            /// </summary>
            public global::System.TimeSpan? WindowMargin { get; set; }

            /// <summary>
            /// After the server said a limit that refuses (such as the day's) has no calls left, without saying for how long:
            /// how often one call is let through to test it, whose refusal then says how long to wait. Five minutes by default; at most a day.
            /// </summary>
            public global::System.TimeSpan ProbeInterval { get; set; } = global::System.TimeSpan.FromMinutes(5);
            """);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    public static string EmitEventArgs(EmitContext context)
    {
        var n = context.Nullable("string");
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(writer, $"A call that waits for a rate limit, or that a limit refuses without sending it: what {CSharpText.Cref(context.RateLimitsType + ".Waiting")} and {CSharpText.Cref(context.RateLimitsType + ".Refused")} tell.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} sealed class {context.RateLimitEventArgsType} : global::System.EventArgs");
        writer.WriteLines($$"""
            internal {{context.RateLimitEventArgsType}}({{n}} tenantId, {{n}} limit, global::System.TimeSpan? wait)
            {
                TenantId = tenantId;
                Limit = limit;
                Wait = wait;
            }

            /// <summary>The tenant of the call (the scope header's value), or null for a call without one.</summary>
            public {{n}} TenantId { get; }

            /// <summary>The name of the limit, as the options name it; null for a hold the server asked for without naming a limit.</summary>
            public {{n}} Limit { get; }

            /// <summary>
            /// For a wait, how long the call expects to wait (null while it waits for calls in progress to end); for a refusal,
            /// when a call could be made.
            /// </summary>
            public global::System.TimeSpan? Wait { get; }
            """);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    public static string EmitRateLimits(EmitContext context, RateLimitsModel limits)
    {
        var n = context.Nullable("string");
        var lease = "global::System.Threading.RateLimiting.RateLimitLease";
        var fromPairs = "<see cref=\"" + context.HeadersType + ".FromPairs(global::System.Collections.Generic.IEnumerable{global::System.Collections.Generic.KeyValuePair{string, string}})\"/>";
        var handlerRemark = context.Capabilities.HasHttp
            ? $"For clients whose HTTP pipeline cannot take {CSharpText.Cref(context.RateLimitHandlerType)}, such as Xero's own SDK."
            : "For any client: wrap each call in a lease, and report what came back.";
        var httpReport = !context.Capabilities.HasHttp ? string.Empty : $$"""
            /// <summary>Tells what came back for a call made with HttpClient outside <see cref="{{context.RateLimitHandlerType}}"/>: the response's status and headers.</summary>
            /// <param name="lease">The call's lease, from <see cref="AcquireAsync"/>.</param>
            /// <param name="response">The response; its body is not read.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="lease"/> or <paramref name="response"/> is null.</exception>
            /// <exception cref="global::System.ArgumentException">The lease was not acquired from this instance.</exception>
            public void Report({{lease}} lease, global::System.Net.Http.HttpResponseMessage response)
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                Report(lease, (int)response.StatusCode, {{context.ClassifierType}}.ReadHeaders(response));
            }


            """;
        var sdkReport = !context.Capabilities.HasXeroSdk ? string.Empty : $$"""
            /// <summary>Tells what came back for a call made with Xero's SDK: a <c>…WithHttpInfo</c> method's response, or what its exception factory was given.</summary>
            /// <param name="lease">The call's lease, from <see cref="AcquireAsync"/>.</param>
            /// <param name="response">The SDK's response, whose status and headers say what the server counted.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="lease"/> or <paramref name="response"/> is null.</exception>
            /// <exception cref="global::System.ArgumentException">The lease was not acquired from this instance.</exception>
            public void Report({{lease}} lease, global::Xero.NetStandard.OAuth2.Client.IApiResponse response)
            {
                if (response == null)
                {
                    throw new global::System.ArgumentNullException(nameof(response));
                }

                Report(lease, (int)response.StatusCode, {{context.HeadersType}}.FromPairs({{context.ClassifierType}}.SdkHeaderPairs(response.Headers)));
            }


            """;
        var refusedBy = $"the {CSharpText.Cref(context.ExceptionType)} the classifier gives a {CSharpText.Literal(limits.RefusedStatus)} (for the shipped spec a rate-limit exception)";
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(
            writer,
            CSharpText.XmlText($"Keeps an application's calls to the {context.ApiName} under the spec's rate limits, before the server has to refuse them. Thread-safe; make one per application (a singleton) and share it between every client and handler."),
            CSharpText.XmlText($"A call first takes its place among the calls in progress, then at send time one permit of each window limit of its tenant and of the application, waiting without blocking a thread until every one fits. Windows slide: a call counts from when it is sent until one window (and a margin) after its answer. After the answer the server's word wins where it is lower: a remaining count below this one's (another process shares the limit) lowers what is allowed, and a {limits.RefusedStatus.ToString(CultureInfo.InvariantCulture)} holds the limit it names for its {context.DelayHeader?.Name ?? "advised wait"}. A limit that refuses (such as a day) fails calls at once, without sending them, until it has room again."));
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} sealed class {context.RateLimitsType}");
        writer.WriteLines($$"""
            private const string RefusedLocallyKey = "XeroErrors.RefusedLocally";

            private readonly global::XeroErrors.Machinery.RateGovernor _governor;

            /// <summary>Keeps to the spec's numbers, on the system clock.</summary>
            public {{context.RateLimitsType}}()
                : this(new {{context.RateLimitOptionsType}}())
            {
            }

            /// <summary>Keeps to the numbers and waits the options give.</summary>
            /// <param name="options">The limits and waits; read once, here.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="options"/> is null.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException">A limit is below 1; MaxWait or QueueLimit is negative; ProbeInterval is not more than zero or is over a day; or WindowMargin is outside zero to an hour.</exception>
            /// <exception cref="global::System.ArgumentException">TimeProvider is null.</exception>
            public {{context.RateLimitsType}}({{context.RateLimitOptionsType}} options)
            {
                if (options == null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                var rules = new global::XeroErrors.Machinery.RateLimitRule[]
                {
            """);
        Shift(writer, 2);
        foreach (var limit in limits.Limits)
        {
            var window = limit.Kind == RateLimitKind.InProgress ? "global::System.TimeSpan.Zero" : $"global::System.TimeSpan.FromSeconds({CSharpText.Literal(limit.WindowSeconds)})";
            var problem = limit.Problem is null ? "null" : CSharpText.Literal(limit.Problem);
            writer.WriteLine($"new global::XeroErrors.Machinery.RateLimitRule({CSharpText.Literal(limit.Name)}, {Bool(limit.PerScope)}, {Bool(limit.Kind == RateLimitKind.InProgress)}, options.{limit.Name}, {window}, {problem}, {Bool(limit.Refuses)}),");
        }

        Shift(writer, -2);
        writer.WriteLines($$"""
                };
                _governor = new global::XeroErrors.Machinery.RateGovernor(rules, new global::XeroErrors.Machinery.RateLimitSettings
                {
                    TimeProvider = options.TimeProvider,
                    MaxWait = options.MaxWait,
                    QueueLimit = options.QueueLimit,
                    WindowMargin = options.WindowMargin,
                    ProbeInterval = options.ProbeInterval,
                    Notify = Raise,
                });
            }

            /// <summary>A call waits for a limit (raised once per call, when it starts waiting).</summary>
            public event global::System.EventHandler<{{context.RateLimitEventArgsType}}>{{(context.Capabilities.SupportsNullable ? "?" : string.Empty)}} Waiting;

            /// <summary>A call failed without being sent: a limit that refuses, a wait longer than the options allow, or a full queue.</summary>
            public event global::System.EventHandler<{{context.RateLimitEventArgsType}}>{{(context.Capabilities.SupportsNullable ? "?" : string.Empty)}} Refused;

            /// <summary>
            /// Waits, without blocking a thread, until a call for <paramref name="tenantId"/> fits every limit of its tenant and of
            /// the application, and takes its place and permits. Dispose the lease when the call is done, after telling
            /// <see cref="Report({{lease}}, int, {{context.HeadersType}})"/> what came back.
            /// </summary>
            /// <remarks>{{handlerRemark}}</remarks>
            /// <param name="tenantId">The value of the call's {{CSharpText.XmlText(limits.ScopeHeader?.Name ?? "scope")}} header; null for a call without one, which only the application's limits count.</param>
            /// <param name="cancellationToken">Cancels the wait, giving up the call's place in line.</param>
            /// <returns>The lease: the call's permission, held until it is disposed.</returns>
            /// <exception cref="{{context.ExceptionType}}">The call was refused without being sent: {{refusedBy}}; {{CSharpText.Cref(context.RateLimitsType + ".IsRefusedLocally")}} tells it from the server's.</exception>
            /// <exception cref="global::System.OperationCanceledException">The token was cancelled while the call waited.</exception>
            public async global::System.Threading.Tasks.ValueTask<{{lease}}> AcquireAsync({{n}} tenantId, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
            {
                try
                {
                    return await _governor.AcquireAsync(tenantId, cancellationToken).ConfigureAwait(false);
                }
                catch (global::XeroErrors.Machinery.RateLimitRefusedException refused)
                {
                    throw CreateRefusal(refused.Refusal);
                }
            }

            /// <summary>
            /// The calls of one tenant as a <see cref="global::System.Threading.RateLimiting.RateLimiter"/> over this shared state, for
            /// code built on that abstraction, such as Polly's rate limiter strategy: a refusal is a lease that was not acquired,
            /// with <see cref="global::System.Threading.RateLimiting.MetadataName.RetryAfter"/>, instead of an exception.
            /// </summary>
            /// <remarks>
            /// Each permit is one call (ask for 1). A lease disposed without a <see cref="Report({{lease}}, int, {{context.HeadersType}})"/>
            /// counts its call as answered when it was disposed. Its statistics are null: <see cref="GetRemaining"/> says what each limit allows.
            /// </remarks>
            /// <param name="tenantId">The tenant, or null for calls without one.</param>
            /// <returns>The rate limiter; disposing it disposes nothing of the shared state.</returns>
            public global::System.Threading.RateLimiting.RateLimiter ForTenant({{n}} tenantId) =>
                new global::XeroErrors.Machinery.GovernorRateLimiter(_governor, tenantId);

            /// <summary>Tells what came back for a call: the remaining counts its headers report, and whether the server refused it.</summary>
            /// <param name="lease">The call's lease, from <see cref="AcquireAsync"/>.</param>
            /// <param name="statusCode">The response's status code.</param>
            /// <param name="headers">The response's headers, read with <see cref="{{context.HeadersType}}.FromHttpHeaders"/> or {{fromPairs}}.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="lease"/> is null.</exception>
            /// <exception cref="global::System.ArgumentException">The lease was not acquired from this instance.</exception>
            public void Report({{lease}} lease, int statusCode, {{context.HeadersType}} headers)
            {
                _governor.Report(Governed(lease), statusCode == {{CSharpText.Literal(limits.RefusedStatus)}}, new int?[]
                {
            """);
        Shift(writer, 2);
        foreach (var limit in limits.Limits)
        {
            writer.WriteLine((limit.RemainingHeader is { } header ? "headers." + header.Property : "null") + ",");
        }

        Shift(writer, -2);
        writer.WriteLines($$"""
                }, headers.{{limits.ProblemHeader.Property}}Text, {{(context.DelayHeader is null ? "null" : "headers.RetryAfter")}});
            }

            /// <summary>Tells what came back for a call that ended in a typed exception (from the error handler or a client's glue).</summary>
            /// <param name="lease">The call's lease, from <see cref="AcquireAsync"/>.</param>
            /// <param name="exception">The exception the response became.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="lease"/> or <paramref name="exception"/> is null.</exception>
            /// <exception cref="global::System.ArgumentException">The lease was not acquired from this instance.</exception>
            public void Report({{lease}} lease, {{context.ExceptionType}} exception)
            {
                if (exception == null)
                {
                    throw new global::System.ArgumentNullException(nameof(exception));
                }

                if (IsRefusedLocally(exception))
                {
                    // Refused here, never sent: the server said nothing.
                    Governed(lease);
                    return;
                }

                Report(lease, exception.StatusCode, exception.Headers);
            }

            {{httpReport}}{{sdkReport}}/// <summary>How many more calls each limit allows now for <paramref name="tenantId"/>, by the limit's name: its tenant's limits and the application's.</summary>
            /// <param name="tenantId">The tenant, or null for the application's limits alone (a tenant's then show their whole allowance).</param>
            /// <returns>The remaining calls by limit name.</returns>
            public global::System.Collections.Generic.IReadOnlyDictionary<string, int> GetRemaining({{n}} tenantId)
            {
                var remaining = _governor.Remaining(tenantId);
                var byName = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
                for (var i = 0; i < remaining.Length; i++)
                {
                    byName[_governor.Rules[i].Name] = remaining[i];
                }

                return byName;
            }

            /// <summary>Whether an exception is a refusal of this governor, for a call that was never sent (a circuit breaker should not count it).</summary>
            /// <param name="exception">The exception, or null.</param>
            /// <returns>True for a refusal made here.</returns>
            public static bool IsRefusedLocally({{context.Nullable("global::System.Exception")}} exception) =>
                exception != null && exception.Data.Contains(RefusedLocallyKey);

            private global::XeroErrors.Machinery.GovernorLease Governed({{lease}} lease)
            {
                if (lease == null)
                {
                    throw new global::System.ArgumentNullException(nameof(lease));
                }

                var governed = lease as global::XeroErrors.Machinery.GovernorLease;
                if (governed == null || !governed.BelongsTo(_governor))
                {
                    throw new global::System.ArgumentException("The lease was not acquired from this instance's AcquireAsync.", nameof(lease));
                }

                return governed;
            }

            private void Raise(global::XeroErrors.Machinery.RateLimitNotice notice)
            {
                var handler = notice.Refused ? Refused : Waiting;
                if (handler != null)
                {
                    handler(this, new {{context.RateLimitEventArgsType}}(notice.TenantId, notice.Limit, notice.Wait));
                }
            }

            /// <summary>The exception the server would have given: its status, and the problem and wait headers for the limit.</summary>
            private static {{context.ExceptionType}} CreateRefusal(global::XeroErrors.Machinery.RateLimitRefusal refusal)
            {
                var headers = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                if (refusal.Problem != null)
                {
                    headers.Add(new global::System.Collections.Generic.KeyValuePair<string, string>({{CSharpText.Literal(limits.ProblemHeader.Name)}}, refusal.Problem));
                }

            """);
        Shift(writer, 1);
        if (context.DelayHeader is { } delay)
        {
            writer.WriteLine($"var seconds = (long)global::System.Math.Ceiling(refusal.RetryAfter.TotalSeconds);");
            writer.WriteLine($"headers.Add(new global::System.Collections.Generic.KeyValuePair<string, string>({CSharpText.Literal(delay.Name)}, seconds.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));");
        }

        Shift(writer, -1);
        var recordArgs = string.Concat(context.Spec.RequestHeaders.Select(h => limits.ScopeHeader is { } scope && string.Equals(scope.Name, h.Name, System.StringComparison.OrdinalIgnoreCase) ? ", refusal.TenantId" : ", null"));
        writer.WriteLines($$"""
                var classification = {{context.ClassifierType}}.Classify({{CSharpText.Literal(limits.RefusedStatus)}}, null, {{context.HeadersType}}.FromPairs(headers));
                var exception = {{context.ClassifierType}}.CreateException(classification, null);
                exception.RecordRequest(null, null{{recordArgs}});
                exception.RefuseLocally(refusal.Reason);
                exception.Data[RefusedLocallyKey] = true;
                return exception;
            }
            """);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    public static string EmitHandler(EmitContext context, RateLimitsModel limits)
    {
        var n = context.Nullable("string");
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Xml(
            writer,
            CSharpText.XmlText($"A DelegatingHandler that keeps HttpClient's calls to the {context.ApiName} under the rate limits of a shared ") + CSharpText.Cref(context.RateLimitsType) + ": each request waits for its permits before it is sent, and its response tells the governor what the server counted.",
            $"The state lives in the {CSharpText.Cref(context.RateLimitsType)} it is given, never in the handler, so handlers that IHttpClientFactory recreates keep one count. Put it after a resilience handler (each retry then goes back through it) and before {CSharpText.Cref(context.HandlerType)}. A call refused here was never sent: {CSharpText.Cref(context.RateLimitsType + ".IsRefusedLocally")} says so."
            + (limits.ScopeHeader is { } scope ? CSharpText.XmlText($" The tenant is the request's {scope.Name} header.") : string.Empty));
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} sealed class {context.RateLimitHandlerType} : global::System.Net.Http.DelegatingHandler");
        var tenant = limits.ScopeHeader is { } header
            ? $$"""
            {{n}} tenantId = null;
            global::System.Collections.Generic.IEnumerable<string>{{(context.Capabilities.SupportsNullable ? "?" : string.Empty)}} values;
            if (request.Headers.TryGetValues({{CSharpText.Literal(header.Name)}}, out values))
            {
                tenantId = global::System.Linq.Enumerable.FirstOrDefault(values);
            }
            """
            : $"{n} tenantId = null;";
        writer.WriteLines($$"""
            private readonly {{context.RateLimitsType}} _limits;

            /// <summary>Creates the handler for a pipeline that sets <see cref="global::System.Net.Http.DelegatingHandler.InnerHandler"/> (as IHttpClientFactory does).</summary>
            /// <param name="limits">The application's shared rate-limit state.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="limits"/> is null.</exception>
            public {{context.RateLimitHandlerType}}({{context.RateLimitsType}} limits)
            {
                _limits = limits ?? throw new global::System.ArgumentNullException(nameof(limits));
            }

            /// <summary>Creates the handler in front of <paramref name="innerHandler"/>.</summary>
            /// <param name="limits">The application's shared rate-limit state.</param>
            /// <param name="innerHandler">The handler that sends the request, for example an HttpClientHandler.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="limits"/> is null.</exception>
            public {{context.RateLimitHandlerType}}({{context.RateLimitsType}} limits, global::System.Net.Http.HttpMessageHandler innerHandler)
                : base(innerHandler)
            {
                _limits = limits ?? throw new global::System.ArgumentNullException(nameof(limits));
            }

            /// <summary>Waits for the call's permits, sends it, and tells the governor what came back.</summary>
            /// <param name="request">The request.</param>
            /// <param name="cancellationToken">Cancels the wait and the call.</param>
            /// <returns>The response.</returns>
            /// <exception cref="{{context.ExceptionType}}">The call was refused without being sent (see {{CSharpText.Cref(context.RateLimitsType + ".AcquireAsync")}}), or a handler after this one threw it for the response.</exception>
            protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
            {
                if (request == null)
                {
                    throw new global::System.ArgumentNullException(nameof(request));
                }

            """);
        Shift(writer, 1);
        writer.WriteLines(tenant);
        Shift(writer, -1);
        writer.WriteLines($$"""

                var lease = await _limits.AcquireAsync(tenantId, cancellationToken).ConfigureAwait(false);
                try
                {
                    global::System.Net.Http.HttpResponseMessage response;
                    try
                    {
                        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    }
                    catch ({{context.ExceptionType}} error)
                    {
                        _limits.Report(lease, error);
                        throw;
                    }

                    _limits.Report(lease, response);
                    return response;
                }
                finally
                {
                    lease.Dispose();
                }
            }
            """);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    private static string Per(RateLimitModel limit, RateLimitsModel limits) =>
        limit.PerScope ? $" per {limits.ScopeHeader?.Name ?? "tenant"}" : " for the whole application";

    private static string Seconds(int seconds) => seconds switch
    {
        86400 => "day",
        3600 => "hour",
        60 => "minute",
        1 => "second",
        _ => seconds % 86400 == 0 ? $"{seconds / 86400} days" : seconds % 3600 == 0 ? $"{seconds / 3600} hours" : seconds % 60 == 0 ? $"{seconds / 60} minutes" : $"{seconds} seconds",
    };

    private static void Shift(SourceWriter writer, int levels)
    {
        for (var i = 0; i < levels; i++)
        {
            writer.Indent();
        }

        for (var i = 0; i > levels; i--)
        {
            writer.Unindent();
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
