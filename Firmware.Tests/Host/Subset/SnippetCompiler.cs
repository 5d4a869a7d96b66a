using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// Compiles a C# source text into a class library the way the Core is compiled (C# 9, nullable off)
    /// with the SDK's own compiler, against the running shared framework. A single csc run takes about
    /// a second, against ten for a project build, and needs no package.
    /// </summary>
    internal static class SnippetCompiler
    {
        /// <summary>Compiles <paramref name="source"/> into <paramref name="directory"/> and returns the dll's path.</summary>
        public static string Compile(string source, string directory, string assemblyName)
        {
            string sourcePath = Path.Combine(directory, assemblyName + ".cs");
            string output = Path.Combine(directory, assemblyName + ".dll");
            File.WriteAllText(sourcePath, source);

            var arguments = new List<string>
            {
                "exec", DotnetSdk.CscPath,
                "-nologo", "-noconfig", "-target:library", "-langversion:9", "-nullable:disable", "-unsafe+",
                "-out:" + output,
            };
            arguments.AddRange(Directory.GetFiles(DotnetSdk.RuntimeDirectory, "*.dll").Where(IsManaged).Select(r => "-r:" + r));
            arguments.Add(sourcePath);

            ProcessResult result = ProcessRunner.Run(DotnetSdk.Host, arguments, directory, TimeSpan.FromMinutes(2));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("csc failed on " + assemblyName + ":" + Environment.NewLine + result.Output);
            }

            return output;
        }

        private static bool IsManaged(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
