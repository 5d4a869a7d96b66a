using System;
using System.CommandLine;
using System.IO;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// The options every operator command shares (--fleet, --keyring, --broker, --ca, --credentials, --as,
/// --timeout, --store, --json), with their environment variables and defaults. One instance per command:
/// System.CommandLine options belong to the command they are added to.
/// </summary>
public sealed class CommonOptions
{
    private readonly Option<FileInfo?> _fleet = new("--fleet") { Description = "Fleet file: stations, groups, boards (default $RADIOCTL_FLEET, else ./fleet.json)" };
    private readonly Option<FileInfo?> _keyring = new("--keyring") { Description = "Keyring file with the signing keys (default $RADIOCTL_KEYRING, else ~/.config/radioctl/keyring.json)" };
    private readonly Option<string?> _broker = new("--broker") { Description = "Broker URL mqtt://host:port or mqtts://host:port (default $RADIOCTL_BROKER, else the fleet file's)" };
    private readonly Option<FileInfo?> _ca = new("--ca") { Description = "CA certificate (PEM) to trust for mqtts" };
    private readonly Option<FileInfo?> _credentials = new("--credentials") { Description = "credentials.json of 'radioctl broker --secure' (MQTT user = issuer name)" };
    private readonly Option<string?> _as = new("--as") { Description = "Issuer to sign with (default: the lowest-level issuer of the keyring allowed to address the target)" };
    private readonly Option<string> _timeout = new("--timeout") { Description = "How long to wait for the stations' answers, e.g. 10s, 2m", DefaultValueFactory = _ => "10s" };
    private readonly Option<FileInfo?> _store = new("--store") { Description = "Local event store (SQLite) (default $RADIOCTL_STORE, else ~/.local/share/radioctl/events.db)" };
    private readonly Option<bool> _json = new("--json") { Description = "Write one JSON document to standard output instead of tables" };

    private readonly string[] _without;

    /// <summary>Creates the options; <paramref name="without"/> names those that would do nothing for the command (e.g. "--timeout").</summary>
    public CommonOptions(params string[] without)
    {
        _without = without ?? Array.Empty<string>();
    }

    /// <summary>Adds the options to <paramref name="command"/> (all but the excluded ones).</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option option in new Option[] { _fleet, _keyring, _broker, _ca, _credentials, _as, _timeout, _store, _json })
        {
            if (Array.IndexOf(_without, option.Name) < 0)
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>Reads the options; throws <see cref="OperatorException"/> for a bad --timeout.</summary>
    public OperatorSettings Read(ParseResult parse, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        int timeout = DurationText.Parse(parse.GetValue(_timeout) ?? "10s", "--timeout");
        if (timeout <= 0)
        {
            throw new OperatorException("--timeout must be at least 1 s: with 0 no station could answer");
        }

        return new OperatorSettings
        {
            FleetPath = parse.GetValue(_fleet)?.FullName ?? context.Environment("RADIOCTL_FLEET") ?? "fleet.json",
            KeyringPath = parse.GetValue(_keyring)?.FullName ?? context.Environment("RADIOCTL_KEYRING") ?? Path.Combine(home, ".config", "radioctl", "keyring.json"),
            BrokerUrl = parse.GetValue(_broker) ?? context.Environment("RADIOCTL_BROKER"),
            CaFile = parse.GetValue(_ca),
            CredentialsFile = parse.GetValue(_credentials),
            IssuerName = parse.GetValue(_as),
            Timeout = TimeSpan.FromSeconds(timeout),
            StorePath = parse.GetValue(_store)?.FullName ?? context.Environment("RADIOCTL_STORE") ?? Path.Combine(home, ".local", "share", "radioctl", "events.db"),
            Json = parse.GetValue(_json),
        };
    }
}
