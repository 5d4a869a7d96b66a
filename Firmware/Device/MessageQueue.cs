using System.Threading;

namespace CommuneRadio.Device
{
    /// <summary>
    /// The only hand-over between the MQTT client's receive thread and the main loop: a small, bounded,
    /// lock-protected ring. The callback only enqueues (no parsing, no Core calls); when the main loop falls behind,
    /// the newest message is dropped and counted — a QoS 1 command is then redelivered by the issuer's retry, and the
    /// heap cannot be exhausted by a flood. <see cref="Signal"/> wakes the main loop at once, so a command does not
    /// wait for the next 250 ms tick.
    /// </summary>
    public sealed class MessageQueue
    {
        private readonly object _lock = new object();
        private readonly ReceivedMessage[] _ring;
        private int _head;
        private int _count;

        /// <summary>Creates a queue for at most <paramref name="capacity"/> messages.</summary>
        public MessageQueue(int capacity)
        {
            _ring = new ReceivedMessage[capacity];
        }

        /// <summary>Set whenever a message is enqueued; the main loop waits on it between ticks.</summary>
        public readonly AutoResetEvent Signal = new AutoResetEvent(false);

        /// <summary>Messages dropped because the queue was full.</summary>
        public int Dropped { get; private set; }

        /// <summary>Called on the client's thread.</summary>
        public void Enqueue(ReceivedMessage m)
        {
            lock (_lock)
            {
                if (_count == _ring.Length)
                {
                    Dropped++;
                    return;
                }

                _ring[(_head + _count) % _ring.Length] = m;
                _count++;
            }

            Signal.Set();
        }

        /// <summary>Called on the main loop: the oldest message, or null.</summary>
        public ReceivedMessage Dequeue()
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    return null;
                }

                ReceivedMessage m = _ring[_head];
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _count--;
                return m;
            }
        }
    }
}
