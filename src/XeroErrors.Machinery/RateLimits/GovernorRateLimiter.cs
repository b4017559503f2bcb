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
    /// One tenant's calls through the governor as a <see cref="RateLimiter"/>, for code built on that abstraction (Polly's
    /// rate limiter strategy, ASP.NET Core's): a refusal is a lease that was not acquired, with the wait as its
    /// <see cref="MetadataName.RetryAfter"/>, instead of an exception.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class GovernorRateLimiter : RateLimiter
    {
        private readonly RateGovernor _governor;
        private readonly string _tenantId;

        /// <summary>One tenant's calls (<paramref name="tenantId"/> null: calls without a tenant) over <paramref name="governor"/>'s shared state.</summary>
        public GovernorRateLimiter(RateGovernor governor, string tenantId)
        {
            _governor = governor;
            _tenantId = tenantId;
        }

        /// <summary>Never idle: the state is the governor's, shared with every other caller.</summary>
        public override TimeSpan? IdleDuration => null;

        /// <summary>
        /// None: the statistics' properties are init-only, which the C# 7.3 this code compiles as cannot set. The generated
        /// class's <c>GetRemaining</c> says what each limit allows.
        /// </summary>
        public override RateLimiterStatistics GetStatistics() => null;

        /// <summary>A place now, or a lease not acquired that says why and, where known, when to try again.</summary>
        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            CheckOne(permitCount);
            RateLimitRefusal refusal;
            var lease = _governor.TryAcquire(_tenantId, out refusal);
            return lease ?? (RateLimitLease)new RefusedLease(refusal);
        }

        /// <summary>A place when the limits allow one, waiting on the governor's clock; a refusal is a lease not acquired.</summary>
        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            CheckOne(permitCount);
            try
            {
                return await _governor.AcquireAsync(_tenantId, cancellationToken).ConfigureAwait(false);
            }
            catch (RateLimitRefusedException refused)
            {
                return new RefusedLease(refused.Refusal);
            }
        }

        private static void CheckOne(int permitCount)
        {
            // A permit is one call: its window permits and its place in progress are taken together.
            if (permitCount != 1)
            {
                throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each call takes one permit: ask for 1.");
            }
        }

        /// <summary>A call the governor refused: not acquired, with when to try again and why.</summary>
        private sealed class RefusedLease : RateLimitLease
        {
            private readonly RateLimitRefusal _refusal;

            public RefusedLease(RateLimitRefusal refusal)
            {
                _refusal = refusal;
            }

            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => new[] { MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name };

            public override bool TryGetMetadata(string metadataName, out object metadata)
            {
                if (metadataName == MetadataName.RetryAfter.Name)
                {
                    metadata = _refusal.RetryAfter;
                    return true;
                }

                if (metadataName == MetadataName.ReasonPhrase.Name)
                {
                    metadata = _refusal.Reason;
                    return true;
                }

                metadata = null;
                return false;
            }
        }
    }
}
