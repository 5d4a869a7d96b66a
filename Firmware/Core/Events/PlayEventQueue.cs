namespace CommuneRadio.Core.Events
{
    /// <summary>
    /// Bounded FIFO of proof-of-play events awaiting delivery. When full, the oldest event is dropped and
    /// counted: the server learns how many records it will never see instead of the station running out
    /// of memory during a long outage.
    /// </summary>
    public sealed class PlayEventQueue
    {
        private readonly PlayEvent[] _ring;
        private int _head;
        private int _count;
        private long _dropped;

        /// <summary>Creates an empty queue holding at most <paramref name="capacity"/> events.</summary>
        public PlayEventQueue(int capacity)
        {
            _ring = new PlayEvent[capacity];
        }

        /// <summary>Events waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Maximum number of events held.</summary>
        public int Capacity
        {
            get { return _ring.Length; }
        }

        /// <summary>Events dropped because the queue was full, since boot.</summary>
        public long Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Appends an event, dropping (and counting) the oldest when full.</summary>
        public void Enqueue(PlayEvent e)
        {
            if (_count == _ring.Length)
            {
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _count--;
                _dropped++;
            }

            _ring[(_head + _count) % _ring.Length] = e;
            _count++;
        }

        /// <summary>The event at a position from the oldest (0) without removing it, or null outside 0 … Count-1.</summary>
        public PlayEvent PeekAt(int index)
        {
            return index >= 0 && index < _count ? _ring[(_head + index) % _ring.Length] : null;
        }

        /// <summary>Looks at the oldest event without removing it (remove it with <see cref="Dequeue"/> once delivered).</summary>
        public bool TryPeek(out PlayEvent e)
        {
            e = _count > 0 ? _ring[_head] : null;
            return _count > 0;
        }

        /// <summary>Removes the oldest event, e.g. after the transport confirmed delivery.</summary>
        public PlayEvent Dequeue()
        {
            if (_count == 0)
            {
                return null;
            }

            PlayEvent e = _ring[_head];
            _ring[_head] = null;
            _head = (_head + 1) % _ring.Length;
            _count--;
            return e;
        }

        /// <summary>Adds to the dropped count (e.g. records that could not be restored after a reboot).</summary>
        public void CountDropped(long n)
        {
            _dropped += n;
        }
    }
}
