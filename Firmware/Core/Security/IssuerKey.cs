using System.Security.Cryptography;
using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Security
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
            _key = key;
            ProvisionedKey = key;
            Scopes = scopes;
            MayEmergency = emergency;
        }

        /// <summary>Issuer name, e.g. "com.ha-tinh.an-binh".</summary>
        public string Issuer;

        /// <summary>Administrative level; used for arbitration and authorisation.</summary>
        public IssuerLevel Level;

        private byte[] _key;
        private HMACSHA256 _mac;

        /// <summary>HMAC-SHA256 key (32 bytes). Setting it (key rotation) discards the cached HMAC.</summary>
        public byte[] Key
        {
            get
            {
                return _key;
            }

            set
            {
                _key = value;
                _mac = null;
            }
        }

        /// <summary>
        /// The key this entry had when it was provisioned (from the device configuration). A key rotated
        /// remotely is persisted together with it, so that at boot the rotated key is used only while the
        /// configuration still holds this same key: an engineer who re-provisions fresh keys is not overridden.
        /// </summary>
        public byte[] ProvisionedKey;

        /// <summary>
        /// The HMAC-SHA256 of <paramref name="body"/> under this issuer's key, with one HMAC instance kept per key
        /// (no allocation per command beyond the result). The instance holds its own copy of the key:
        /// nanoFramework's HMACSHA256 keeps a reference to the array it is given and clears it on Dispose.
        /// </summary>
        public byte[] Mac(byte[] body)
        {
            if (_mac == null)
            {
                _mac = new HMACSHA256(Signature.CopyOf(_key));
            }

            return _mac.ComputeHash(body);
        }

        /// <summary>Addressees the issuer may command, e.g. "g/com.ha-tinh.an-binh" or "st/ht-ab-001".</summary>
        public string[] Scopes;

        /// <summary>True when the issuer may send emergency-class work.</summary>
        public bool MayEmergency;

        /// <summary>
        /// True when the issuer may update the station's application (<c>update.*</c>, docs/protocol.md §8): set from the
        /// key's <c>"update"</c> member in the configuration, false unless given. Like the emergency right it comes from the
        /// configuration at every boot (the stored keyring keeps only keys and counters of provisioned issuers).
        /// </summary>
        public bool MayUpdate;

        /// <summary>The 32 highest counters accepted from this issuer (replay window).</summary>
        public readonly ReplayWindow Counters = new ReplayWindow();
    }
}
