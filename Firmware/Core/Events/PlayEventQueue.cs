using CommuneRadio.Core.Collections;

namespace CommuneRadio.Core.Events
{
    /// <summary>
    /// Bounded FIFO of proof-of-play events awaiting delivery. When full, the oldest event is dropped and
    /// counted: the server learns how many records it will never see instead of the station running out
    /// of memory during a long outage.
    /// </summary>
    public sealed class PlayEventQueue
    {
        private readonly BoundedQueue _queue;

        /// <summary>Creates an empty queue holding at most <paramref name="capacity"/> events.</summary>
        public PlayEventQueue(int capacity)
        {
            _queue = new BoundedQueue(capacity);
        }

        /// <summary>Events waiting.</summary>
        public int Count
        {
            get { return _queue.Count; }
        }

        /// <summary>Maximum number of events held.</summary>
        public int Capacity
        {
            get { return _queue.Capacity; }
        }

        /// <summary>Events dropped because the queue was full, since boot.</summary>
        public long Dropped
        {
            get { return _queue.Dropped; }
        }

        /// <summary>Appends an event, dropping (and counting) the oldest when full.</summary>
        public void Enqueue(PlayEvent e)
        {
            _queue.Enqueue(e);
        }

        /// <summary>The event at a position from the oldest (0) without removing it; null when out of range.</summary>
        public PlayEvent PeekAt(int index)
        {
            return (PlayEvent)_queue.PeekAt(index);
        }

        /// <summary>Looks at the oldest event without removing it (remove it with <see cref="Dequeue"/> once delivered).</summary>
        public bool TryPeek(out PlayEvent e)
        {
            e = (PlayEvent)_queue.PeekAt(0);
            return e != null;
        }

        /// <summary>Removes the oldest event, e.g. after the transport confirmed delivery; null when empty.</summary>
        public PlayEvent Dequeue()
        {
            return (PlayEvent)_queue.Dequeue();
        }

        /// <summary>Adds to the dropped count (e.g. records that could not be restored after a reboot).</summary>
        public void CountDropped(long n)
        {
            _queue.CountDropped(n);
        }
    }
}
