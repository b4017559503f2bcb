namespace XeroErrors.Machinery
{
    using System;
    using System.CodeDom.Compiler;
    using System.Collections.Generic;

    /// <summary>
    /// The calls one window limit counts for one scope: calls sent and not yet answered, answered calls until one window
    /// (and a margin) after their answer, and the calls the server says were made beside ours. Not thread-safe: the
    /// governor holds its lock.
    /// </summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal sealed class WindowCount
    {
        /// <summary>When each answered call stops counting, oldest first (answers come in clock order).</summary>
        private readonly Queue<TimeSpan> _expiries = new Queue<TimeSpan>();

        /// <summary>Calls sent and not yet answered: they count, and nobody knows yet until when.</summary>
        public int InFlight { get; private set; }

        /// <summary>Calls the server counted that this governor did not make (another process), by its last word.</summary>
        public int Others { get; private set; }

        private TimeSpan _othersExpire;

        /// <summary>When a limit that refuses on the server's word alone next lets one call test it; null when not refusing.</summary>
        public TimeSpan? ProbeAt { get; set; }

        /// <summary>The calls this governor made that still count.</summary>
        public int Own => InFlight + _expiries.Count;

        /// <summary>Every call that counts.</summary>
        public int Used => Own + Others;

        public void Forget(TimeSpan now)
        {
            while (_expiries.Count > 0 && _expiries.Peek() <= now)
            {
                _expiries.Dequeue();
            }

            if (Others > 0 && _othersExpire <= now)
            {
                Others = 0;
            }
        }

        /// <summary>When the count next goes down by itself; null when only unanswered calls count.</summary>
        public TimeSpan? NextFree()
        {
            TimeSpan? next = null;
            if (_expiries.Count > 0)
            {
                next = _expiries.Peek();
            }

            if (Others > 0 && (next == null || _othersExpire < next.Value))
            {
                next = _othersExpire;
            }

            return next;
        }

        public void Send() => InFlight++;

        public void Answer(TimeSpan expires)
        {
            if (InFlight > 0)
            {
                InFlight--;
            }

            _expiries.Enqueue(expires);
        }

        /// <summary>
        /// Takes the server's word that <paramref name="remaining"/> calls are left, where it is lower than this count says:
        /// the calls still unanswered will use some of what it reports, and the rest of the difference is someone else's
        /// calls, counted until <paramref name="expires"/>. A later word replaces an earlier one.
        /// </summary>
        public void Believe(int remaining, int limit, TimeSpan expires)
        {
            var ours = limit - Own;
            var theirs = remaining - InFlight;
            Others = Math.Max(0, ours - theirs);
            _othersExpire = expires;
        }
    }
}
