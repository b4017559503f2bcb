namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>Why the governor refused a call without sending it: what the generated code turns into the typed exception.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RateLimitRefusal
    {
        /// <summary>A refusal of a tenant's call by <paramref name="rule"/>, with the problem name, the wait and the reason to report.</summary>
        public RateLimitRefusal(string tenantId, RateLimitRule rule, string problem, TimeSpan retryAfter, string reason)
        {
            TenantId = tenantId;
            Rule = rule;
            Problem = problem;
            RetryAfter = retryAfter;
            Reason = reason;
        }

        /// <summary>The scope header's value of the call (the tenant), or null.</summary>
        public string TenantId { get; }

        /// <summary>The limit that refused the call; null for a full queue.</summary>
        public RateLimitRule Rule { get; }

        /// <summary>The problem header's value for the limit, as the server would name it; null when none names it.</summary>
        public string Problem { get; }

        /// <summary>When the call could be made.</summary>
        public TimeSpan RetryAfter { get; }

        /// <summary>Why, in words, for the exception.</summary>
        public string Reason { get; }
    }

    /// <summary>Carries a refusal from the governor's core to the caller that turns it into an exception or a failed lease.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RateLimitRefusedException : Exception
    {
        /// <summary>Carries <paramref name="refusal"/>, whose reason is the message.</summary>
        public RateLimitRefusedException(RateLimitRefusal refusal)
            : base(refusal.Reason)
        {
            Refusal = refusal;
        }

        /// <summary>The refusal.</summary>
        public RateLimitRefusal Refusal { get; }
    }
}
