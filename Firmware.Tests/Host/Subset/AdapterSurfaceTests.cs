using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The host adapter (Host/Adapter) may offer only what nanoFramework.TestFramework 3.0.77 has, with the same
    /// signatures, or a portable test could compile here and not for nanoCLR (Assert.Fail did). The real surface is
    /// the reference stub the portable tests are also compiled against (Firmware/Host/NanoCheck/Tests/Stubs/
    /// NanoFrameworkTestFramework.cs, written from the framework's sources at tag v3.0.77); this test reads its
    /// declarations and checks every public type and member of the adapter's nanoFramework.TestFramework namespace
    /// against them.
    /// </summary>
    [TestClass]
    public sealed class AdapterSurfaceTests
    {
        private const string StubFile = "Firmware/Host/NanoCheck/Tests/Stubs/NanoFrameworkTestFramework.cs";

        private static readonly Dictionary<string, string> Keywords = new Dictionary<string, string>
        {
            ["bool"] = "Boolean", ["byte"] = "Byte", ["char"] = "Char", ["double"] = "Double", ["float"] = "Single",
            ["int"] = "Int32", ["long"] = "Int64", ["object"] = "Object", ["sbyte"] = "SByte", ["short"] = "Int16",
            ["string"] = "String", ["uint"] = "UInt32", ["ulong"] = "UInt64", ["ushort"] = "UInt16", ["object[]"] = "Object[]",
        };

        [TestMethod]
        public void Adapter_PublicTypes_AllExistInTheRealFramework()
        {
            HashSet<string> real = RealTypes();
            string[] extra = AdapterTypes().Select(t => t.Name).Where(n => !real.Contains(n)).ToArray();

            Assert.AreEqual(0, extra.Length, "Adapter types the real TestFramework lacks: " + string.Join(", ", extra));
        }

        [TestMethod]
        public void Adapter_PublicMembers_AllExistInTheRealFrameworkWithTheSameSignature()
        {
            HashSet<string> real = RealMembers();
            var extra = new List<string>();
            foreach (Type type in AdapterTypes())
            {
                foreach (string member in Members(type))
                {
                    if (!real.Contains(member))
                    {
                        extra.Add(member);
                    }
                }
            }

            Assert.AreEqual(0, extra.Count, "Adapter members the real TestFramework lacks (or with another signature):" +
                Environment.NewLine + string.Join(Environment.NewLine, extra));
        }

        [TestMethod]
        public void RealSurface_StubParsed_HasTheMembersTheTestsUse()
        {
            HashSet<string> real = RealMembers();

            // A parser that read nothing would let every adapter member through: pin a few known ones.
            Assert.IsTrue(real.Contains("Assert.AreEqual(Int32,Int32,String)"), string.Join(Environment.NewLine, real));
            Assert.IsTrue(real.Contains("Assert.ThrowsException(Type,Action,String)"));
            Assert.IsTrue(real.Contains("OutputHelper.WriteLine(String)"));
            Assert.IsTrue(real.Contains("DataRowAttribute.ctor(Object[])"));
            Assert.IsFalse(real.Any(m => m.StartsWith("Assert.Fail(", StringComparison.Ordinal)));
        }

        private static IEnumerable<Type> AdapterTypes() =>
            typeof(nanoFramework.TestFramework.Assert).Assembly.GetExportedTypes()
                .Where(t => t.Namespace == "nanoFramework.TestFramework");

        /// <summary>
        /// The type's own public members as "Type.Name(ParamTypes)" (caller-info parameters, which the compiler fills, left
        /// out; members hidden behind an error-level [Obsolete], which no test can use, left out).
        /// </summary>
        private static IEnumerable<string> Members(Type type)
        {
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (MethodInfo m in type.GetMethods(Declared).Where(m => !m.IsSpecialName && m.GetBaseDefinition() == m))
            {
                yield return type.Name + "." + m.Name + "(" + Parameters(m) + ")";
            }

            foreach (ConstructorInfo c in type.GetConstructors(Declared))
            {
                yield return type.Name + ".ctor(" + Parameters(c) + ")";
            }

            foreach (PropertyInfo p in type.GetProperties(Declared).Where(p => p.GetCustomAttribute<ObsoleteAttribute>()?.IsError != true))
            {
                yield return type.Name + "." + p.Name;
            }
        }

        private static string Parameters(MethodBase method) =>
            string.Join(",", method.GetParameters()
                .Where(p => p.GetCustomAttribute<CallerFilePathAttribute>() == null && p.GetCustomAttribute<CallerLineNumberAttribute>() == null)
                .Select(p => p.ParameterType.Name));

        private static HashSet<string> RealTypes() =>
            new HashSet<string>(Regex.Matches(File.ReadAllText(RepoPaths.Combine(StubFile)), @"public (?:sealed |static |partial )*class (\w+)")
                .Select(m => m.Groups[1].Value));

        /// <summary>The stub's members in the same form as <see cref="Members"/>.</summary>
        private static HashSet<string> RealMembers()
        {
            var members = new HashSet<string>();
            string type = null;
            foreach (string line in File.ReadAllLines(RepoPaths.Combine(StubFile)))
            {
                Match cls = Regex.Match(line, @"public (?:sealed |static |partial )*class (\w+)");
                if (cls.Success)
                {
                    type = cls.Groups[1].Value;
                    members.Add(type + ".ctor()");
                    continue;
                }

                Match method = Regex.Match(line, @"public (?:static )?\w+(?:\[\])? (\w+)\((.*?)\)(?: =>| :|$)");
                Match ctor = Regex.Match(line, @"public (\w+)\((.*?)\)(?: =>| :|$)");
                Match property = Regex.Match(line, @"public [\w\[\]]+ (\w+) \{");
                if (ctor.Success && ctor.Groups[1].Value == type)
                {
                    members.Add(type + ".ctor(" + RealParameters(ctor.Groups[2].Value) + ")");
                }
                else if (method.Success)
                {
                    members.Add(type + "." + method.Groups[1].Value + "(" + RealParameters(method.Groups[2].Value) + ")");
                }
                else if (property.Success)
                {
                    members.Add(type + "." + property.Groups[1].Value);
                }
            }

            return members;
        }

        /// <summary>"[CallerArgumentExpression("a")] string message = """ → "String"; "params object[] x" → "Object[]".</summary>
        private static string RealParameters(string list)
        {
            if (list.Trim().Length == 0)
            {
                return string.Empty;
            }

            return string.Join(",", list.Split(',').Select(p =>
            {
                string bare = Regex.Replace(p, @"^\s*(\[[^\]]*\]\s*)+", string.Empty).Replace("params ", string.Empty).Trim();
                string typeName = bare.Split(' ')[0];
                return Keywords.TryGetValue(typeName, out string clr) ? clr : typeName;
            }));
        }
    }
}
