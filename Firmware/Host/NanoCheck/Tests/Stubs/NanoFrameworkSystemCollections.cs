// Reference stub of nanoFramework.System.Collections 1.5.75's Hashtable and DictionaryEntry (the members the portable
// tests use, with the signatures of nanoFramework.System.Collections/Collections/Hashtable.cs and DictionaryEntry.cs,
// read in nanoframework/nanoFramework.System.Collections at its last commit of 2025-02; the package is now released
// from nanoframework/System.Collections, tag v1.5.75). Compiled against the real nanoFramework mscorlib; never run.
namespace System.Collections
{
    public class Hashtable : ICollection
    {
        public Hashtable() => throw new NotImplementedException();
        public Hashtable(int capacity) => throw new NotImplementedException();

        public int Count => throw new NotImplementedException();
        public bool IsSynchronized => throw new NotImplementedException();
        public object SyncRoot => throw new NotImplementedException();
        public ICollection Keys => throw new NotImplementedException();
        public ICollection Values => throw new NotImplementedException();
        public object this[object key] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public void Add(object key, object value) => throw new NotImplementedException();
        public void Clear() => throw new NotImplementedException();
        public bool Contains(object key) => throw new NotImplementedException();
        public void Remove(object key) => throw new NotImplementedException();
        public void CopyTo(Array array, int index) => throw new NotImplementedException();
        public IEnumerator GetEnumerator() => throw new NotImplementedException();
    }
}

namespace System.Collections
{
    /// <summary>nanoFramework's DictionaryEntry is a class with public fields (a struct with properties on .NET).</summary>
    public class DictionaryEntry
    {
        public object Key;
        public object Value;

        public DictionaryEntry(object key, object value) => throw new NotImplementedException();
    }
}
