namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// Why a <see cref="JsonReader"/> stopped; <see cref="JsonReader.ErrorPosition"/> says where (an index
    /// into the reader's buffer). Every error is final: later reads return false.
    /// </summary>
    public enum JsonError
    {
        /// <summary>No error (so far).</summary>
        None = 0,

        /// <summary>The input ended inside a value, or was empty. Position: offset + count.</summary>
        UnexpectedEnd = 1,

        /// <summary>A byte that cannot start or continue the expected token (e.g. <c>'</c>, <c>,]</c>, <c>NaN</c>).</summary>
        UnexpectedCharacter = 2,

        /// <summary>A raw control character (below 0x20) inside a string.</summary>
        InvalidString = 3,

        /// <summary>An unknown escape, bad <c>\u</c> hex digits, or a lone / reversed surrogate escape. Position: the backslash.</summary>
        InvalidEscape = 4,

        /// <summary>Ill-formed UTF-8 in a string: stray continuation byte, overlong form, encoded surrogate,
        /// above U+10FFFF, 0xF5..0xFF, or a sequence cut short by a non-continuation byte. Position: the lead byte.</summary>
        InvalidUtf8 = 5,

        /// <summary>A number that breaks the RFC 8259 grammar (leading zero, <c>1.</c>, <c>-</c>, <c>1e</c>, <c>1x</c>).</summary>
        InvalidNumber = 6,

        /// <summary>Opening this container would exceed the reader's maximum depth. Position: the bracket.</summary>
        TooDeep = 7,

        /// <summary>Something other than whitespace after the complete top-level value.</summary>
        TrailingData = 8,

        /// <summary>The buffer, offset and count given to the reader do not describe a range of the buffer.</summary>
        InvalidArgument = 9,
    }
}
