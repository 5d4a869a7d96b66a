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

        /// <summary>HMAC-SHA256 key (32 bytes).</summary>
        public byte[] Key
        {
            get
            {
                return _key;
            }

            set
            {
                _key = value;
            }
        }

        /// <summary>
        /// The key this entry had when it was provisioned (from the device configuration). A key rotated
        /// remotely is persisted together with it, so that at boot the rotated key is used only while the
        /// configuration still holds this same key: an engineer who re-provisions fresh keys is not overridden.
        /// </summary>
        public byte[] ProvisionedKey;

        /// <summary>
        /// The HMAC-SHA256 of <paramref name="body"/> under this issuer's key, by the static one-shot
        /// <c>HMACSHA256.HashData</c>: no HMAC instance is kept, and the only allocation is the result. An instance's
        /// <c>ComputeHash</c> stores each new hash in the instance (desktop <c>HashAlgorithm.HashValue</c>; nanoFramework
        /// keeps it and returns a clone, two arrays per call), i.e. a new object in an old one per command;
        /// nanoFramework's <c>HashData</c> hands the key and data to the native HMAC and neither keeps nor clears the key
        /// (nanoframework/System.Security.Cryptography 8678a30, HMACSHA256.cs).
        /// </summary>
        public byte[] Mac(byte[] body)
        {
            return HMACSHA256.HashData(_key, body);
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
