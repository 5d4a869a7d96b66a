namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Strict, allocation-free pull reader for UTF-8 JSON (RFC 8259) in a byte range, for command payloads.
    /// <para>
    /// Grammar: no comments, trailing commas, single quotes, NaN/Infinity or leading zeros; whitespace is
    /// space, tab, CR, LF; strings must be valid UTF-8 without raw control characters, and <c>\u</c> escapes
    /// must not leave a surrogate unpaired. Errors never throw: <see cref="Read"/> returns false and
    /// <see cref="Error"/>/<see cref="ErrorPosition"/> say what and where; every error is final.
    /// A document is valid when <see cref="Read"/> has returned false with <see cref="Error"/> None.
    /// </para>
    /// <para>Worked examples (token, Depth):</para>
    /// <code>
    /// {"a":[1,true]}    StartObject 0, PropertyName "a" 1, StartArray 1, Number 1 2, True 2, EndArray 1, EndObject 0, end
    /// "x"               String "x" 0, end
    /// [1,]              StartArray, Number 1, UnexpectedCharacter at 3 (the ])
    /// {"a":01}          StartObject, PropertyName, InvalidNumber at 6 (the 1)
    /// {} x              StartObject, EndObject, TrailingData at 3
    /// [[1]] maxDepth 1  StartArray, TooDeep at 1
    /// (empty)           UnexpectedEnd at offset + count
    /// </code>
    /// <para>
    /// Positions are indexes into the whole buffer (not relative to offset). For String and PropertyName,
    /// TokenStart/TokenLength cover the raw bytes between the quotes, escapes left as written (<c>"a\n"</c>
    /// → TokenLength 3); for other tokens the token's own bytes (a bracket is 1 byte). Nesting is tracked in a
    /// 64-bit stack, so depth is limited to 64 and nothing recurses.
    /// </para>
    /// </summary>
    public sealed partial class JsonReader
    {
        /// <summary>The deepest nesting any reader supports.</summary>
        public const int MaxSupportedDepth = 64;

        private readonly int _maxDepth;
        private byte[] _buffer;
        private int _end;
        private int _pos;
        private int _depth;
        private ulong _objects; // bit d - 1 set: the container at depth d is an object
        private bool _done;
        private JsonTokenType _tokenType;
        private int _tokenStart;
        private int _tokenLength;
        private int _chars;
        private bool _escaped;
        private bool _integer;
        private JsonError _error;
        private int _errorPosition;

        /// <summary>
        /// A reader over <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>,
        /// allowing <paramref name="maxDepth"/> nested containers (clamped to 0..64; 0 allows a scalar only).
        /// An invalid range gives a reader whose first Read fails with InvalidArgument.
        /// </summary>
        public JsonReader(byte[] buffer, int offset, int count, int maxDepth)
        {
            _maxDepth = maxDepth < 0 ? 0 : maxDepth > MaxSupportedDepth ? MaxSupportedDepth : maxDepth;
            Reset(buffer, offset, count);
        }

        /// <summary>A reusable reader with no input yet; give it a payload with <see cref="Reset"/>.</summary>
        public JsonReader(int maxDepth)
            : this(new byte[0], 0, 0, maxDepth)
        {
        }

        /// <summary>Starts over on a new payload without allocating (one reader per MQTT session).</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            _depth = 0;
            _objects = 0;
            _done = false;
            _tokenType = JsonTokenType.None;
            _tokenStart = 0;
            _tokenLength = 0;
            _error = JsonError.None;
            _errorPosition = 0;
            if (!Hex.IsRange(buffer, offset, count))
            {
                _buffer = null;
                _pos = 0;
                _end = 0;
                _error = JsonError.InvalidArgument;
                return;
            }

            _buffer = buffer;
            _pos = offset;
            _end = offset + count;
        }

        /// <summary>
        /// Forgets the input, so a reader kept for the next message does not keep this payload alive (and readable) until
        /// then; reads afterwards end at once, as at the end of the input.
        /// </summary>
        public void Release()
        {
            _buffer = null;
            _pos = 0;
            _end = 0;
            _depth = 0;
            _objects = 0;
            _done = true;
            _tokenType = JsonTokenType.None;
            _tokenStart = 0;
            _tokenLength = 0;
        }

        /// <summary>The current token (None before the first Read, at the end and after an error).</summary>
        public JsonTokenType TokenType
        {
            get { return _tokenType; }
        }

        /// <summary>Why reading stopped, or None.</summary>
        public JsonError Error
        {
            get { return _error; }
        }

        /// <summary>Buffer index of the offending byte (offset + count for UnexpectedEnd); 0 without error.</summary>
        public int ErrorPosition
        {
            get { return _errorPosition; }
        }

        /// <summary>Nesting of the current token: 0 for the top-level value and its brackets, 1 inside it, ...</summary>
        public int Depth
        {
            get { return _tokenType == JsonTokenType.StartObject || _tokenType == JsonTokenType.StartArray ? _depth - 1 : _depth; }
        }

        /// <summary>Buffer index of the current token (for strings: the byte after the opening quote).</summary>
        public int TokenStart
        {
            get { return _tokenStart; }
        }

        /// <summary>Byte length of the current token (for strings: without the quotes, escapes undecoded).</summary>
        public int TokenLength
        {
            get { return _tokenLength; }
        }

        /// <summary>
        /// True when the current String or PropertyName contains escapes, i.e. its raw bytes (TokenStart,
        /// TokenLength) differ from its value; unescaped ASCII bytes can be used in place (e.g. Hex.TryDecode).
        /// </summary>
        public bool ValueIsEscaped
        {
            get { return _escaped && IsText; }
        }

        /// <summary>The buffer being read (what TokenStart and the spans index into).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        private bool IsText
        {
            get { return _tokenType == JsonTokenType.String || _tokenType == JsonTokenType.PropertyName; }
        }

        private bool InObject
        {
            get { return _depth > 0 && ((_objects >> (_depth - 1)) & 1UL) != 0; }
        }

        /// <summary>Advances to the next token; false at the end of the document (Error None) or on an error.</summary>
        public bool Read()
        {
            if (_error != JsonError.None || _done)
            {
                return false;
            }

            int p = SkipWhitespace(_pos);
            switch (_tokenType)
            {
                case JsonTokenType.None:
                    return ReadValue(p);
                case JsonTokenType.StartObject:
                    return p < _end && _buffer[p] == '}' ? Close(p, JsonTokenType.EndObject) : ReadPropertyName(p);
                case JsonTokenType.StartArray:
                    return p < _end && _buffer[p] == ']' ? Close(p, JsonTokenType.EndArray) : ReadValue(p);
                case JsonTokenType.PropertyName:
                    if (p >= _end)
                    {
                        return Fail(JsonError.UnexpectedEnd, _end);
                    }

                    return _buffer[p] == ':' ? ReadValue(SkipWhitespace(p + 1)) : Fail(JsonError.UnexpectedCharacter, p);
                default:
                    return ReadAfterValue(p);
            }
        }

        // After a complete value: the end of the document, a comma, or the close of the open container.
        private bool ReadAfterValue(int p)
        {
            if (_depth == 0)
            {
                if (p < _end)
                {
                    return Fail(JsonError.TrailingData, p);
                }

                _done = true;
                _pos = p;
                _tokenType = JsonTokenType.None;
                return false;
            }

            if (p >= _end)
            {
                return Fail(JsonError.UnexpectedEnd, _end);
            }

            int c = _buffer[p];
            bool inObject = InObject;
            if (c == ',')
            {
                p = SkipWhitespace(p + 1);
                return inObject ? ReadPropertyName(p) : ReadValue(p);
            }

            if (c == (inObject ? '}' : ']'))
            {
                return Close(p, inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
            }

            return Fail(JsonError.UnexpectedCharacter, p);
        }

        private bool ReadPropertyName(int p)
        {
            if (p >= _end)
            {
                return Fail(JsonError.UnexpectedEnd, _end);
            }

            return _buffer[p] == '"' ? ReadString(p, JsonTokenType.PropertyName) : Fail(JsonError.UnexpectedCharacter, p);
        }

        private bool ReadValue(int p)
        {
            if (p >= _end)
            {
                return Fail(JsonError.UnexpectedEnd, _end);
            }

            int c = _buffer[p];
            switch (c)
            {
                case '{':
                    return Open(p, true);
                case '[':
                    return Open(p, false);
                case '"':
                    return ReadString(p, JsonTokenType.String);
                case 't':
                    return ReadLiteral(p, "true", JsonTokenType.True);
                case 'f':
                    return ReadLiteral(p, "false", JsonTokenType.False);
                case 'n':
                    return ReadLiteral(p, "null", JsonTokenType.Null);
            }

            if (c == '-' || JsonNumber.IsDigit(c))
            {
                int next;
                int errorPos;
                JsonError e = JsonNumber.Scan(_buffer, p, _end, out next, out _integer, out errorPos);
                return e != JsonError.None ? Fail(e, errorPos) : Token(JsonTokenType.Number, p, next - p, next);
            }

            return Fail(JsonError.UnexpectedCharacter, p);
        }

        private bool ReadString(int quote, JsonTokenType type)
        {
            int close;
            int errorPos;
            JsonError e = JsonScanner.ScanString(_buffer, quote + 1, _end, out close, out _chars, out _escaped, out errorPos);
            return e != JsonError.None ? Fail(e, errorPos) : Token(type, quote + 1, close - quote - 1, close + 1);
        }

        private bool ReadLiteral(int p, string literal, JsonTokenType type)
        {
            for (int i = 1; i < literal.Length; i++)
            {
                if (p + i >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, _end);
                }

                if (_buffer[p + i] != literal[i])
                {
                    return Fail(JsonError.UnexpectedCharacter, p + i);
                }
            }

            return Token(type, p, literal.Length, p + literal.Length);
        }

        private bool Open(int p, bool isObject)
        {
            if (_depth >= _maxDepth)
            {
                return Fail(JsonError.TooDeep, p);
            }

            ulong bit = 1UL << _depth;
            _objects = isObject ? _objects | bit : _objects & ~bit;
            _depth++;
            return Token(isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray, p, 1, p + 1);
        }

        private bool Close(int p, JsonTokenType type)
        {
            _depth--;
            return Token(type, p, 1, p + 1);
        }

        private bool Token(JsonTokenType type, int start, int length, int next)
        {
            _tokenType = type;
            _tokenStart = start;
            _tokenLength = length;
            _pos = next;
            return true;
        }

        private bool Fail(JsonError error, int position)
        {
            _error = error;
            _errorPosition = position;
            _tokenType = JsonTokenType.None;
            return false;
        }

        private int SkipWhitespace(int p)
        {
            while (p < _end)
            {
                int c = _buffer[p];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    break;
                }

                p++;
            }

            return p;
        }
    }
}
