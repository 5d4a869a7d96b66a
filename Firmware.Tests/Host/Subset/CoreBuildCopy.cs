using System;
using System.IO;
using System.Linq;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// A throw-away copy of the host Core build in a temp folder, laid out as in the repository
    /// (Directory.Build.props, Firmware/BannedSymbols.*.txt, Firmware/Host/CommuneRadio.Core.csproj,
    /// Firmware/Core/*.cs and Core.projitems, and the real-mscorlib build Firmware/Host/NanoCheck), so a test can add
    /// a file to Core and run the real build without touching the working tree.
    /// </summary>
    internal sealed class CoreBuildCopy : IDisposable
    {
        /// <summary>The host build of Core (.NET 10, banned-API analyzer).</summary>
        public const string HostProject = "Firmware/Host/CommuneRadio.Core.csproj";

        /// <summary>The build of Core against the real nanoFramework mscorlib and the reference stubs.</summary>
        public const string NanoProject = "Firmware/Host/NanoCheck/CommuneRadio.NanoCheck.csproj";

        private const string ProjectItems = "Firmware/Core/Core.projitems";
        private readonly string _project;
        private readonly TempDirectory _temp;

        public CoreBuildCopy(string project = HostProject)
        {
            _project = project;
            _temp = new TempDirectory("core-build");
            CopyFile("Directory.Build.props");
            CopyFile("Firmware/BannedSymbols.Subset.txt");
            CopyFile("Firmware/BannedSymbols.CorePurity.txt");
            CopyFile(HostProject);
            CopyFile(NanoProject);
            foreach (string stub in Directory.EnumerateFiles(RepoPaths.Combine("Firmware/Host/NanoCheck/Stubs"), "*.cs"))
            {
                CopyFile("Firmware/Host/NanoCheck/Stubs/" + Path.GetFileName(stub));
            }

            CopyFile(ProjectItems);
            string core = RepoPaths.Combine("Firmware/Core");
            foreach (string source in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(core, f)))
            {
                CopyFile("Firmware/Core/" + Path.GetRelativePath(core, source).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        /// <summary>The built assembly, once <see cref="Build"/> has succeeded.</summary>
        public string OutputAssembly => Path.Combine(_temp.Path, "Firmware", "Host", "bin", "Debug", "net10.0", "CommuneRadio.Core.dll");

        /// <summary>Writes <paramref name="source"/> to Firmware/Core/Bad/<paramref name="name"/>.cs and lists it in Core.projitems.</summary>
        public void AddCoreFile(string name, string source)
        {
            string dir = Path.Combine(_temp.Path, "Firmware", "Core", "Bad");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".cs"), source);

            string items = Path.Combine(_temp.Path, "Firmware", "Core", "Core.projitems");
            string text = File.ReadAllText(items);
            int end = text.IndexOf("  </ItemGroup>", StringComparison.Ordinal);
            if (end < 0)
            {
                throw new InvalidOperationException("Core.projitems has no </ItemGroup> to add " + name + " to");
            }

            File.WriteAllText(items, text.Insert(end, "    <Compile Include=\"$(MSBuildThisFileDirectory)Bad\\" + name + ".cs\" />\n"));
        }

        /// <summary>Runs `dotnet build` on the copied project (restore included) and returns its exit code and output.</summary>
        public ProcessResult Build()
        {
            // No build servers: a compiler server or MSBuild node left running would outlive the test.
            string[] arguments = { "build", _project.Replace('/', Path.DirectorySeparatorChar), "--disable-build-servers", "-nologo" };
            return ProcessRunner.Run(DotnetSdk.Host, arguments, _temp.Path, TimeSpan.FromMinutes(5));
        }

        public void Dispose() => _temp.Dispose();

        private static bool IsBuildOutput(string root, string file)
        {
            string[] parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            return parts.Contains("bin") || parts.Contains("obj");
        }

        private void CopyFile(string relative)
        {
            string target = Path.Combine(_temp.Path, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target));
            File.Copy(RepoPaths.Combine(relative), target);
        }
    }
}
