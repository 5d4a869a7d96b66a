using System;
using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// Deterministic generator of hostile command payloads for fuzz tests. Randomness is a 32-bit LCG
    /// (Numerical Recipes constants), re-seeded per payload so a failure names the one seed that rebuilds it.
    /// <para>Mutations of a valid payload: truncation, bit flips, byte insertions, deletions and overwrites,
    /// a repeated chunk, a duplicated member, a value replaced by a huge number or a hostile fragment
    /// (<see cref="HostileJson"/>).</para>
    /// Portable: no generics, no System.Random.
    /// </summary>
    public sealed class PayloadFuzzer
    {
        /// <summary>Bytes that mean something to a JSON reader or a UTF-8 decoder.</summary>
        public static readonly byte[] Interesting = Concat(Ascii(" \t\n\r\"\\{}[]:,09-+eE.utfn/"), new byte[] { 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF });

        private uint _state;

        /// <summary>Starts the sequence of one payload.</summary>
        public void Seed(uint seed)
        {
            _state = seed ^ 0x5DEECE66u;
            Next(2);
        }

        /// <summary>A number in 0…n-1 (n ≥ 1, up to 2^24).</summary>
        public int Next(int n)
        {
            _state = unchecked(_state * 1664525u + 1013904223u);
            return (int)((_state >> 8) % (uint)n);
        }

        /// <summary>Applies one to three random mutations.</summary>
        public byte[] Mutate(byte[] p)
        {
            int rounds = 1 + Next(3);
            for (int i = 0; i < rounds; i++)
            {
                p = MutateOnce(p);
            }

            return p;
        }

        /// <summary>Payload bytes of random length 0…max, sometimes behind a plausible envelope start.</summary>
        public byte[] RandomBytes(int max)
        {
            byte[] b = new byte[Next(max + 1)];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = Next(4) == 0 ? Interesting[Next(Interesting.Length)] : (byte)Next(256);
            }

            if (Next(3) == 0)
            {
                return Concat(Ascii(Next(2) == 0 ? "{\"body\":{\"v\":1," : "{\"sig\":\""), b);
            }

            return b;
        }

        /// <summary>
        /// Replaces the value after a random colon of <paramref name="p"/> with <paramref name="value"/>;
        /// <paramref name="p"/> unchanged when it has no colon.
        /// </summary>
        public byte[] ReplaceValue(byte[] p, byte[] value)
        {
            int colon = RandomIndexOf(p, (byte)':');
            if (colon < 0)
            {
                return p;
            }

            int end = ValueEnd(p, colon + 1);
            return Splice(p, colon + 1, end - colon - 1, value);
        }

        /// <summary>Signs <paramref name="body"/> (any bytes) with <paramref name="key"/> and wraps it, sometimes sig first.</summary>
        public byte[] Wrap(byte[] body, byte[] key)
        {
            byte[] sig = Ascii("\"" + Hex.ToHex(Signature.Compute(key, body, 0, body.Length)) + "\"");
            if (Next(4) == 0)
            {
                return Concat(Concat(Concat(Ascii("{\"sig\":"), sig), Concat(Ascii(",\"body\":"), body)), Ascii("}"));
            }

            return Concat(Concat(Concat(Ascii("{\"body\":"), body), Concat(Ascii(",\"sig\":"), sig)), Ascii("}"));
        }

        /// <summary>Lowercase hex of at most <paramref name="max"/> leading bytes, for assertion messages.</summary>
        public static string HexHead(byte[] p, int max)
        {
            int n = p.Length < max ? p.Length : max;
            return Hex.ToHex(p, 0, n) + (n < p.Length ? "… (" + p.Length + " bytes)" : " (" + p.Length + " bytes)");
        }

        /// <summary>The bytes of an ASCII string.</summary>
        public static byte[] Ascii(string s)
        {
            return Encoding.UTF8.GetBytes(s);
        }

        /// <summary>Two arrays one after the other.</summary>
        public static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] r = new byte[a.Length + b.Length];
            Array.Copy(a, 0, r, 0, a.Length);
            Array.Copy(b, 0, r, a.Length, b.Length);
            return r;
        }

        private byte[] MutateOnce(byte[] p)
        {
            int at = p.Length == 0 ? 0 : Next(p.Length);
            switch (Next(10))
            {
                case 0:
                    return Splice(p, at, p.Length - at, new byte[0]);
                case 1:
                    byte[] f = Copy(p);
                    for (int i = Next(8); i >= 0 && f.Length > 0; i--)
                    {
                        f[Next(f.Length)] ^= (byte)(1 << Next(8));
                    }

                    return f;
                case 2:
                    byte[] ins = new byte[1 + Next(8)];
                    for (int i = 0; i < ins.Length; i++)
                    {
                        ins[i] = Next(2) == 0 ? Interesting[Next(Interesting.Length)] : (byte)Next(256);
                    }

                    return Splice(p, at, 0, ins);
                case 3:
                    return Splice(p, at, Min(1 + Next(16), p.Length - at), new byte[0]);
                case 4:
                    return DuplicateMember(p);
                case 5:
                    return ReplaceValue(p, HostileJson.Number(this));
                case 6:
                    return Next(2) == 0 ? ReplaceValue(p, HostileJson.Fragment(this)) : Splice(p, at, 0, HostileJson.Fragment(this));
                case 7:
                    byte[] o = Copy(p);
                    for (int i = at; i < o.Length && i < at + 1 + Next(4); i++)
                    {
                        o[i] = Interesting[Next(Interesting.Length)];
                    }

                    return o;
                case 8:
                    int length = Min(1 + Next(64), p.Length - at);
                    byte[] chunk = new byte[length];
                    Array.Copy(p, at, chunk, 0, length);
                    return Splice(p, p.Length == 0 ? 0 : Next(p.Length + 1), 0, chunk);
                default:
                    // Whitespace where JSON allows it keeps the payload well-formed (and, outside the body, signed).
                    int brace = RandomIndexOf(p, Next(2) == 0 ? (byte)',' : (byte)'{');
                    return brace < 0 ? p : Splice(p, brace + 1, 0, Ascii(Next(2) == 0 ? " " : "\r\n\t"));
            }
        }

        // A random member "name":value (after '{' or ',') is repeated right after itself.
        private byte[] DuplicateMember(byte[] p)
        {
            int start = -1;
            int seen = 0;
            for (int i = 1; i < p.Length; i++)
            {
                if (p[i] == '"' && (p[i - 1] == '{' || p[i - 1] == ',') && Next(++seen) == 0)
                {
                    start = i;
                }
            }

            if (start < 0)
            {
                return p;
            }

            int colon = start + 1;
            while (colon < p.Length && p[colon] != ':')
            {
                colon++;
            }

            int end = ValueEnd(p, colon + 1);
            byte[] member = new byte[end - start + 1];
            member[0] = (byte)',';
            Array.Copy(p, start, member, 1, end - start);
            return Splice(p, end, 0, member);
        }

        // End of the value starting at 'from': the matching bracket of a container, else the next , } or ]
        // outside a string. Naive about escapes on purpose: a wrong end only makes the mutation nastier.
        private static int ValueEnd(byte[] p, int from)
        {
            int depth = 0;
            bool inString = false;
            for (int i = from; i < p.Length; i++)
            {
                byte c = p[i];
                if (c == '"')
                {
                    inString = !inString;
                }
                else if (!inString && (c == '{' || c == '['))
                {
                    depth++;
                }
                else if (!inString && (c == '}' || c == ']' || c == ','))
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    if (c != ',' && --depth == 0)
                    {
                        return i + 1;
                    }
                }
            }

            return p.Length;
        }

        private int RandomIndexOf(byte[] p, byte c)
        {
            int found = -1;
            int seen = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] == c && Next(++seen) == 0)
                {
                    found = i;
                }
            }

            return found;
        }

        private static byte[] Splice(byte[] p, int at, int remove, byte[] insert)
        {
            byte[] r = new byte[p.Length - remove + insert.Length];
            Array.Copy(p, 0, r, 0, at);
            Array.Copy(insert, 0, r, at, insert.Length);
            Array.Copy(p, at + remove, r, at + insert.Length, p.Length - at - remove);
            return r;
        }

        private static byte[] Copy(byte[] p)
        {
            byte[] r = new byte[p.Length];
            Array.Copy(p, r, p.Length);
            return r;
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
