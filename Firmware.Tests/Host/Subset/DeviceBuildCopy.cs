using System;
using System.IO;
using System.Linq;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// A throw-away copy of the host check of the device code in a temp folder, laid out as in the repository
    /// (Directory.Build.props, Firmware/BannedSymbols.*.txt, the Core build, Firmware/Device, Program.cs and
    /// Firmware/Host/DeviceCheck with its Stubs), so a test can add a file to the device code and run the real build
    /// without touching the working tree.
    /// </summary>
    internal sealed class DeviceBuildCopy : IDisposable
    {
        private const string Project = "Firmware/Host/DeviceCheck/CommuneRadio.DeviceCheck.csproj";
        private readonly TempDirectory _temp;

        public DeviceBuildCopy()
        {
            _temp = new TempDirectory("device-build");
            CopyFile("Directory.Build.props");
            CopyFile("Firmware/Program.cs");
            CopyFile("Firmware/Host/CommuneRadio.Core.csproj");
            CopyFile("Firmware/Core/Core.projitems");
            foreach (string file in Directory.EnumerateFiles(RepoPaths.Combine("Firmware"), "BannedSymbols.*.txt"))
            {
                CopyFile("Firmware/" + Path.GetFileName(file));
            }

            CopyTree("Firmware/Core", "*.cs");
            CopyTree("Firmware/Device", "*.cs");
            CopyTree("Firmware/Host/DeviceCheck", "*");
        }

        /// <summary>The built assembly, once <see cref="Build"/> has succeeded.</summary>
        public string OutputAssembly => Path.Combine(_temp.Path, "Firmware", "Host", "DeviceCheck", "bin", "Debug", "net10.0", "CommuneRadio.DeviceCheck.dll");

        /// <summary>Writes <paramref name="source"/> to Firmware/Device/Bad/<paramref name="name"/>.cs and lists it in the device check project.</summary>
        public void AddDeviceFile(string name, string source)
        {
            string dir = Path.Combine(_temp.Path, "Firmware", "Device", "Bad");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".cs"), source);

            string project = Path.Combine(_temp.Path, Project.Replace('/', Path.DirectorySeparatorChar));
            string text = File.ReadAllText(project);
            const string Anchor = "    <Compile Include=\"Stubs/**/*.cs\" />";
            int at = text.IndexOf(Anchor, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException(Project + " has no Stubs/ item to add " + name + " next to");
            }

            File.WriteAllText(project, text.Insert(at, "    <Compile Include=\"../../Device/Bad/" + name + ".cs\" />\n"));
        }

        /// <summary>Runs `dotnet build` on the copied device check project (restore included).</summary>
        public ProcessResult Build()
        {
            // No build servers: a compiler server or MSBuild node left running would outlive the test.
            string[] arguments = { "build", Project.Replace('/', Path.DirectorySeparatorChar), "--disable-build-servers", "-nologo" };
            return ProcessRunner.Run(DotnetSdk.Host, arguments, _temp.Path, TimeSpan.FromMinutes(5));
        }

        public void Dispose() => _temp.Dispose();

        private void CopyTree(string relative, string pattern)
        {
            string root = RepoPaths.Combine(relative);
            foreach (string source in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
            {
                string[] parts = Path.GetRelativePath(root, source).Split(Path.DirectorySeparatorChar);
                if (!parts.Contains("bin") && !parts.Contains("obj"))
                {
                    CopyFile(relative + "/" + string.Join("/", parts));
                }
            }
        }

        private void CopyFile(string relative)
        {
            string target = Path.Combine(_temp.Path, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target));
            File.Copy(RepoPaths.Combine(relative), target);
        }
    }
}
