using System.Text;
using CommuneRadio.Core.Json;

namespace CommuneRadio.Tests.Core.Json
{
    /// <summary>
    /// Test inputs and a readable trace of what a <see cref="JsonReader"/> produced. Portable (no generics,
    /// and enum names are spelled out because nanoFramework's Enum.ToString gives the number).
    /// </summary>
    internal static class JsonBytes
    {
        /// <summary>One byte per char (each must be below 0x100): "\u00C0\u0080" gives the raw bytes C0 80.</summary>
        public static byte[] Raw(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                b[i] = (byte)s[i];
            }

            return b;
        }

        /// <summary>The UTF-8 encoding of real text.</summary>
        public static byte[] Utf8(string s)
        {
            return Encoding.UTF8.GetBytes(s);
        }

        /// <summary>Bytes [start, start + length) as one char per byte (ASCII text comes out as itself).</summary>
        public static string Text(byte[] b, int start, int length)
        {
            char[] c = new char[length];
            for (int i = 0; i < length; i++)
            {
                c[i] = (char)b[start + i];
            }

            return new string(c);
        }

        /// <summary>
        /// Reads a whole document: <c>{"a":[1,true]}</c> → <c>{ a: [ 1 true ] }</c>; strings are quoted,
        /// names end in a colon, and an error is appended as <c>!Name@position</c>.
        /// </summary>
        public static string Trace(byte[] json, int maxDepth)
        {
            return Trace(new JsonReader(json, 0, json.Length, maxDepth));
        }

        /// <summary>Trace of an ASCII document with depth limit 16.</summary>
        public static string Trace(string json)
        {
            return Trace(Raw(json), 16);
        }

        /// <summary>Reads the rest of the document from <paramref name="r"/> and describes it.</summary>
        public static string Trace(JsonReader r)
        {
            string s = string.Empty;
            while (r.Read())
            {
                s += (s.Length == 0 ? string.Empty : " ") + Token(r);
            }

            if (r.Error != JsonError.None)
            {
                s += (s.Length == 0 ? "!" : " !") + ErrorName(r.Error) + "@" + r.ErrorPosition.ToString();
            }

            return s;
        }

        /// <summary>The current token as it appears in a trace.</summary>
        public static string Token(JsonReader r)
        {
            string text;
            switch (r.TokenType)
            {
                case JsonTokenType.StartObject: return "{";
                case JsonTokenType.EndObject: return "}";
                case JsonTokenType.StartArray: return "[";
                case JsonTokenType.EndArray: return "]";
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.Null: return "null";
                case JsonTokenType.Number: return Text(r.Buffer, r.TokenStart, r.TokenLength);
                case JsonTokenType.PropertyName:
                    return r.TryGetString(1000, out text) ? text + ":" : "?:";
                case JsonTokenType.String:
                    return r.TryGetString(1000, out text) ? "\"" + text + "\"" : "\"?\"";
                default:
                    return "none";
            }
        }

        /// <summary>The enum member's name.</summary>
        public static string ErrorName(JsonError e)
        {
            switch (e)
            {
                case JsonError.None: return "None";
                case JsonError.UnexpectedEnd: return "UnexpectedEnd";
                case JsonError.UnexpectedCharacter: return "UnexpectedCharacter";
                case JsonError.InvalidString: return "InvalidString";
                case JsonError.InvalidEscape: return "InvalidEscape";
                case JsonError.InvalidUtf8: return "InvalidUtf8";
                case JsonError.InvalidNumber: return "InvalidNumber";
                case JsonError.TooDeep: return "TooDeep";
                case JsonError.TrailingData: return "TrailingData";
                case JsonError.InvalidArgument: return "InvalidArgument";
                default: return "Error" + ((int)e).ToString();
            }
        }
    }
}
