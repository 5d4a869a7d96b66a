using CommuneRadio.Core.Collections;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Bounded FIFO of messages waiting for the transport. When full the oldest message is dropped and
    /// counted, so a station cut off from the broker cannot exhaust its heap.
    /// </summary>
    public sealed class Outbox
    {
        private readonly BoundedQueue _queue;

        /// <summary>Creates an outbox holding at most <paramref name="capacity"/> messages.</summary>
        public Outbox(int capacity)
        {
            _queue = new BoundedQueue(capacity);
        }

        /// <summary>Messages waiting.</summary>
        public int Count
        {
            get { return _queue.Count; }
        }

        /// <summary>True when the next enqueue would drop a message.</summary>
        public bool IsFull
        {
            get { return _queue.IsFull; }
        }

        /// <summary>Messages dropped because the outbox was full.</summary>
        public long Dropped
        {
            get { return _queue.Dropped; }
        }

        /// <summary>Appends a message, dropping the oldest when full.</summary>
        public void Enqueue(OutgoingMessage m)
        {
            _queue.Enqueue(m);
        }

        /// <summary>The oldest message, or null.</summary>
        public OutgoingMessage Peek()
        {
            return (OutgoingMessage)_queue.PeekAt(0);
        }

        /// <summary>Removes and returns the oldest message, or null.</summary>
        public OutgoingMessage Dequeue()
        {
            return (OutgoingMessage)_queue.Dequeue();
        }
    }
}
