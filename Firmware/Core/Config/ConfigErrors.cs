namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// The bounded list of <see cref="ConfigError"/>s of one parse. A hostile or badly broken file cannot fill the
    /// heap: after <see cref="Capacity"/> errors the rest are only counted in <see cref="Dropped"/>.
    /// </summary>
    public sealed class ConfigErrors
    {
        /// <summary>Most errors kept.</summary>
        public const int Capacity = 24;

        private readonly ConfigError[] _items = new ConfigError[Capacity];
        private int _count;

        /// <summary>Errors kept.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Errors found beyond <see cref="Capacity"/>.</summary>
        public int Dropped { get; private set; }

        /// <summary>The error at a position.</summary>
        public ConfigError At(int index)
        {
            return _items[index];
        }

        /// <summary>Records an error.</summary>
        public void Add(string field, string reason)
        {
            if (_count == Capacity)
            {
                Dropped++;
                return;
            }

            _items[_count++] = new ConfigError(field, reason);
        }

        /// <summary>True when an error was recorded for <paramref name="field"/> or a field below it ("broker" covers "broker.port").</summary>
        public bool Touches(string field)
        {
            for (int i = 0; i < _count; i++)
            {
                string f = _items[i].Field;
                if (f == field || (f.Length > field.Length && f.StartsWith(field) && (f[field.Length] == '.' || f[field.Length] == '[')))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The reason recorded for exactly <paramref name="field"/>, or null.</summary>
        public string ReasonFor(string field)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_items[i].Field == field)
                {
                    return _items[i].Reason;
                }
            }

            return null;
        }
    }
}
