namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;
    using System.Threading;
    using System.Threading.RateLimiting;
    using System.Threading.Tasks;

    /// <summary>
    /// Keeps an application's calls under the server's rate limits before the server has to refuse them: the shared,
    /// thread-safe state behind the generated <c>RateLimits</c> class. A call first takes its places among the calls in
    /// progress (waiting in line), then, at send time, one permit of each window limit of its tenant and of the
    /// application (waiting, without blocking a thread, until every one fits). After the answer, the server's word
    /// wins where it is lower: the remaining counts it reports, and the holds its refusals ask for.
    /// </summary>
    /// <remarks>
    /// Windows slide: the server does not say where its windows start, and a window the client fixed could let twice the
    /// limit into one of the server's. A call counts from when it is sent until one window, and a margin for the
    /// server's clock, after its answer came.
    /// </remarks>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RateGovernor
    {
        private readonly object _gate = new object();
        private readonly RateLimitRule[] _rules;
        private readonly RateLimitSettings _settings;
        private readonly TimeProvider _time;
        private readonly long _origin;
        private readonly RateScope _app;
        private readonly Dictionary<string, RateScope> _tenants = new Dictionary<string, RateScope>(StringComparer.OrdinalIgnoreCase);
        private readonly bool _hasScopedRules;
        private TaskCompletionSource<bool> _changed = NewSignal();
        private int _waiting;

        /// <summary>The most the options may set <c>ProbeInterval</c> to.</summary>
        private static readonly TimeSpan MostProbeInterval = TimeSpan.FromDays(1);

        /// <summary>The most the options may set <c>WindowMargin</c> to.</summary>
        private static readonly TimeSpan MostWindowMargin = TimeSpan.FromHours(1);

        /// <summary>A governor of <paramref name="rules"/>, configured by <paramref name="settings"/>.</summary>
        public RateGovernor(RateLimitRule[] rules, RateLimitSettings settings)
        {
            _rules = rules ?? throw new ArgumentNullException(nameof(rules));
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _time = settings.TimeProvider ?? throw new ArgumentException("The options need a TimeProvider (TimeProvider.System by default).", "options");
            if (settings.MaxWait.HasValue && settings.MaxWait.Value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException("options", settings.MaxWait, "MaxWait cannot be negative.");
            }

            if (settings.QueueLimit < 0)
            {
                throw new ArgumentOutOfRangeException("options", settings.QueueLimit, "QueueLimit cannot be negative.");
            }

            if (settings.ProbeInterval <= TimeSpan.Zero || settings.ProbeInterval > MostProbeInterval)
            {
                throw new ArgumentOutOfRangeException("options", settings.ProbeInterval, "ProbeInterval must be more than zero (a day said to be used up is tested again only after a while) and at most a day.");
            }

            if (settings.WindowMargin.HasValue && (settings.WindowMargin.Value < TimeSpan.Zero || settings.WindowMargin.Value > MostWindowMargin))
            {
                throw new ArgumentOutOfRangeException("options", settings.WindowMargin, "WindowMargin must be from zero to an hour.");
            }

            _origin = _time.GetTimestamp();
            _app = new RateScope(null, rules, settings.QueueLimit);
            foreach (var rule in rules)
            {
                _hasScopedRules |= rule.PerScope;
            }
        }

        /// <summary>The limits, in spec order.</summary>
        public IReadOnlyList<RateLimitRule> Rules => _rules;

        /// <summary>
        /// Waits until a call for <paramref name="tenantId"/> fits every limit, and takes its places and permits. A call that
        /// would wait longer than the options allow, or that a refusing limit (a day) stops, throws
        /// <see cref="RateLimitRefusedException"/> at once, having sent nothing.
        /// </summary>
        public async Task<GovernorLease> AcquireAsync(string tenantId, CancellationToken cancellationToken)
        {
            var tenant = ScopeOf(tenantId);
            var started = Now();
            RateLimitRefusal refused;
            lock (_gate)
            {
                refused = Refused(tenant, Now());
            }

            if (refused != null)
            {
                throw Refuse(refused);
            }

            var places = new List<RateLimitLease>();
            try
            {
                var told = await TakePlacesAsync(tenant, tenantId, started, places, cancellationToken).ConfigureAwait(false);
                await TakePermitsAsync(tenant, tenantId, started, told, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                foreach (var place in places)
                {
                    place.Dispose();
                }

                throw;
            }

            return new GovernorLease(this, tenant, _app, places);
        }

        /// <summary>
        /// A call for <paramref name="tenantId"/> if it fits now, without waiting: its places and permits taken; else null,
        /// with the refusal (a limit that refuses, or one the call would have to wait for) in <paramref name="refusal"/>.
        /// </summary>
        public GovernorLease TryAcquire(string tenantId, out RateLimitRefusal refusal)
        {
            var tenant = ScopeOf(tenantId);
            var places = new List<RateLimitLease>();
            refusal = null;
            foreach (var scope in new[] { tenant, _app })
            {
                for (var i = 0; scope != null && i < _rules.Length && refusal == null; i++)
                {
                    var limiter = scope.Places[i];
                    if (limiter == null)
                    {
                        continue;
                    }

                    var place = limiter.AttemptAcquire(1);
                    if (place.IsAcquired)
                    {
                        places.Add(place);
                    }
                    else
                    {
                        place.Dispose();
                        refusal = new RateLimitRefusal(tenantId, _rules[i], _rules[i].Problem, TimeSpan.Zero, $"the limit '{_rules[i].Name}' ({_rules[i].Limit} calls in progress) is reached");
                    }
                }
            }

            if (refusal == null)
            {
                lock (_gate)
                {
                    var now = Now();
                    TimeSpan? wait = TimeSpan.Zero;
                    RateLimitRule waitingFor = null;
                    refusal = Refused(tenant, now) ?? Fits(tenant, tenantId, now, out wait, out waitingFor);
                    if (refusal == null && wait == TimeSpan.Zero)
                    {
                        Take(tenant);
                        return new GovernorLease(this, tenant, _app, places);
                    }

                    if (refusal == null)
                    {
                        refusal = new RateLimitRefusal(tenantId, waitingFor, waitingFor?.Problem, wait ?? TimeSpan.Zero, $"the call would wait {Describe(wait)} for the limit '{waitingFor?.Name}'");
                    }
                }
            }

            foreach (var place in places)
            {
                place.Dispose();
            }

            Notify(new RateLimitNotice(tenantId, refusal.Rule?.Name, refusal.RetryAfter, true));
            return null;
        }

        /// <summary>
        /// Takes the server's word on a call's answer: the calls it says remain (per rule, null where the response did not
        /// say), and, for a refusal (<paramref name="refused"/>), the limit its problem header names and how long to wait.
        /// </summary>
        public void Report(GovernorLease lease, bool refused, int?[] remaining, string problem, TimeSpan? retryAfter)
        {
            if (lease == null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            if (!lease.BelongsTo(this))
            {
                throw new ArgumentException("The lease was not acquired from this instance.", nameof(lease));
            }

            lock (_gate)
            {
                var now = Now();
                Answer(lease, now);
                for (var i = 0; i < _rules.Length && remaining != null && i < remaining.Length; i++)
                {
                    var scope = _rules[i].PerScope ? lease.Tenant : lease.App;
                    var count = scope?.Windows[i];
                    if (count != null && remaining[i].HasValue)
                    {
                        // The last answer to arrive has the server's latest count (it counts at answer time), whichever
                        // call it answers: its word replaces the one before.
                        count.Forget(now);
                        count.Believe(Math.Max(0, remaining[i].Value), _rules[i].Limit, now + _rules[i].Window + _settings.MarginOf(_rules[i].Window));
                    }
                }

                if (refused)
                {
                    Hold(lease, problem, retryAfter, now);
                }
            }

            Signal();
        }

        /// <summary>Ends a call: its places go to the next in line, and its permits count from now if no answer was reported.</summary>
        public void Release(GovernorLease lease)
        {
            lock (_gate)
            {
                Answer(lease, Now());
            }

            Signal();
        }

        /// <summary>How many more calls each limit allows now for <paramref name="tenantId"/> (a tenant's limits and the application's), by rule.</summary>
        public int[] Remaining(string tenantId)
        {
            var tenant = ScopeOf(tenantId);
            var remaining = new int[_rules.Length];
            lock (_gate)
            {
                var now = Now();
                for (var i = 0; i < _rules.Length; i++)
                {
                    var scope = _rules[i].PerScope ? tenant : _app;
                    if (scope == null)
                    {
                        remaining[i] = _rules[i].Limit;
                    }
                    else if (scope.Places[i] != null)
                    {
                        remaining[i] = (int)Math.Min(int.MaxValue, scope.Places[i].GetStatistics()?.CurrentAvailablePermits ?? _rules[i].Limit);
                    }
                    else
                    {
                        scope.Windows[i].Forget(now);
                        remaining[i] = Math.Max(0, _rules[i].Limit - scope.Windows[i].Used);
                    }
                }
            }

            return remaining;
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Time since the governor was made, on its clock: a monotonic count that wall-clock changes do not move.</summary>
        private TimeSpan Now() => _time.GetElapsedTime(_origin);

        private RateScope ScopeOf(string tenantId)
        {
            if (tenantId == null || !_hasScopedRules)
            {
                return null;
            }

            lock (_gate)
            {
                RateScope scope;
                if (!_tenants.TryGetValue(tenantId, out scope))
                {
                    scope = new RateScope(tenantId, _rules, _settings.QueueLimit);
                    _tenants.Add(tenantId, scope);
                }

                return scope;
            }
        }

        /// <summary>
        /// Takes the call's places among the calls in progress of its tenant and of the application, waiting in line (no
        /// longer than the options' MaxWait); whether the call was told it waits.
        /// </summary>
        private async Task<bool> TakePlacesAsync(RateScope tenant, string tenantId, TimeSpan started, List<RateLimitLease> places, CancellationToken cancellationToken)
        {
            var told = false;
            foreach (var scope in new[] { tenant, _app })
            {
                for (var i = 0; scope != null && i < _rules.Length; i++)
                {
                    var limiter = scope.Places[i];
                    if (limiter == null)
                    {
                        continue;
                    }

                    var place = limiter.AttemptAcquire(1);
                    if (!place.IsAcquired)
                    {
                        place.Dispose();
                        if (!told)
                        {
                            told = true;
                            Notify(new RateLimitNotice(tenantId, _rules[i].Name, null, false));
                        }

                        place = await WaitForPlaceAsync(limiter, _rules[i], tenantId, started, cancellationToken).ConfigureAwait(false);
                    }

                    if (!place.IsAcquired)
                    {
                        place.Dispose();
                        throw Refuse(new RateLimitRefusal(tenantId, _rules[i], _rules[i].Problem, TimeSpan.Zero, $"{_settings.QueueLimit} calls already wait for the limit '{_rules[i].Name}' ({_rules[i].Limit} calls in progress)"));
                    }

                    places.Add(place);
                }
            }

            return told;
        }

        /// <summary>Waits in line for a place, for no longer than what is left of the options' MaxWait.</summary>
        private async Task<RateLimitLease> WaitForPlaceAsync(ConcurrencyLimiter limiter, RateLimitRule rule, string tenantId, TimeSpan started, CancellationToken cancellationToken)
        {
            var left = _settings.MaxWait.HasValue ? _settings.MaxWait.Value - (Now() - started) : TimeSpan.MaxValue;
            if (left > TimeSpan.FromDays(1))
            {
                // Unbounded, or bounded beyond any call's life: the line itself is the only wait.
                return await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            }

            using (var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (TimerWait.CancelAfter(_time, bound, left))
            {
                try
                {
                    return await limiter.AcquireAsync(1, bound.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Refuse(new RateLimitRefusal(tenantId, rule, rule.Problem, TimeSpan.Zero, $"the call waited {Describe(_settings.MaxWait)}, as long as the options allow, for one of the {rule.Limit} places of the limit '{rule.Name}'"));
                }
            }
        }

        private async Task TakePermitsAsync(RateScope tenant, string tenantId, TimeSpan started, bool told, CancellationToken cancellationToken)
        {
            var queued = false;
            try
            {
                while (true)
                {
                    Task wake = null;
                    TimeSpan? wait = null;
                    RateLimitRule waitingFor = null;
                    RateLimitRefusal refused;
                    lock (_gate)
                    {
                        var now = Now();
                        refused = Refused(tenant, now);
                        if (refused == null)
                        {
                            refused = Fits(tenant, tenantId, now, out wait, out waitingFor);
                        }

                        if (refused == null && wait == TimeSpan.Zero)
                        {
                            Take(tenant);
                            return;
                        }

                        var waited = now - started;
                        if (refused == null && _settings.MaxWait.HasValue && (!wait.HasValue || waited + wait.Value > _settings.MaxWait.Value))
                        {
                            if (!wait.HasValue && waited < _settings.MaxWait.Value)
                            {
                                // Only unanswered calls block it: wait for an answer, but no longer than the options allow.
                                wait = _settings.MaxWait.Value - waited;
                            }
                            else
                            {
                                refused = new RateLimitRefusal(tenantId, waitingFor, waitingFor?.Problem, wait ?? TimeSpan.Zero, $"the call would wait {Describe(wait)} for the limit '{waitingFor?.Name}', longer than the {Describe(_settings.MaxWait)} the options allow");
                            }
                        }

                        if (refused == null && !queued)
                        {
                            if (_waiting >= _settings.QueueLimit)
                            {
                                refused = new RateLimitRefusal(tenantId, waitingFor, waitingFor?.Problem, wait ?? TimeSpan.Zero, $"{_settings.QueueLimit} calls already wait for a permit");
                            }
                            else
                            {
                                _waiting++;
                                queued = true;
                            }
                        }

                        if (refused == null)
                        {
                            wake = _changed.Task;
                        }
                    }

                    if (refused != null)
                    {
                        throw Refuse(refused);
                    }

                    if (!told)
                    {
                        told = true;
                        Notify(new RateLimitNotice(tenantId, waitingFor?.Name, wait, false));
                    }

                    await TimerWait.UntilAsync(_time, wait, wake, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (queued)
                {
                    lock (_gate)
                    {
                        _waiting--;
                    }
                }
            }
        }

        /// <summary>A refusal the server asked for that still lasts, for the tenant or the application.</summary>
        private RateLimitRefusal Refused(RateScope tenant, TimeSpan now)
        {
            foreach (var scope in new[] { tenant, _app })
            {
                if (scope != null && scope.RefuseUntil > now)
                {
                    var rule = scope.RefuseRule;
                    return new RateLimitRefusal(tenant?.TenantId, rule, rule?.Problem, scope.RefuseUntil - now, $"the server refused a call for the limit '{rule?.Name}' and asked to wait {Describe(scope.RefuseUntil - now)} more");
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a call fits now: null with a zero <paramref name="wait"/> when it does, null with the time to wait (null
        /// when only unanswered calls block it) when it must wait, or the refusal of a limit that does not wait.
        /// </summary>
        private RateLimitRefusal Fits(RateScope tenant, string tenantId, TimeSpan now, out TimeSpan? wait, out RateLimitRule waitingFor)
        {
            wait = TimeSpan.Zero;
            waitingFor = null;
            var unknown = false;
            foreach (var scope in new[] { tenant, _app })
            {
                if (scope == null)
                {
                    continue;
                }

                if (scope.HoldUntil > now && scope.HoldUntil - now > wait.Value)
                {
                    wait = scope.HoldUntil - now;
                    waitingFor = scope.HoldRule;
                }

                for (var i = 0; i < _rules.Length; i++)
                {
                    var count = scope.Windows[i];
                    if (count == null)
                    {
                        continue;
                    }

                    var rule = _rules[i];
                    count.Forget(now);
                    if (count.Used < rule.Limit)
                    {
                        count.ProbeAt = null;
                        continue;
                    }

                    var next = count.NextFree();
                    if (rule.Refuses && count.InFlight > 0)
                    {
                        // Calls still unanswered: the server may have counted them already, and this count has them
                        // twice until their answers say. A refusal lasts, so it waits for those answers first.
                        unknown = true;
                        waitingFor = waitingFor ?? rule;
                        continue;
                    }

                    if (rule.Refuses)
                    {
                        if (count.Others > 0)
                        {
                            // Full on the server's word alone, which may be out of date (its day may have turned): one call
                            // in a while may test it, and a refusal then says how long the server wants.
                            if (!count.ProbeAt.HasValue)
                            {
                                count.ProbeAt = now + _settings.ProbeInterval;
                            }

                            if (now >= count.ProbeAt.Value)
                            {
                                continue;
                            }

                            var probe = count.ProbeAt.Value;
                            var until = next.HasValue && next.Value < probe ? next.Value : probe;
                            return new RateLimitRefusal(tenantId, rule, rule.Problem, until - now, $"the server said no calls remain for the limit '{rule.Name}'");
                        }

                        var free = next ?? now + rule.Window + _settings.MarginOf(rule.Window);
                        return new RateLimitRefusal(tenantId, rule, rule.Problem, free - now, $"the limit '{rule.Name}' ({rule.Limit} calls in {Describe(rule.Window)}) is reached");
                    }

                    if (!next.HasValue)
                    {
                        unknown = true;
                        waitingFor = waitingFor ?? rule;
                    }
                    else if (next.Value - now > wait.Value)
                    {
                        wait = next.Value - now;
                        waitingFor = rule;
                    }
                }
            }

            if (unknown && wait.Value == TimeSpan.Zero)
            {
                wait = null;
            }

            return null;
        }

        /// <summary>Takes a permit of every window limit of the call's scopes.</summary>
        private void Take(RateScope tenant)
        {
            var now = Now();
            foreach (var scope in new[] { tenant, _app })
            {
                for (var i = 0; scope != null && i < _rules.Length; i++)
                {
                    var count = scope.Windows[i];
                    if (count == null)
                    {
                        continue;
                    }

                    if (count.ProbeAt.HasValue && now >= count.ProbeAt.Value)
                    {
                        // This call is the probe: the next one waits a whole interval.
                        count.ProbeAt = now + _settings.ProbeInterval;
                    }

                    count.Send();
                }
            }
        }

        private void Answer(GovernorLease lease, TimeSpan now)
        {
            if (lease.Answered)
            {
                return;
            }

            lease.Answered = true;
            foreach (var scope in new[] { lease.Tenant, lease.App })
            {
                for (var i = 0; scope != null && i < _rules.Length; i++)
                {
                    scope.Windows[i]?.Answer(now + _rules[i].Window + _settings.MarginOf(_rules[i].Window));
                }
            }
        }

        /// <summary>A refusal from the server: hold the scope of the limit it names for as long as it asks.</summary>
        private void Hold(GovernorLease lease, string problem, TimeSpan? retryAfter, TimeSpan now)
        {
            RateLimitRule rule = null;
            foreach (var candidate in _rules)
            {
                if (problem != null && candidate.Problem != null && string.Equals(candidate.Problem, problem.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    rule = candidate;
                    break;
                }
            }

            // A tenant's limit on a call without a tenant names no tenant to hold: the application is not held for it.
            var scope = rule == null ? lease.Tenant ?? lease.App : rule.PerScope ? lease.Tenant : lease.App;
            if (scope == null)
            {
                return;
            }

            if (rule != null && rule.Refuses)
            {
                // Without a Retry-After, test the limit again after the probe interval rather than guess a day.
                var until = now + (retryAfter ?? _settings.ProbeInterval);
                if (until > scope.RefuseUntil)
                {
                    scope.RefuseUntil = until;
                    scope.RefuseRule = rule;
                }

                return;
            }

            var hold = now + (retryAfter ?? (rule != null ? rule.Window : ShortestWindow()));
            if (hold > scope.HoldUntil)
            {
                scope.HoldUntil = hold;
                scope.HoldRule = rule;
            }
        }

        private TimeSpan ShortestWindow()
        {
            var shortest = TimeSpan.MaxValue;
            foreach (var rule in _rules)
            {
                if (!rule.InProgress && rule.Window < shortest)
                {
                    shortest = rule.Window;
                }
            }

            return shortest == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : shortest;
        }

        private Exception Refuse(RateLimitRefusal refusal)
        {
            Notify(new RateLimitNotice(refusal.TenantId, refusal.Rule?.Name, refusal.RetryAfter, true));
            return new RateLimitRefusedException(refusal);
        }

        private void Notify(RateLimitNotice notice)
        {
            var notify = _settings.Notify;
            if (notify == null)
            {
                return;
            }

            try
            {
                notify(notice);
            }
            catch (Exception)
            {
                // A listener that throws must not fail the call it was told about, nor leave a place or a permit taken.
            }
        }

        /// <summary>Wakes every waiting call to look again: an answer came or a place was freed.</summary>
        private void Signal()
        {
            TaskCompletionSource<bool> changed;
            lock (_gate)
            {
                changed = _changed;
                _changed = NewSignal();
            }

            changed.TrySetResult(true);
        }

        private static string Describe(TimeSpan? span)
        {
            if (!span.HasValue)
            {
                return "until a call in progress is answered";
            }

            var value = span.Value;
            return value.TotalDays >= 1 && value.TotalDays % 1 == 0 ? value.TotalDays.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " d"
                : value.TotalHours >= 1 ? value.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " h"
                : value.TotalMinutes >= 1 ? value.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " min"
                : value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
        }
    }
}
