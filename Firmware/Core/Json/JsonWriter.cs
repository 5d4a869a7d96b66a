namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Writes compact UTF-8 JSON into one buffer of fixed capacity, reused across messages with
    /// <see cref="Reset"/>. Commas are automatic; nothing throws and nothing is written past the capacity.
    /// <para>
    /// Example: StartObject, String("id","a\"b"), Number("n",-5), PropertyName("ok"), Boolean(true), EndObject
    /// → <c>{"id":"a\"b","n":-5,"ok":true}</c>. Strings escape <c>"</c> and <c>\</c> as <c>\"</c> <c>\\</c> and
    /// control characters as <c>\u00XX</c> (lowercase hex); other characters are written as UTF-8, a surrogate
    /// pair as one 4-byte sequence and a lone surrogate as U+FFFD (so the output is always valid UTF-8).
    /// </para>
    /// <para>
    /// A write that does not fit sets <see cref="Overflowed"/>, is undone (Length returns to where it was before
    /// that call) and every later write is ignored until Reset. A misuse — a value where a property name is due,
    /// a name in an array, an unmatched end, a second top-level value, more than 64 levels — sets
    /// <see cref="Invalid"/> the same way. Check both before sending.
    /// </para>
    /// </summary>
    public sealed partial class JsonWriter
    {
        /// <summary>The deepest nesting the writer supports.</summary>
        public const int MaxDepth = 64;

        private const string HexDigits = "0123456789abcdef";

        private readonly byte[] _buffer;
        private int _length;
        private int _mark;
        private int _depth;
        private ulong _objects; // bit d - 1 set: the container at depth d is an object
        private ulong _nonEmpty; // bit d - 1 set: the container at depth d already has a member
        private bool _afterName;
        private bool _rootWritten;
        private bool _overflowed;
        private bool _invalid;

        /// <summary>A writer whose output can never exceed <paramref name="capacity"/> bytes.</summary>
        public JsonWriter(int capacity)
        {
            _buffer = new byte[capacity < 0 ? 0 : capacity];
        }

        /// <summary>The output buffer; the document is its first <see cref="Length"/> bytes.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The fixed capacity in bytes.</summary>
        public int Capacity
        {
            get { return _buffer.Length; }
        }

        /// <summary>True once a write did not fit; the output is then incomplete.</summary>
        public bool Overflowed
        {
            get { return _overflowed; }
        }

        /// <summary>True once a write broke the JSON structure (see the class summary); the output is then incomplete.</summary>
        public bool Invalid
        {
            get { return _invalid; }
        }

        /// <summary>True when exactly one complete top-level value has been written without overflow or misuse.</summary>
        public bool IsComplete
        {
            get { return _rootWritten && _depth == 0 && !_overflowed && !_invalid; }
        }

        /// <summary>Empties the writer for the next message (the buffer is kept).</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _objects = 0;
            _nonEmpty = 0;
            _afterName = false;
            _rootWritten = false;
            _overflowed = false;
            _invalid = false;
        }

        /// <summary>A copy of the written bytes.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            System.Array.Copy(_buffer, copy, _length);
            return copy;
        }

        /// <summary>Writes <c>{</c>.</summary>
        public void WriteStartObject()
        {
            Open(true);
        }

        /// <summary>Writes <c>"name":{</c>.</summary>
        public void WriteStartObject(string name)
        {
            WritePropertyName(name);
            Open(true);
        }

        /// <summary>Writes <c>[</c>.</summary>
        public void WriteStartArray()
        {
            Open(false);
        }

        /// <summary>Writes <c>"name":[</c>.</summary>
        public void WriteStartArray(string name)
        {
            WritePropertyName(name);
            Open(false);
        }

        /// <summary>Writes <c>}</c> closing the innermost object.</summary>
        public void WriteEndObject()
        {
            Close(true);
        }

        /// <summary>Writes <c>]</c> closing the innermost array.</summary>
        public void WriteEndArray()
        {
            Close(false);
        }

        /// <summary>Writes <c>"name":</c>, with a comma before it when needed; only valid directly inside an object.</summary>
        public void WritePropertyName(string name)
        {
            if (!Usable())
            {
                return;
            }

            if (name == null || !InObject || _afterName)
            {
                _invalid = true;
                return;
            }

            _mark = _length;
            if (NonEmpty)
            {
                Put((byte)',');
            }

            PutString(name);
            Put((byte)':');
            if (Finish())
            {
                _afterName = true;
                _nonEmpty |= 1UL << (_depth - 1);
            }
        }

        private bool InObject
        {
            get { return _depth > 0 && ((_objects >> (_depth - 1)) & 1UL) != 0; }
        }

        private bool NonEmpty
        {
            get { return _depth > 0 && ((_nonEmpty >> (_depth - 1)) & 1UL) != 0; }
        }

        private bool Usable()
        {
            return !_overflowed && !_invalid;
        }

        // Checks that a value may come here and writes the comma before it; false when nothing may be written.
        private bool BeginValue()
        {
            if (!Usable())
            {
                return false;
            }

            if (_depth == 0 ? _rootWritten : InObject != _afterName)
            {
                _invalid = true;
                return false;
            }

            _mark = _length;
            if (_depth > 0 && !InObject && NonEmpty)
            {
                Put((byte)',');
            }

            return true;
        }

        // Commits a value begun with BeginValue, or undoes it if it did not fit.
        private void EndValue()
        {
            if (!Finish())
            {
                return;
            }

            if (_depth == 0)
            {
                _rootWritten = true;
            }
            else
            {
                _afterName = false;
                _nonEmpty |= 1UL << (_depth - 1);
            }
        }

        private bool Finish()
        {
            if (_overflowed)
            {
                _length = _mark;
                return false;
            }

            return true;
        }

        private void Open(bool isObject)
        {
            if (_depth >= MaxDepth && Usable())
            {
                _invalid = true;
                return;
            }

            if (!BeginValue())
            {
                return;
            }

            Put(isObject ? (byte)'{' : (byte)'[');
            if (!Finish())
            {
                return;
            }

            // The container counts as a member of its parent now; _afterName ends with the name it belongs to.
            if (_depth > 0)
            {
                _afterName = false;
                _nonEmpty |= 1UL << (_depth - 1);
            }

            ulong bit = 1UL << _depth;
            _objects = isObject ? _objects | bit : _objects & ~bit;
            _nonEmpty &= ~bit;
            _depth++;
        }

        private void Close(bool isObject)
        {
            if (!Usable())
            {
                return;
            }

            if (_depth == 0 || InObject != isObject || _afterName)
            {
                _invalid = true;
                return;
            }

            _mark = _length;
            Put(isObject ? (byte)'}' : (byte)']');
            if (Finish())
            {
                _depth--;
                if (_depth == 0)
                {
                    _rootWritten = true;
                }
            }
        }

        private void Put(byte b)
        {
            if (_length >= _buffer.Length)
            {
                _overflowed = true;
                return;
            }

            _buffer[_length++] = b;
        }
    }
}
