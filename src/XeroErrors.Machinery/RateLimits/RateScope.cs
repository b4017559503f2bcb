namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Threading.RateLimiting;

    /// <summary>What the governor keeps for one tenant, or for the whole application: each limit's count and the server's holds.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal sealed class RateScope
    {
        public RateScope(string tenantId, RateLimitRule[] rules, int queueLimit)
        {
            TenantId = tenantId;
            Windows = new WindowCount[rules.Length];
            Places = new ConcurrencyLimiter[rules.Length];
            for (var i = 0; i < rules.Length; i++)
            {
                if (rules[i].PerScope != (tenantId != null))
                {
                    continue;
                }

                if (rules[i].InProgress)
                {
                    Places[i] = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                    {
                        PermitLimit = rules[i].Limit,
                        QueueLimit = queueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
                }
                else
                {
                    Windows[i] = new WindowCount();
                }
            }
        }

        /// <summary>The tenant, or null for the application's scope.</summary>
        public string TenantId { get; }

        /// <summary>Per rule, the window count of this scope's window limits (else null).</summary>
        public WindowCount[] Windows { get; }

        /// <summary>Per rule, the places of this scope's calls-in-progress limits (else null).</summary>
        public ConcurrencyLimiter[] Places { get; }

        /// <summary>Until when the server asked for no calls (a 429 of a limit calls wait for).</summary>
        public TimeSpan HoldUntil { get; set; }

        /// <summary>The limit the hold is for, or null when the server did not name one.</summary>
        public RateLimitRule HoldRule { get; set; }

        /// <summary>Until when calls are refused at once (a 429 of a limit that refuses, such as the day's).</summary>
        public TimeSpan RefuseUntil { get; set; }

        /// <summary>The limit the refusal is for.</summary>
        public RateLimitRule RefuseRule { get; set; }
    }
}
