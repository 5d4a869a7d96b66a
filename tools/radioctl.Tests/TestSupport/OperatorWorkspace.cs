using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>
/// A temporary directory with a fleet file, a keyring and an event store, and a way to run radioctl's operator
/// commands in process against them (RADIOCTL_FLEET, RADIOCTL_KEYRING and RADIOCTL_STORE point here).
/// </summary>
internal sealed class OperatorWorkspace : IDisposable
{
    public OperatorWorkspace(FleetFile fleet)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("radioctl-tests-").FullName;
        Fleet = fleet;
        fleet.Save(FleetPath);
        KeyringFile.From(fleet.Issuers).Save(KeyringPath);
    }

    public string Directory { get; }

    public FleetFile Fleet { get; }

    public string FleetPath => Path.Combine(Directory, "fleet.json");

    public string KeyringPath => Path.Combine(Directory, "keyring.json");

    public string StorePath => Path.Combine(Directory, "events.db");

    /// <summary>Replaces the keyring with these issuers.</summary>
    public void WriteKeyring(IEnumerable<FleetIssuer> issuers) => KeyringFile.From(issuers).Save(KeyringPath);

    public async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args) => await RunWithAsync(null, cancellationToken, args);

    /// <summary>Runs with extra environment variables (e.g. COLUMNS).</summary>
    public async Task<CliRun> RunWithAsync(IDictionary<string, string>? extra, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string>
        {
            ["RADIOCTL_FLEET"] = FleetPath,
            ["RADIOCTL_KEYRING"] = KeyringPath,
            ["RADIOCTL_STORE"] = StorePath,
        };
        foreach (KeyValuePair<string, string> e in extra ?? new Dictionary<string, string>())
        {
            environment[e.Key] = e.Value;
        }

        var context = new CliContext(output, error, interactive: false, name => environment.GetValueOrDefault(name));
        int code = await RadioctlApp.RunAsync(args, context, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
