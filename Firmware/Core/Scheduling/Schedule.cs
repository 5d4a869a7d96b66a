using CommuneRadio.Core.Results;
using CommuneRadio.Core.Text;

namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// The station's schedule: a bounded set of items kept sorted by id (ordinal), so listing and the
    /// digest are the same whatever order the items arrived in. Capacity is fixed at construction
    /// (default 64); a full schedule refuses new items and keeps what it has.
    /// </summary>
    public sealed class Schedule
    {
        private readonly ScheduleEntry[] _entries;
        private int _count;
        private uint _digest;

        /// <summary>Creates an empty schedule.</summary>
        public Schedule(int capacity)
        {
            _entries = new ScheduleEntry[capacity];
            _digest = ScheduleDigest.Empty;
        }

        /// <summary>Number of items.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Maximum number of items.</summary>
        public int Capacity
        {
            get { return _entries.Length; }
        }

        /// <summary>Digest of the items (see <see cref="ScheduleDigest"/>); recomputed on change only.</summary>
        public uint Digest
        {
            get { return _digest; }
        }

        /// <summary>Version set by the last full sync from the server (0 = never synced).</summary>
        public long Version;

        /// <summary>The entry at a position (0 … Count-1), in id order.</summary>
        public ScheduleEntry EntryAt(int index)
        {
            return _entries[index];
        }

        /// <summary>Finds an entry by id.</summary>
        public bool TryGet(string id, out ScheduleEntry entry)
        {
            int i = IndexOf(id);
            entry = i >= 0 ? _entries[i] : null;
            return i >= 0;
        }

        /// <summary>Adds an item; refuses a duplicate id or a full schedule.</summary>
        public RefusalReason Add(ScheduleEntry entry)
        {
            int at = Search(entry.Item.Id);
            if (at >= 0)
            {
                return RefusalReason.DuplicateId;
            }

            if (_count == _entries.Length)
            {
                return RefusalReason.ScheduleFull;
            }

            at = ~at;
            for (int i = _count; i > at; i--)
            {
                _entries[i] = _entries[i - 1];
            }

            _entries[at] = entry;
            _count++;
            Recompute();
            return RefusalReason.None;
        }

        /// <summary>Replaces the item with the same id; refuses an unknown id.</summary>
        public RefusalReason Replace(ScheduleEntry entry)
        {
            int at = IndexOf(entry.Item.Id);
            if (at < 0)
            {
                return RefusalReason.UnknownId;
            }

            _entries[at] = entry;
            Recompute();
            return RefusalReason.None;
        }

        /// <summary>Removes an item by id; refuses an unknown id.</summary>
        public RefusalReason Remove(string id)
        {
            int at = IndexOf(id);
            if (at < 0)
            {
                return RefusalReason.UnknownId;
            }

            for (int i = at; i < _count - 1; i++)
            {
                _entries[i] = _entries[i + 1];
            }

            _count--;
            _entries[_count] = null;
            Recompute();
            return RefusalReason.None;
        }

        /// <summary>Removes every item.</summary>
        public void Clear()
        {
            for (int i = 0; i < _count; i++)
            {
                _entries[i] = null;
            }

            _count = 0;
            Recompute();
        }

        // The index of an id, or a negative number when it is absent.
        private int IndexOf(string id)
        {
            return Search(id);
        }

        // Binary search by ordinal id; returns the index, or the bitwise complement of the insertion point.
        private int Search(string id)
        {
            int lo = 0;
            int hi = _count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                int c = Ordinal.Compare(_entries[mid].Item.Id, id);
                if (c < 0)
                {
                    lo = mid + 1;
                }
                else if (c > 0)
                {
                    hi = mid - 1;
                }
                else
                {
                    return mid;
                }
            }

            return ~lo;
        }

        private void Recompute()
        {
            uint h = ScheduleDigest.Empty;
            for (int i = 0; i < _count; i++)
            {
                h = ScheduleDigest.Add(h, _entries[i].Item);
            }

            _digest = h;
        }
    }
}
