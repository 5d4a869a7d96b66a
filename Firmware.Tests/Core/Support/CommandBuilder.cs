using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// Builds signed command payloads for tests (docs/protocol.md §3): a body from its members, signed with
    /// HMAC-SHA256 over the exact body bytes, wrapped as {"body":…,"sig":"…"}.
    /// </summary>
    public sealed class CommandBuilder
    {
        public string Id = "c-1";
        public string Issuer = "com.ht.ab";
        public string To = "g/com.ht.ab";
        public long IssuedAt;
        public long Expires;
        public long Counter = 1;
        public string Cmd = "status";
        public string Args = "{}";
        public int Version = 1;
        public byte[] Key;

        public CommandBuilder(byte[] key, long nowUtcMs)
        {
            Key = key;
            IssuedAt = nowUtcMs / 1000;
            Expires = IssuedAt + 600;
        }

        /// <summary>The body exactly as it will be signed.</summary>
        public string Body()
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("{\"v\":").Append(Version);
            sb.Append(",\"id\":\"").Append(Id).Append('"');
            sb.Append(",\"iss\":\"").Append(Issuer).Append('"');
            sb.Append(",\"to\":\"").Append(To).Append('"');
            sb.Append(",\"iat\":").Append(IssuedAt);
            sb.Append(",\"exp\":").Append(Expires);
            sb.Append(",\"ctr\":").Append(Counter);
            sb.Append(",\"cmd\":\"").Append(Cmd).Append('"');
            sb.Append(",\"args\":").Append(Args).Append('}');
            return sb.ToString();
        }

        /// <summary>The signed payload.</summary>
        public byte[] Build()
        {
            return Wrap(Body(), Key);
        }

        /// <summary>Signs <paramref name="body"/> with <paramref name="key"/> and wraps it.</summary>
        public static byte[] Wrap(string body, byte[] key)
        {
            byte[] b = Encoding.UTF8.GetBytes(body);
            string sig = Hex.ToHex(Signature.Compute(key, b, 0, b.Length));
            return Encoding.UTF8.GetBytes("{\"body\":" + body + ",\"sig\":\"" + sig + "\"}");
        }

        /// <summary>A 32-byte key filled with one value (tests only).</summary>
        public static byte[] TestKey(byte fill)
        {
            byte[] k = new byte[32];
            for (int i = 0; i < k.Length; i++)
            {
                k[i] = (byte)(fill + i);
            }

            return k;
        }
    }
}
