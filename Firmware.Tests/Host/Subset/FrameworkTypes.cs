using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>Every public type of the running shared framework (Microsoft.NETCore.App), by documentation ID name.</summary>
    internal static class FrameworkTypes
    {
        private static readonly Lazy<Dictionary<string, Type>> ByName = new Lazy<Dictionary<string, Type>>(Load);

        /// <summary>The public type whose ID is "T:" + <paramref name="idName"/>, or null.</summary>
        public static Type Find(string idName) => ByName.Value.TryGetValue(idName, out Type type) ? type : null;

        private static Dictionary<string, Type> Load()
        {
            var byName = new Dictionary<string, Type>(StringComparer.Ordinal);
            foreach (string path in Directory.GetFiles(DotnetSdk.RuntimeDirectory, "*.dll"))
            {
                foreach (Type type in PublicTypes(path))
                {
                    byName[DocumentationIds.TypeName(type)] = type;
                }
            }

            return byName;
        }

        private static IEnumerable<Type> PublicTypes(string path)
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(AssemblyName.GetAssemblyName(path));
            }
            catch (BadImageFormatException)
            {
                return Enumerable.Empty<Type>();
            }

            try
            {
                return assembly.GetExportedTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t != null && t.IsVisible);
            }
        }
    }
}
