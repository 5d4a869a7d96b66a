namespace CommuneRadio.Core.Json
{
    /// <summary>Skipping values, raw value spans, and typed access to the current token.</summary>
    public sealed partial class JsonReader
    {
        /// <summary>
        /// Skips the current value: from a PropertyName its value, from StartObject/StartArray everything up to
        /// the matching end, which becomes the current token; on a scalar or an end token it does nothing.
        /// False on None or when the skipped bytes hold an error.
        /// </summary>
        public bool TrySkip()
        {
            if (_tokenType == JsonTokenType.PropertyName && !Read())
            {
                return false;
            }

            if (_tokenType == JsonTokenType.None)
            {
                return false;
            }

            if (_tokenType == JsonTokenType.StartObject || _tokenType == JsonTokenType.StartArray)
            {
                int outer = _depth - 1;
                while (_depth > outer)
                {
                    if (!Read())
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Skips the value at the current token (or after the current PropertyName) and gives its exact raw bytes
        /// in <see cref="Buffer"/>: a string with its quotes, an object or array from bracket to bracket with the
        /// whitespace inside as received. Example: in <c>{"body": { "a" : 1 } ,"sig":"..."}</c> on PropertyName
        /// "body" → the 11 bytes <c>{ "a" : 1 }</c>. This is what an HMAC over received bytes must cover.
        /// False on an end token, None or an error.
        /// </summary>
        public bool TryGetValueSpan(out int start, out int length)
        {
            start = 0;
            length = 0;
            if (_tokenType == JsonTokenType.PropertyName && !Read())
            {
                return false;
            }

            int first = _tokenType == JsonTokenType.String ? _tokenStart - 1 : _tokenStart;
            switch (_tokenType)
            {
                case JsonTokenType.String:
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    break;
                default:
                    return false;
            }

            if (!TrySkip())
            {
                return false;
            }

            start = first;
            length = _pos - first;
            return true;
        }

        /// <summary>
        /// True when the current String or PropertyName, with its escapes decoded, equals <paramref name="text"/>
        /// (ordinal, any Unicode), without allocating. Example: the name <c>"c\u006fde"</c> equals "code".
        /// </summary>
        public bool ValueEquals(string text)
        {
            return IsText && JsonText.Equals(_buffer, _tokenStart, _tokenStart + _tokenLength, _chars, text);
        }

        /// <summary>
        /// Decodes the current String or PropertyName (escapes, surrogate pairs, UTF-8) into a new string, if it
        /// is at most <paramref name="maxChars"/> UTF-16 units long; the length is known before anything is allocated.
        /// </summary>
        public bool TryGetString(int maxChars, out string value)
        {
            value = null;
            if (!IsText || _chars > maxChars)
            {
                return false;
            }

            value = JsonText.Decode(_buffer, _tokenStart, _tokenStart + _tokenLength, _chars);
            return true;
        }

        /// <summary>
        /// The current Number as a 64-bit integer. False for fractions and exponents (<c>1.0</c>, <c>1e3</c>)
        /// and outside -9223372036854775808..9223372036854775807. <c>-0</c> is 0.
        /// </summary>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            return _tokenType == JsonTokenType.Number && _integer && JsonNumber.TryParseInt64(_buffer, _tokenStart, _tokenStart + _tokenLength, out value);
        }

        /// <summary>The current Number as a 32-bit integer; false when it is not an integer or out of range.</summary>
        public bool TryGetInt32(out int value)
        {
            long v;
            value = 0;
            if (!TryGetInt64(out v) || v < int.MinValue || v > int.MaxValue)
            {
                return false;
            }

            value = (int)v;
            return true;
        }

        /// <summary>The current True or False token as a bool; false for any other token.</summary>
        public bool TryGetBoolean(out bool value)
        {
            value = _tokenType == JsonTokenType.True;
            return _tokenType == JsonTokenType.True || _tokenType == JsonTokenType.False;
        }
    }
}
