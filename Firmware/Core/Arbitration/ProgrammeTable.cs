namespace CommuneRadio.Core.Arbitration
{
    /// <summary>
    /// The programmes currently wanting the speakers, in a fixed-size array (no allocation on a quiet tick).
    /// Usually one or two; the bound protects the heap from a flood of play-now commands. Finished programmes are kept
    /// (at most as many as fit) and reused by <see cref="Take"/>: a programme object lives as long as the station, so
    /// putting it in the table or on air stores no new object into an old one (docs/benchmarks.md, "Per command kind").
    /// </summary>
    public sealed class ProgrammeTable
    {
        private readonly Programme[] _slots;
        private readonly Programme[] _free;
        private int _count;
        private int _freeCount;

        /// <summary>Creates a table with room for <paramref name="capacity"/> programmes.</summary>
        public ProgrammeTable(int capacity)
        {
            _slots = new Programme[capacity];
            _free = new Programme[capacity];
        }

        /// <summary>A programme to fill in and <see cref="Add"/>: a finished one, reset, or a new one when none is kept.</summary>
        public Programme Take()
        {
            if (_freeCount == 0)
            {
                return new Programme();
            }

            _freeCount--;
            Programme p = _free[_freeCount];
            _free[_freeCount] = null;
            return p;
        }

        /// <summary>
        /// A programme removed from the table is done with (its end recorded): reset, so it keeps no id or schedule entry
        /// alive, and kept for <see cref="Take"/> while there is room.
        /// </summary>
        public void Recycle(Programme p)
        {
            p.Reset();
            if (_freeCount < _free.Length)
            {
                _free[_freeCount++] = p;
            }
        }

        /// <summary>Programmes in the table.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when no more programmes fit.</summary>
        public bool IsFull
        {
            get { return _count == _slots.Length; }
        }

        /// <summary>The programme at a position.</summary>
        public Programme At(int index)
        {
            return _slots[index];
        }

        /// <summary>Adds a programme; false when full.</summary>
        public bool Add(Programme p)
        {
            if (_count == _slots.Length)
            {
                return false;
            }

            _slots[_count++] = p;
            return true;
        }

        /// <summary>Removes the programme at a position (order of the rest is kept).</summary>
        public void RemoveAt(int index)
        {
            for (int i = index; i < _count - 1; i++)
            {
                _slots[i] = _slots[i + 1];
            }

            _count--;
            _slots[_count] = null;
        }

        /// <summary>Finds a programme by id and kind; -1 when absent.</summary>
        public int IndexOf(string id, ProgrammeKind kind)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_slots[i].Kind == kind && _slots[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
