namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.ComponentModel;
    using System.Threading.RateLimiting;

    /// <summary>
    /// A call's permission to be sent: its places among the calls in progress and its window permits. Disposing it ends
    /// the call; an answer not reported by then is taken to have come when it was disposed.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class GovernorLease : RateLimitLease
    {
        private readonly RateGovernor _governor;
        private readonly List<RateLimitLease> _places;
        private int _disposed;

        internal GovernorLease(RateGovernor governor, RateScope tenant, RateScope app, List<RateLimitLease> places)
        {
            _governor = governor;
            Tenant = tenant;
            App = app;
            _places = places;
        }

        /// <summary>The tenant's scope, or null for a call without a tenant.</summary>
        internal RateScope Tenant { get; }

        /// <summary>The application's scope.</summary>
        internal RateScope App { get; }

        /// <summary>Whether the call's window permits have stopped being unanswered. Read and written under the governor's lock.</summary>
        internal bool Answered { get; set; }

        /// <summary>Whether the lease was made by this governor, which a report checks.</summary>
        public bool BelongsTo(RateGovernor governor) => ReferenceEquals(governor, _governor);

        /// <summary>Always: a refusal is never a <see cref="GovernorLease"/>.</summary>
        public override bool IsAcquired => true;

        /// <summary>None.</summary>
        public override IEnumerable<string> MetadataNames => Array.Empty<string>();

        /// <summary>None: always false.</summary>
        public override bool TryGetMetadata(string metadataName, out object metadata)
        {
            metadata = null;
            return false;
        }

        /// <summary>Gives the call's places back, once; the call's window permits stay counted until its answer ages out.</summary>
        protected override void Dispose(bool disposing)
        {
            if (!disposing || System.Threading.Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            try
            {
                _governor.Release(this);
            }
            finally
            {
                // The places go back whatever happened above: a place kept would stop the tenant's calls for good.
                foreach (var place in _places)
                {
                    place.Dispose();
                }
            }
        }
    }
}
