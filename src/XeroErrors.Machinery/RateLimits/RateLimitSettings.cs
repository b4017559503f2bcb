namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>How the governor waits and refuses: the generated options, read once when the governor is made.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RateLimitSettings
    {
        /// <summary>The clock every window, hold and wait runs on.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The longest a call waits for its window permits; null waits as long as a waiting limit needs.</summary>
        public TimeSpan? MaxWait { get; set; }

        /// <summary>How many calls may wait at once for a place or a permit; beyond it a call is refused.</summary>
        public int QueueLimit { get; set; } = int.MaxValue;

        /// <summary>How long past its window a call still counts, for the server's clock; null for a twentieth of the window, at most a second.</summary>
        public TimeSpan? WindowMargin { get; set; }

        /// <summary>How often one call may test a limit that refuses on the server's word alone (a day said to be used up).</summary>
        public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Told of every wait and every local refusal.</summary>
        public Action<RateLimitNotice> Notify { get; set; }

        /// <summary>The margin of a window.</summary>
        public TimeSpan MarginOf(TimeSpan window)
        {
            if (WindowMargin.HasValue)
            {
                return WindowMargin.Value;
            }

            var twentieth = TimeSpan.FromTicks(window.Ticks / 20);
            return twentieth < TimeSpan.FromSeconds(1) ? twentieth : TimeSpan.FromSeconds(1);
        }
    }
}
