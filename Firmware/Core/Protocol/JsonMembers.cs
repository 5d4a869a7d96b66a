using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Helpers for reading the members of one JSON object with <see cref="JsonReader"/>: which known name is
    /// current, duplicates, unknown members, and small typed values read straight from the buffer.
    /// </summary>
    public static class JsonMembers
    {
        /// <summary>
        /// Advances to the next member of the object being read. True on a PropertyName; false at the end of
        /// the object (<paramref name="problem"/> stays accepted) or on a JSON error (<paramref name="problem"/>
        /// is <c>malformed</c>).
        /// </summary>
        public static bool Next(JsonReader r, ref CommandResult problem)
        {
            if (!r.Read())
            {
                problem = CommandResult.Refuse(RefusalReason.Malformed, null);
                return false;
            }

            return r.TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>
        /// Index of the current property name in <paramref name="names"/>, or -1. Marks it in
        /// <paramref name="seen"/>; a second occurrence sets <paramref name="duplicate"/>.
        /// </summary>
        public static int Which(JsonReader r, string[] names, ref int seen, out bool duplicate)
        {
            duplicate = false;
            for (int i = 0; i < names.Length; i++)
            {
                if (r.ValueEquals(names[i]))
                {
                    int bit = 1 << i;
                    duplicate = (seen & bit) != 0;
                    seen |= bit;
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The refusal for an unknown member: its (bounded) name as the field, or "?" if unreadable.</summary>
        public static CommandResult Unknown(JsonReader r, string prefix)
        {
            string name;
            return CommandResult.Refuse(RefusalReason.UnknownField, r.TryGetString(48, out name) ? prefix + name : prefix + "?");
        }

        /// <summary>Reads the value after a PropertyName as a 64-bit integer.</summary>
        public static bool ReadInt64(JsonReader r, out long value)
        {
            value = 0;
            return r.Read() && r.TokenType == JsonTokenType.Number && r.TryGetInt64(out value);
        }

        /// <summary>Reads the value after a PropertyName as a 32-bit integer within [min, max].</summary>
        public static bool ReadInt32(JsonReader r, int min, int max, out int value)
        {
            value = 0;
            return r.Read() && r.TokenType == JsonTokenType.Number && r.TryGetInt32(out value) && value >= min && value <= max;
        }

        /// <summary>Reads the value after a PropertyName as a token string (1…max characters of [A-Za-z0-9._:-/]).</summary>
        public static bool ReadToken(JsonReader r, int max, out string value)
        {
            value = null;
            int start;
            int length;
            return ReadTokenSpan(r, max, out start, out length) && r.TryGetString(max, out value);
        }

        /// <summary>
        /// Reads a token as <see cref="ReadToken"/> does, without making a string of it: where its characters are in the
        /// reader's buffer (they are ASCII and unescaped, one byte each).
        /// </summary>
        public static bool ReadTokenSpan(JsonReader r, int max, out int start, out int length)
        {
            start = 0;
            length = 0;
            if (!r.Read() || r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.TokenLength == 0 || r.TokenLength > max)
            {
                return false;
            }

            byte[] b = r.Buffer;
            for (int i = r.TokenStart; i < r.TokenStart + r.TokenLength; i++)
            {
                byte c = b[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':' || c == '/';
                if (!ok)
                {
                    return false;
                }
            }

            start = r.TokenStart;
            length = r.TokenLength;
            return true;
        }

        /// <summary>Reads a plain (unescaped) string value and gives its raw span; for dates, times and hex.</summary>
        public static bool ReadRaw(JsonReader r, out int start, out int length)
        {
            start = 0;
            length = 0;
            if (!r.Read() || r.TokenType != JsonTokenType.String || r.ValueIsEscaped)
            {
                return false;
            }

            start = r.TokenStart;
            length = r.TokenLength;
            return true;
        }

        /// <summary>Parses <paramref name="count"/> decimal digits at <paramref name="at"/>; -1 if any is not a digit.</summary>
        public static int Digits(byte[] b, int at, int count)
        {
            int v = 0;
            for (int i = at; i < at + count; i++)
            {
                if (b[i] < '0' || b[i] > '9')
                {
                    return -1;
                }

                v = v * 10 + (b[i] - '0');
            }

            return v;
        }
    }
}
