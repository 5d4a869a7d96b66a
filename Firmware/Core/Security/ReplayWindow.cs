namespace CommuneRadio.Core.Security
{
    /// <summary>
    /// Replay protection per issuer (docs/protocol.md §4.3): the highest <see cref="Size"/> counters
    /// accepted are remembered. A counter already seen, or lower than the lowest remembered once the
    /// window is full, is refused. Needs no clock, survives reboot when persisted, and tolerates commands
    /// arriving slightly out of order.
    /// <para>Example (window of 3 for brevity): accept 10, 20, 30 → {10,20,30}; 25 → accepted, 10 evicted
    /// → {20,25,30}; 20 → replayed; 15 → replayed (older than the window); 40 → accepted.</para>
    /// </summary>
    public sealed class ReplayWindow
    {
        /// <summary>Counters remembered per issuer.</summary>
        public const int Size = 32;

        private readonly long[] _seen = new long[Size];
        private int _count;

        /// <summary>Counters currently remembered.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The remembered counter at a position (ascending), for persistence.</summary>
        public long At(int index)
        {
            return _seen[index];
        }

        /// <summary>True when <paramref name="counter"/> would be accepted (does not record it).</summary>
        public bool IsFresh(long counter)
        {
            if (counter < 1)
            {
                return false;
            }

            if (_count == Size && counter < _seen[0])
            {
                return false;
            }

            for (int i = 0; i < _count; i++)
            {
                if (_seen[i] == counter)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Records an accepted counter (call only after <see cref="IsFresh"/> returned true).</summary>
        public void Record(long counter)
        {
            if (_count == Size)
            {
                for (int i = 1; i < Size; i++)
                {
                    _seen[i - 1] = _seen[i];
                }

                _count--;
            }

            int at = _count;
            while (at > 0 && _seen[at - 1] > counter)
            {
                _seen[at] = _seen[at - 1];
                at--;
            }

            _seen[at] = counter;
            _count++;
        }
    }
}
