namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Bounded FIFO of messages waiting for the transport. When full the oldest message is dropped and
    /// counted, so a station cut off from the broker cannot exhaust its heap.
    /// </summary>
    public sealed class Outbox
    {
        private readonly OutgoingMessage[] _ring;
        private int _head;
        private int _count;

        /// <summary>Creates an outbox holding at most <paramref name="capacity"/> messages.</summary>
        public Outbox(int capacity)
        {
            _ring = new OutgoingMessage[capacity];
        }

        /// <summary>Messages waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when the next enqueue would drop a message.</summary>
        public bool IsFull
        {
            get { return _count == _ring.Length; }
        }

        /// <summary>Messages dropped because the outbox was full.</summary>
        public long Dropped { get; private set; }

        /// <summary>Appends a message, dropping the oldest when full.</summary>
        public void Enqueue(OutgoingMessage m)
        {
            if (_count == _ring.Length)
            {
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _count--;
                Dropped++;
            }

            _ring[(_head + _count) % _ring.Length] = m;
            _count++;
        }

        /// <summary>The oldest message, or null.</summary>
        public OutgoingMessage Peek()
        {
            return _count > 0 ? _ring[_head] : null;
        }

        /// <summary>Removes and returns the oldest message, or null.</summary>
        public OutgoingMessage Dequeue()
        {
            if (_count == 0)
            {
                return null;
            }

            OutgoingMessage m = _ring[_head];
            _ring[_head] = null;
            _head = (_head + 1) % _ring.Length;
            _count--;
            return m;
        }
    }
}
