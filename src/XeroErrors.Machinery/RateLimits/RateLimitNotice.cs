namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>A call that waits for a limit, or that a limit refuses without sending it.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RateLimitNotice
    {
        /// <summary>A notice that a tenant's call waits for, or was refused by, a limit.</summary>
        public RateLimitNotice(string tenantId, string limit, TimeSpan? wait, bool refused)
        {
            TenantId = tenantId;
            Limit = limit;
            Wait = wait;
            Refused = refused;
        }

        /// <summary>The scope header's value of the call (the tenant), or null.</summary>
        public string TenantId { get; }

        /// <summary>The name of the limit the call waits for or was refused by; null for a hold the server asked for without naming a limit.</summary>
        public string Limit { get; }

        /// <summary>How long the call expects to wait; after a refusal, when to try again; null when it waits for calls in progress to end.</summary>
        public TimeSpan? Wait { get; }

        /// <summary>The call failed without being sent.</summary>
        public bool Refused { get; }
    }
}
