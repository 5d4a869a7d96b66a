using System;
using System.Collections.Generic;
using System.Reflection;

namespace CommuneRadio.Benchmarks.PerCommand
{
    /// <summary>
    /// The objects reachable from a station, found by walking its fields with reflection (reference fields, the
    /// reference fields inside struct fields, array elements), and what a command changed in that graph: which objects
    /// that were reachable before it now hold a reference to an object that was not (a young object stored into an old
    /// one: what the collector's card table makes every gen-0 collection scan), and how many objects are reachable
    /// now that were not before (what a gen-0 collection would have to promote).
    /// Strings, arrays of primitives and reflection objects are leaves. Identity is by reference.
    /// </summary>
    public static class HeapGraph
    {
        private static readonly Dictionary<Type, FieldInfo[]> Fields = new Dictionary<Type, FieldInfo[]>();
        private static readonly Dictionary<Type, bool> HasReferences = new Dictionary<Type, bool>();

        /// <summary>Every object reachable from <paramref name="roots"/> (the roots included).</summary>
        public static HashSet<object> Reachable(IReadOnlyList<object> roots)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var children = new List<object>();
            var stack = new Stack<object>();
            foreach (object root in roots)
            {
                if (root != null && seen.Add(root))
                {
                    stack.Push(root);
                }
            }

            while (stack.Count > 0)
            {
                object o = stack.Pop();
                children.Clear();
                ChildrenOf(o, children);
                foreach (object child in children)
                {
                    if (seen.Add(child))
                    {
                        stack.Push(child);
                    }
                }
            }

            return seen;
        }

        /// <summary>
        /// Compares the graph now with <paramref name="before"/>: <paramref name="written"/> objects of <paramref name="before"/>
        /// that reference at least one object not in it, <paramref name="fresh"/> reachable objects not in it. Returns the
        /// type names of the written objects (for the report).
        /// </summary>
        public static List<string> Diff(IReadOnlyList<object> roots, HashSet<object> before, out int written, out int fresh)
        {
            HashSet<object> now = Reachable(roots);
            var names = new List<string>();
            var children = new List<object>();
            var fieldNames = new List<string>();
            written = 0;
            fresh = 0;
            foreach (object o in now)
            {
                if (!before.Contains(o))
                {
                    fresh++;
                    continue;
                }

                children.Clear();
                fieldNames.Clear();
                ChildrenOf(o, children, fieldNames);
                for (int i = 0; i < children.Count; i++)
                {
                    if (!before.Contains(children[i]))
                    {
                        written++;
                        names.Add(NameOf(o) + (fieldNames[i].Length > 0 ? "." + fieldNames[i] : string.Empty));
                        break;
                    }
                }
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }

        private static string NameOf(object o)
        {
            Type t = o.GetType();
            return t.IsArray ? t.GetElementType()!.Name + "[]" : t.Name;
        }

        private static void ChildrenOf(object o, List<object> into, List<string>? names = null)
        {
            Type type = o.GetType();
            if (IsLeaf(type))
            {
                return;
            }

            if (type.IsArray)
            {
                Type element = type.GetElementType()!;
                var array = (Array)o;
                if (!element.IsValueType)
                {
                    foreach (object? e in array)
                    {
                        if (e != null)
                        {
                            into.Add(e);
                            names?.Add(string.Empty);
                        }
                    }
                }
                else if (ContainsReferences(element))
                {
                    foreach (object? e in array)
                    {
                        AddFields(e!, element, into, names, string.Empty);
                    }
                }

                return;
            }

            AddFields(o, type, into, names, string.Empty);
        }

        // The references held in the fields of o (an object, or a boxed copy of a struct that is part of one).
        private static void AddFields(object o, Type type, List<object> into, List<string>? names, string prefix)
        {
            foreach (FieldInfo f in FieldsOf(type))
            {
                Type ft = f.FieldType;
                if (ft.IsPointer || ft.IsByRef)
                {
                    continue;
                }

                if (!ft.IsValueType)
                {
                    object? v = f.GetValue(o);
                    if (v != null)
                    {
                        into.Add(v);
                        names?.Add(prefix + FieldName(f));
                    }
                }
                else if (ContainsReferences(ft))
                {
                    AddFields(f.GetValue(o)!, ft, into, names, prefix + FieldName(f) + ".");
                }
            }
        }

        // "<Id>k__BackingField" → "Id".
        private static string FieldName(FieldInfo f)
        {
            string n = f.Name;
            int end = n.IndexOf(">k__BackingField", StringComparison.Ordinal);
            return n.StartsWith('<') && end > 0 ? n.Substring(1, end - 1) : n;
        }

        private static bool IsLeaf(Type type)
        {
            if (type == typeof(string) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type))
            {
                return true;
            }

            return type.IsArray && type.GetElementType()!.IsPrimitive;
        }

        private static bool ContainsReferences(Type valueType)
        {
            if (valueType.IsPrimitive || valueType.IsEnum || valueType.IsPointer)
            {
                return false;
            }

            if (HasReferences.TryGetValue(valueType, out bool known))
            {
                return known;
            }

            HasReferences[valueType] = false; // a struct cannot contain itself; stops recursion
            bool any = false;
            foreach (FieldInfo f in FieldsOf(valueType))
            {
                any |= !f.FieldType.IsValueType || ContainsReferences(f.FieldType);
            }

            HasReferences[valueType] = any;
            return any;
        }

        private static FieldInfo[] FieldsOf(Type type)
        {
            if (Fields.TryGetValue(type, out FieldInfo[]? cached))
            {
                return cached;
            }

            var list = new List<FieldInfo>();
            for (Type? t = type; t != null && t != typeof(object); t = t.BaseType)
            {
                list.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            FieldInfo[] fields = list.ToArray();
            Fields[type] = fields;
            return fields;
        }

        /// <summary>The values of the static reference fields of every type in <paramref name="assembly"/> (shared by all stations).</summary>
        public static List<object> Statics(Assembly assembly)
        {
            var roots = new List<object>();
            foreach (Type t in assembly.GetTypes())
            {
                if (t.ContainsGenericParameters)
                {
                    continue;
                }

                foreach (FieldInfo f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!f.IsLiteral && !f.FieldType.IsValueType && f.GetValue(null) is object v)
                    {
                        roots.Add(v);
                    }
                }
            }

            return roots;
        }
    }
}
