// Reference stub of nanoFramework.System.Text 1.3.42's StringBuilder (nanoframework/System.Text at tag v1.3.42,
// nanoFramework.System.Text/Text/StringBuilder.cs), the public members with their real signatures. Note what it
// lacks next to .NET: Insert(int, string), AppendFormat, the Append(ReadOnlySpan) family. Encoding is declared in
// ../../Stubs/SystemText.cs (Core uses it). Compiled against the real nanoFramework mscorlib; never run.
namespace System.Text
{
    public sealed class StringBuilder
    {
        public StringBuilder() => throw new NotImplementedException();
        public StringBuilder(int capacity) => throw new NotImplementedException();
        public StringBuilder(string value) => throw new NotImplementedException();
        public StringBuilder(string value, int capacity) => throw new NotImplementedException();
        public StringBuilder(int capacity, int maxCapacity) => throw new NotImplementedException();
        public StringBuilder(string value, int startIndex, int length, int capacity) => throw new NotImplementedException();

        public int MaxCapacity => throw new NotImplementedException();
        public int Capacity { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        public int Length { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        public char this[int index] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public StringBuilder Append(bool value) => throw new NotImplementedException();
        public StringBuilder Append(byte value) => throw new NotImplementedException();
        public StringBuilder Append(char value) => throw new NotImplementedException();
        public StringBuilder Append(double value) => throw new NotImplementedException();
        public StringBuilder Append(short value) => throw new NotImplementedException();
        public StringBuilder Append(char[] value) => throw new NotImplementedException();
        public StringBuilder Append(int value) => throw new NotImplementedException();
        public StringBuilder Append(long value) => throw new NotImplementedException();
        public StringBuilder Append(object value) => throw new NotImplementedException();
        public StringBuilder Append(string value) => throw new NotImplementedException();
        public StringBuilder Append(sbyte value) => throw new NotImplementedException();
        public StringBuilder Append(float value) => throw new NotImplementedException();
        public StringBuilder Append(ushort value) => throw new NotImplementedException();
        public StringBuilder Append(uint value) => throw new NotImplementedException();
        public StringBuilder Append(ulong value) => throw new NotImplementedException();
        public StringBuilder Append(string value, int startIndex, int count) => throw new NotImplementedException();
        public StringBuilder Append(char[] value, int startIndex, int charCount) => throw new NotImplementedException();
        public StringBuilder Append(char value, int repeatCount) => throw new NotImplementedException();
        public StringBuilder AppendLine() => throw new NotImplementedException();
        public StringBuilder AppendLine(string str) => throw new NotImplementedException();

        public StringBuilder Remove(int startIndex, int length) => throw new NotImplementedException();
        public StringBuilder Insert(int index, string value, int count) => throw new NotImplementedException();
        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount) => throw new NotImplementedException();
        public StringBuilder Replace(char oldChar, char newChar) => throw new NotImplementedException();
        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count) => throw new NotImplementedException();
        public StringBuilder Replace(string oldValue, string newValue) => throw new NotImplementedException();
        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count) => throw new NotImplementedException();
        public StringBuilder Clear() => throw new NotImplementedException();

        public override string ToString() => throw new NotImplementedException();
        public string ToString(int startIndex, int length) => throw new NotImplementedException();
    }
}
