using System.IO;

namespace CommuneRadio.Cli.Simulate;

/// <summary>
/// Where <c>radioctl simulate</c> keeps the generated fleet file and the stations' storage: the <c>--data</c>
/// directory, kept after the run (a later run with the same directory restarts the same stations with their
/// schedules and keys), or without it a temporary directory that is removed when the run ends.
/// </summary>
public sealed class SimulationDirectory : System.IDisposable
{
    private SimulationDirectory(string path, bool temporary)
    {
        Path = path;
        Temporary = temporary;
    }

    /// <summary>Full path of the directory.</summary>
    public string Path { get; }

    /// <summary>True when the directory was created for this run and is removed by <see cref="Dispose"/>.</summary>
    public bool Temporary { get; }

    /// <summary>The <c>--data</c> directory (created if missing), or a new temporary one when <paramref name="data"/> is null.</summary>
    public static SimulationDirectory For(DirectoryInfo? data)
    {
        if (data is null)
        {
            return new SimulationDirectory(Directory.CreateTempSubdirectory("radioctl-simulate-").FullName, true);
        }

        Directory.CreateDirectory(data.FullName);
        return new SimulationDirectory(data.FullName, false);
    }

    /// <summary>Removes a temporary directory with everything in it; a <c>--data</c> directory is left as it is.</summary>
    public void Dispose()
    {
        if (!Temporary)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
            // Something still holds a file: it stays in the system's temporary directory, which is cleaned anyway.
        }
    }
}
