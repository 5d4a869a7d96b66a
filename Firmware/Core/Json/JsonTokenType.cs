namespace CommuneRadio.Core.Json
{
    /// <summary>
    /// The token a <see cref="JsonReader"/> stands on after a successful <see cref="JsonReader.Read"/>.
    /// </summary>
    public enum JsonTokenType
    {
        /// <summary>No token: before the first Read, after the end of the document, or after an error.</summary>
        None = 0,

        /// <summary><c>{</c></summary>
        StartObject = 1,

        /// <summary><c>}</c></summary>
        EndObject = 2,

        /// <summary><c>[</c></summary>
        StartArray = 3,

        /// <summary><c>]</c></summary>
        EndArray = 4,

        /// <summary>A member name of an object (the string before the colon).</summary>
        PropertyName = 5,

        /// <summary>A string value.</summary>
        String = 6,

        /// <summary>A number (integer, fraction or exponent form).</summary>
        Number = 7,

        /// <summary><c>true</c></summary>
        True = 8,

        /// <summary><c>false</c></summary>
        False = 9,

        /// <summary><c>null</c></summary>
        Null = 10,
    }
}
