namespace CommuneRadio.Core.Relays
{
    /// <summary>
    /// Preallocated list of relay writes produced by one Core call, in the order they must be applied
    /// (the order carries the safety sequence: lines off before a source change, and so on).
    /// </summary>
    public sealed class RelayWriteBuffer
    {
        private readonly RelayWrite[] _writes;
        private int _count;

        /// <summary>Creates a buffer for at most <paramref name="capacity"/> writes per call.</summary>
        public RelayWriteBuffer(int capacity)
        {
            _writes = new RelayWrite[capacity];
        }

        /// <summary>Writes in this call.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The write at a position.</summary>
        public RelayWrite At(int index)
        {
            return _writes[index];
        }

        /// <summary>Forgets the writes of the previous call.</summary>
        public void Clear()
        {
            _count = 0;
        }

        /// <summary>Appends a write.</summary>
        public void Add(RelayRole role, int index, RelayChannel channel, bool on)
        {
            RelayWrite w;
            w.Role = role;
            w.Index = index;
            w.Pin = channel.Pin;
            w.On = on;
            w.Level = channel.LevelFor(on);
            _writes[_count++] = w;
        }
    }
}
