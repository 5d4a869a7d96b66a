using System;
using System.Collections.Generic;
using System.IO;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// Every file of a provisioning run, complete and validated in memory before anything touches the disk
/// (<see cref="Provisioner.Plan"/>). <see cref="Write"/> writes them owner-only, each through a temporary file
/// and a rename, the sources of keys and passwords (fleet.json, credentials.json) first: if the run is
/// interrupted, the next run regenerates every other file from them with the same keys.
/// </summary>
public sealed class ProvisionPlan
{
    private readonly List<KeyValuePair<string, string>> _files = new();

    /// <summary>Creates an empty plan for <paramref name="result"/>.</summary>
    public ProvisionPlan(ProvisionResult result) => Result = result ?? throw new ArgumentNullException(nameof(result));

    /// <summary>What the run produces.</summary>
    public ProvisionResult Result { get; }

    /// <summary>Absolute path → text, in writing order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Files => _files;

    /// <summary>Adds a file (writing order = adding order).</summary>
    public void Add(string path, string text) => _files.Add(new KeyValuePair<string, string>(path, text));

    /// <summary>The planned text of <paramref name="path"/>, or null.</summary>
    public string? Text(string path) => _files.Find(f => f.Key == Path.GetFullPath(path)).Value;

    /// <summary>Writes every file; returns the result.</summary>
    public ProvisionResult Write()
    {
        string root = Result.Layout.Directory;
        CreatePrivateDirectory(root);
        foreach (KeyValuePair<string, string> file in _files)
        {
            // Each level below the root separately: CreateDirectory applies the mode to the last level only.
            string directory = root;
            foreach (string part in Path.GetRelativePath(root, Path.GetDirectoryName(file.Key)!).Split(Path.DirectorySeparatorChar))
            {
                if (part != ".")
                {
                    directory = Path.Combine(directory, part);
                    CreatePrivateDirectory(directory);
                }
            }

            string temporary = file.Key + ".tmp";
            File.WriteAllText(temporary, file.Value);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, file.Key, overwrite: true);
        }

        return Result;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
