namespace CommuneRadio.Core.Collections
{
    /// <summary>
    /// A fixed-capacity FIFO that drops (and counts) its oldest item when full, so a station cut off from
    /// the broker keeps the newest records without running out of heap. Object-typed because nanoFramework
    /// has no generics; <see cref="Events.PlayEventQueue"/> and <see cref="Protocol.Outbox"/> wrap it with
    /// typed APIs. Allocation-free after construction.
    /// <para>Example (capacity 2): enqueue a, b, c → holds b, c; Dropped = 1.</para>
    /// </summary>
    public sealed class BoundedQueue
    {
        private readonly object[] _ring;
        private int _head;
        private int _count;

        /// <summary>Creates an empty queue holding at most <paramref name="capacity"/> items.</summary>
        public BoundedQueue(int capacity)
        {
            _ring = new object[capacity];
        }

        /// <summary>Items held.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Maximum number of items.</summary>
        public int Capacity
        {
            get { return _ring.Length; }
        }

        /// <summary>True when the next <see cref="Enqueue"/> would drop the oldest item.</summary>
        public bool IsFull
        {
            get { return _count == _ring.Length; }
        }

        /// <summary>Items dropped because the queue was full (plus any counted with <see cref="CountDropped"/>).</summary>
        public long Dropped { get; private set; }

        /// <summary>Appends an item, dropping and counting the oldest when full.</summary>
        public void Enqueue(object item)
        {
            if (_count == _ring.Length)
            {
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _count--;
                Dropped++;
            }

            _ring[(_head + _count) % _ring.Length] = item;
            _count++;
        }

        /// <summary>The item at a position from the oldest (0), or null when out of range.</summary>
        public object PeekAt(int index)
        {
            return index >= 0 && index < _count ? _ring[(_head + index) % _ring.Length] : null;
        }

        /// <summary>Removes and returns the oldest item, or null when empty.</summary>
        public object Dequeue()
        {
            if (_count == 0)
            {
                return null;
            }

            object item = _ring[_head];
            _ring[_head] = null;
            _head = (_head + 1) % _ring.Length;
            _count--;
            return item;
        }

        /// <summary>Adds to the dropped count (records that could not be restored after a reboot).</summary>
        public void CountDropped(long n)
        {
            Dropped += n;
        }
    }
}
