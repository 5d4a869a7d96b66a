using System;
using System.IO;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>The repository root: the folder holding CommuneRadio.sln, found upwards from the test binaries.</summary>
    internal static class RepoPaths
    {
        private static readonly Lazy<string> RootDirectory = new Lazy<string>(FindRoot);

        public static string Root => RootDirectory.Value;

        /// <summary>An absolute path from a repository-relative one written with '/'.</summary>
        public static string Combine(string relative) =>
            Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        private static string FindRoot()
        {
            for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommuneRadio.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("No CommuneRadio.sln above " + AppContext.BaseDirectory);
        }
    }
}
