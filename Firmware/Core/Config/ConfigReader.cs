using CommuneRadio.Core.Json;

namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// Typed, error-collecting reads over a <see cref="JsonReader"/> for <see cref="ConfigParser"/>. Each Read…
    /// method consumes exactly one value (skipping a container of the wrong type), records a field-level error
    /// when the value does not fit, and returns whether the out value is usable; parsing then goes on with the next
    /// member, so one run reports every problem. A JSON syntax error is final: it is recorded once as
    /// <c>malformed-json</c> and every later read fails.
    /// </summary>
    internal sealed class ConfigReader
    {
        private readonly JsonReader _r;
        private readonly ConfigErrors _errors;
        private bool _hold;

        internal ConfigReader(byte[] data, int count, ConfigErrors errors)
        {
            _r = new JsonReader(data, 0, count, 8);
            _errors = errors;
        }

        /// <summary>True once the JSON itself is broken.</summary>
        internal bool Broken { get; private set; }

        internal JsonReader Json
        {
            get { return _r; }
        }

        /// <summary>Reads the next token; false (and the error recorded once) on broken JSON.</summary>
        internal bool Next()
        {
            if (_hold)
            {
                // An array element read by NextElement: the value readers consume it as their value.
                _hold = false;
                return true;
            }

            if (_r.Read())
            {
                return true;
            }

            if (_r.Error != JsonError.None && !Broken)
            {
                Broken = true;
                _errors.Add("$@" + _r.ErrorPosition.ToString(), ConfigReasons.Malformed);
            }

            return false;
        }

        /// <summary>Moves to the next member of the current object: true on a PropertyName, false at its end.</summary>
        internal bool NextMember()
        {
            return Next() && _r.TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>Reads the start of an object value; on another type records wrong-type and skips it.</summary>
        internal bool ReadObjectStart(string field)
        {
            return ReadStart(field, JsonTokenType.StartObject);
        }

        /// <summary>Reads the start of an array value; on another type records wrong-type and skips it.</summary>
        internal bool ReadArrayStart(string field)
        {
            return ReadStart(field, JsonTokenType.StartArray);
        }

        /// <summary>
        /// Inside an array: true when there is another element. The element is held, so the next Read… call or
        /// <see cref="SkipValue"/> consumes it as the value.
        /// </summary>
        internal bool NextElement()
        {
            if (!Next() || _r.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            _hold = true;
            return true;
        }

        /// <summary>Skips the value after the current PropertyName, or the held element.</summary>
        internal void SkipValue()
        {
            _hold = false;
            if (!_r.TrySkip())
            {
                Next();
            }
        }

        /// <summary>Records an error.</summary>
        internal void Error(string field, string reason)
        {
            _errors.Add(field, reason);
        }

        /// <summary>The current PropertyName as a bounded string (for unknown-field paths).</summary>
        internal string Name()
        {
            string name;
            return _r.TryGetString(48, out name) ? name : "?";
        }

        /// <summary>Reads a string of at most <paramref name="maxChars"/> characters (escapes decoded).</summary>
        internal bool ReadString(string field, int maxChars, out string value)
        {
            value = null;
            if (!ReadStart(field, JsonTokenType.String))
            {
                return false;
            }

            if (!_r.TryGetString(maxChars, out value))
            {
                Error(field, ConfigReasons.TooLong);
                return false;
            }

            return true;
        }

        /// <summary>Reads a token: 1…max characters of A–Z a–z 0–9 . _ - : (and / when <paramref name="slash"/>).</summary>
        internal bool ReadToken(string field, int max, bool slash, out string value)
        {
            if (!ReadString(field, max, out value))
            {
                return false;
            }

            if (!IsToken(value, slash))
            {
                Error(field, ConfigReasons.InvalidToken);
                value = null;
                return false;
            }

            return true;
        }

        /// <summary>Reads an integer within [min, max].</summary>
        internal bool ReadInt(string field, int min, int max, out int value)
        {
            value = 0;
            if (!ReadStart(field, JsonTokenType.Number))
            {
                return false;
            }

            long v;
            if (!_r.TryGetInt64(out v) || v < min || v > max)
            {
                Error(field, ConfigReasons.OutOfRange);
                return false;
            }

            value = (int)v;
            return true;
        }

        /// <summary>Reads a number (integer or fraction) within [min, max].</summary>
        internal bool ReadDouble(string field, double min, double max, out double value)
        {
            value = 0;
            if (!ReadStart(field, JsonTokenType.Number))
            {
                return false;
            }

            if (!ConfigNumber.TryParse(_r.Buffer, _r.TokenStart, _r.TokenLength, out value) || value < min || value > max)
            {
                Error(field, ConfigReasons.OutOfRange);
                return false;
            }

            return true;
        }

        /// <summary>Reads true or false.</summary>
        internal bool ReadBool(string field, out bool value)
        {
            value = false;
            if (!Next())
            {
                return false;
            }

            if (!_r.TryGetBoolean(out value))
            {
                WrongType(field);
                return false;
            }

            return true;
        }

        /// <summary>True for 1+ characters of A–Z a–z 0–9 . _ - : (and / when <paramref name="slash"/>).</summary>
        internal static bool IsToken(string s, bool slash)
        {
            if (s == null || s.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == ':' || (slash && c == '/');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        // The next value, which must be of the given type (a scalar, or the start of an object or array).
        private bool ReadStart(string field, JsonTokenType type)
        {
            if (!Next())
            {
                return false;
            }

            if (_r.TokenType != type)
            {
                WrongType(field);
                return false;
            }

            return true;
        }

        private void WrongType(string field)
        {
            Error(field, ConfigReasons.WrongType);
            if (_r.TokenType == JsonTokenType.StartObject || _r.TokenType == JsonTokenType.StartArray)
            {
                _r.TrySkip();
            }
        }
    }
}
