using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Persistence
{
    /// <summary>
    /// Binary form of the keyring record "keys" (format 2), replay counters included so that replay protection
    /// survives a reboot without a valid clock:
    /// <code>
    /// i32 count, then per issuer: str name, u8 level, 32 bytes key, 32 bytes provisioned key, u8 scopeCount,
    ///   str scope…, bool emergency, u8 counterCount, i64 counter… (ascending)
    /// </code>
    /// </summary>
    public static class KeyringCodec
    {
        /// <summary>Record format version.</summary>
        public const int Format = 2;

        /// <summary>Writes the keyring, replacing one issuer's key when <paramref name="rotateIssuer"/> is given.</summary>
        public static void Encode(Keyring keys, string rotateIssuer, byte[] rotateKey, RecordWriter w)
        {
            w.WriteInt32(keys.Count);
            for (int i = 0; i < keys.Count; i++)
            {
                IssuerKey k = keys.At(i);
                w.WriteString(k.Issuer);
                w.WriteByte((int)k.Level);
                byte[] key = rotateIssuer != null && k.Issuer == rotateIssuer ? rotateKey : k.Key;
                w.WriteBytes(key, 0, 32);
                w.WriteBytes(k.ProvisionedKey, 0, 32);
                w.WriteByte(k.Scopes.Length);
                for (int s = 0; s < k.Scopes.Length; s++)
                {
                    w.WriteString(k.Scopes[s]);
                }

                w.WriteBool(k.MayEmergency);
                w.WriteByte(k.Counters.Count);
                for (int c = 0; c < k.Counters.Count; c++)
                {
                    w.WriteInt64(k.Counters.At(c));
                }
            }
        }

        /// <summary>Reads a keyring; null when the record is invalid.</summary>
        public static Keyring Decode(RecordReader r)
        {
            int count = r.ReadInt32();
            if (r.Failed || count < 0 || count > Keyring.Capacity)
            {
                return null;
            }

            Keyring keys = new Keyring();
            for (int i = 0; i < count && !r.Failed; i++)
            {
                string name = r.ReadString(192);
                IssuerLevel level = (IssuerLevel)r.ReadByte();
                byte[] key = r.ReadBytes(32);
                byte[] provisioned = r.ReadBytes(32);
                int scopeCount = r.ReadByte();
                string[] scopes = new string[scopeCount];
                for (int s = 0; s < scopeCount; s++)
                {
                    scopes[s] = r.ReadString(256);
                }

                bool emergency = r.ReadBool();
                if (name == null || level < IssuerLevel.Station || level > IssuerLevel.National)
                {
                    r.Fail();
                    return null;
                }

                IssuerKey k = new IssuerKey(name, level, key, scopes, emergency);
                k.ProvisionedKey = provisioned;
                int counters = r.ReadByte();
                for (int c = 0; c < counters && c < ReplayWindow.Size; c++)
                {
                    k.Counters.Record(r.ReadInt64());
                }

                keys.Put(k);
            }

            return r.Failed || !r.AtEnd ? null : keys;
        }
    }
}
