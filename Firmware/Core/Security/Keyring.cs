using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Security
{
    /// <summary>
    /// The issuers a station trusts. Bounded (16 entries): a station knows its own key and those of its
    /// commune, province and the national centre, plus a few operators.
    /// </summary>
    public sealed class Keyring
    {
        /// <summary>Maximum number of issuers.</summary>
        public const int Capacity = 16;

        private readonly IssuerKey[] _keys = new IssuerKey[Capacity];
        private int _count;

        /// <summary>Number of issuers.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The entry at a position.</summary>
        public IssuerKey At(int index)
        {
            return _keys[index];
        }

        /// <summary>Adds or replaces an issuer; false when the keyring is full.</summary>
        public bool Put(IssuerKey key)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i].Issuer == key.Issuer)
                {
                    _keys[i] = key;
                    return true;
                }
            }

            if (_count == Capacity)
            {
                return false;
            }

            _keys[_count++] = key;
            return true;
        }

        /// <summary>Finds an issuer by name; null when unknown.</summary>
        public IssuerKey Find(string issuer)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i].Issuer == issuer)
                {
                    return _keys[i];
                }
            }

            return null;
        }

        /// <summary>
        /// True when <paramref name="key"/> may address <paramref name="to"/> on this station
        /// (docs/protocol.md §4.2): national, or an explicit scope, or a direct command to this station from
        /// an issuer scoped to one of its groups.
        /// </summary>
        public static bool Covers(IssuerKey key, string to, string stationTarget, string[] stationGroups)
        {
            if (key.Level == IssuerLevel.National)
            {
                return true;
            }

            for (int i = 0; i < key.Scopes.Length; i++)
            {
                string scope = key.Scopes[i];
                if (scope == to)
                {
                    return true;
                }

                if (to == stationTarget)
                {
                    for (int g = 0; g < stationGroups.Length; g++)
                    {
                        if (scope == stationGroups[g])
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
