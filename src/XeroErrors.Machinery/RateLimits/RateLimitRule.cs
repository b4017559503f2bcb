namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>One limit the governor keeps: an item of the spec's <c>rate_limits</c>, with the number the options give.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RateLimitRule
    {
        /// <summary>A limit from the spec: its name, scope, count or window, problem name and what happens when it is reached.</summary>
        public RateLimitRule(string name, bool perScope, bool inProgress, int limit, TimeSpan window, string problem, bool refuses)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit '" + name + "' must allow at least one call.");
            }

            Name = name;
            PerScope = perScope;
            InProgress = inProgress;
            Limit = limit;
            Window = window;
            Problem = problem;
            Refuses = refuses;
        }

        /// <summary>The limit's name in the spec, which names its option and its notices.</summary>
        public string Name { get; }

        /// <summary>Kept per value of the scope header (a tenant), rather than for the whole application.</summary>
        public bool PerScope { get; }

        /// <summary>Counts calls in progress; otherwise calls within a sliding <see cref="Window"/>.</summary>
        public bool InProgress { get; }

        /// <summary>How many calls the limit allows.</summary>
        public int Limit { get; }

        /// <summary>The window a call counts in, from its answer; zero for calls in progress.</summary>
        public TimeSpan Window { get; }

        /// <summary>The value of the problem header that names this limit in a refusal, or null.</summary>
        public string Problem { get; }

        /// <summary>A call that does not fit fails at once rather than waiting for the window (a day).</summary>
        public bool Refuses { get; }
    }
}
