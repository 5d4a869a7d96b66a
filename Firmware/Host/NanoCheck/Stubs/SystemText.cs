// Reference stub of nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text; nuspec depends on
// nanoFramework.CoreLibrary 1.17.11), declaring only the members Core and its portable tests use, with the
// signatures of nanoframework/System.Text at tag v1.3.42 (nanoFramework.System.Text/Text/Encoding.cs).
// Compiled against the real nanoFramework mscorlib; never run.
namespace System.Text
{
    /// <summary>nanoFramework's Encoding: UTF-8 only, no GetByteCount/GetCharCount.</summary>
    public abstract class Encoding
    {
        /// <summary>The UTF-8 encoding.</summary>
        public static Encoding UTF8 => throw new NotImplementedException();

        /// <summary>UTF-8 bytes of <paramref name="s"/>.</summary>
        public virtual byte[] GetBytes(string s) => throw new NotImplementedException();

        /// <summary>Characters decoded from a byte range.</summary>
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw new NotImplementedException();

        /// <summary>A string decoded from a byte range.</summary>
        public virtual string GetString(byte[] bytes, int index, int count) => throw new NotImplementedException();
    }
}
