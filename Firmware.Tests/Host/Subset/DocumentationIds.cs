using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// Documentation comment IDs (the format of BannedSymbols.*.txt) computed from reflection, following
    /// the C# specification's "ID string format" annex.
    /// </summary>
    /// <example>
    /// string.Replace(string, string) >> M:System.String.Replace(System.String,System.String);
    /// Array.Resize&lt;T&gt;(ref T[], int) >> M:System.Array.Resize``1(``0[]@,System.Int32);
    /// DateTime.Now >> P:System.DateTime.Now; new Thread(ThreadStart) >> M:System.Threading.Thread.#ctor(System.Threading.ThreadStart).
    /// </example>
    internal static class DocumentationIds
    {
        private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

        /// <summary>The name part of a type's ID, without "T:": System.Collections.Generic.Dictionary`2.Enumerator.</summary>
        public static string TypeName(Type type)
        {
            if (type.IsNested)
            {
                return TypeName(type.DeclaringType) + "." + type.Name;
            }

            return string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
        }

        /// <summary>The IDs of a type and of its public and protected members, as the analyzer would resolve them.</summary>
        public static IEnumerable<string> Of(Type type)
        {
            string owner = TypeName(type);
            yield return "T:" + owner;
            foreach (MemberInfo member in type.GetMembers(Declared).Where(IsVisible))
            {
                switch (member)
                {
                    case MethodBase method:
                        yield return "M:" + owner + "." + MethodName(method) + Parameters(method.GetParameters()) + ConversionSuffix(method);
                        break;
                    case PropertyInfo property:
                        yield return "P:" + owner + "." + property.Name.Replace('.', '#') + Parameters(property.GetIndexParameters());
                        break;
                    case FieldInfo field:
                        yield return "F:" + owner + "." + field.Name;
                        break;
                    case EventInfo e:
                        yield return "E:" + owner + "." + e.Name.Replace('.', '#');
                        break;
                }
            }
        }

        private static bool IsVisible(MemberInfo member)
        {
            switch (member)
            {
                case MethodBase m:
                    return m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;
                case FieldInfo f:
                    return f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly;
                case PropertyInfo p:
                    return p.GetAccessors(nonPublic: true).Any(IsVisible);
                case EventInfo e:
                    return e.AddMethod != null && IsVisible(e.AddMethod);
                default:
                    return false;
            }
        }

        private static string MethodName(MethodBase method)
        {
            string name = method.Name.Replace('.', '#');
            return method.IsGenericMethodDefinition ? name + "``" + method.GetGenericArguments().Length : name;
        }

        private static string Parameters(ParameterInfo[] parameters) =>
            parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => SignatureName(p.ParameterType))) + ")";

        private static string ConversionSuffix(MethodBase method) =>
            method is MethodInfo m && (m.Name == "op_Implicit" || m.Name == "op_Explicit") ? "~" + SignatureName(m.ReturnType) : string.Empty;

        /// <summary>A type as written inside a signature: System.Int32, ``0[]@, System.Span{System.Char}, System.Int32[0:,0:].</summary>
        private static string SignatureName(Type type)
        {
            if (type.IsByRef)
            {
                return SignatureName(type.GetElementType()) + "@";
            }

            if (type.IsPointer)
            {
                return SignatureName(type.GetElementType()) + "*";
            }

            if (type.IsArray)
            {
                string element = SignatureName(type.GetElementType());
                return type.IsSZArray ? element + "[]" : element + "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]";
            }

            if (type.IsGenericParameter)
            {
                return (type.IsGenericMethodParameter ? "``" : "`") + type.GenericParameterPosition;
            }

            if (type.IsGenericType)
            {
                Type[] arguments = type.GetGenericArguments();
                int used = 0;
                return Constructed(type.GetGenericTypeDefinition(), arguments, ref used);
            }

            return TypeName(type);
        }

        /// <summary>Dictionary`2.Enumerator with arguments int, string >> System.Collections.Generic.Dictionary{System.Int32,System.String}.Enumerator.</summary>
        private static string Constructed(Type definition, Type[] arguments, ref int used)
        {
            string prefix = definition.IsNested
                ? Constructed(definition.DeclaringType, arguments, ref used) + "."
                : string.IsNullOrEmpty(definition.Namespace) ? string.Empty : definition.Namespace + ".";
            int tick = definition.Name.IndexOf('`');
            if (tick < 0)
            {
                return prefix + definition.Name;
            }

            int arity = int.Parse(definition.Name.Substring(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
            string own = string.Join(",", arguments.Skip(used).Take(arity).Select(SignatureName));
            used += arity;
            return prefix + definition.Name.Substring(0, tick) + "{" + own + "}";
        }
    }
}
