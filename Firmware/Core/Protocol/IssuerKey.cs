using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// One entry of a station's keyring (docs/protocol.md §4.2): who may sign commands, at which level,
    /// for which addressees, and whether the emergency class is allowed.
    /// </summary>
    public sealed class IssuerKey
    {
        /// <summary>Creates an entry.</summary>
        public IssuerKey(string issuer, IssuerLevel level, byte[] key, string[] scopes, bool emergency)
        {
            Issuer = issuer;
            Level = level;
            Key = key;
            Scopes = scopes;
            MayEmergency = emergency;
        }

        /// <summary>Issuer name, e.g. "com.ha-tinh.an-binh".</summary>
        public string Issuer;

        /// <summary>Administrative level; used for arbitration and authorisation.</summary>
        public IssuerLevel Level;

        /// <summary>HMAC-SHA256 key (32 bytes).</summary>
        public byte[] Key;

        /// <summary>Addressees the issuer may command, e.g. "g/com.ha-tinh.an-binh" or "st/ht-ab-001".</summary>
        public string[] Scopes;

        /// <summary>True when the issuer may send emergency-class work.</summary>
        public bool MayEmergency;

        /// <summary>The 32 highest counters accepted from this issuer (replay window).</summary>
        public readonly ReplayWindow Counters = new ReplayWindow();
    }
}
