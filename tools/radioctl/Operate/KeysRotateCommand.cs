using System;
using System.CommandLine;
using System.IO;
using CommuneRadio.Host.Fleet;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl keys rotate --issuer NAME [--key-file F] --as HIGHER TARGET</c>: gives issuer NAME a new key on the
/// stations of the target (protocol §3.2 <c>key.rotate</c>, signed by an issuer of a strictly higher level). The
/// new key is a master key: each station is sent the key of its province derived from it (docs/security.md). The
/// new key is written first to <c>{keyring}.{NAME}.pending</c> (mode 0600) so it is never lost; when every
/// station accepted it replaces NAME's key in the keyring file (if it holds NAME) and the fleet file, and the
/// pending file is deleted. Otherwise the files keep the old key and the pending file stays: re-run with
/// <c>--key-file</c> on the stations that did not take it.
/// </summary>
public static class KeysRotateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Option<string> issuer = new("--issuer") { Description = "Issuer whose key changes (lower level than the signer)", Required = true };
        Option<FileInfo?> keyFile = new("--key-file") { Description = "File holding the new key (64 hex), e.g. the .pending file of an earlier partial rotation" };
        Command command = new("rotate", "Give an issuer a new key on the stations of a target");
        targets.AddTo(command);
        command.Options.Add(issuer);
        command.Options.Add(keyFile);
        common.AddTo(command);
        string newKey = string.Empty;
        string pending = string.Empty;
        OperatorAction.Set(command, context, async (parse, ct) =>
        {
            OperatorSettings settings = common.Read(parse, context);
            string name = parse.GetValue(issuer)!;
            pending = $"{settings.KeyringPath}.{name}.pending";
            int code = await SendCommandRunner.RunAsync(
                context,
                parse,
                common,
                targets,
                (_, _) =>
                {
                    newKey = ReadOrCreate(parse.GetValue(keyFile), pending);
                    // The new key is a master key like the old one: each province's stations get theirs (docs/security.md).
                    string ArgsFor(string province) => ArgsWriter.Object(w =>
                    {
                        w.WriteString("issuer", name);
                        w.WriteString("key", ProvinceKeys.DeriveHex(newKey, province));
                    });
                    return new SendRequest("key.rotate", string.Empty, false, ArgsForProvince: ArgsFor);
                },
                null,
                (w, _) => w.WriteString("pendingKeyFile", pending),
                ct).ConfigureAwait(false);
            if (code != ExitCodes.Ok)
            {
                await context.Error.WriteLineAsync($"keys rotate: not every station took the new key of '{name}'; files unchanged, new key kept in {pending}").ConfigureAwait(false);
                return code;
            }

            Commit(settings, name, newKey);
            File.Delete(pending);
            if (!settings.Json)
            {
                context.Console.MarkupLine(Markup.Escape($"new key of '{name}' saved into {settings.FleetPath}" + (File.Exists(settings.KeyringPath) ? $" and {settings.KeyringPath} (where it holds '{name}')" : string.Empty)));
            }

            return code;
        });
        return command;
    }

    private static string ReadOrCreate(FileInfo? keyFile, string pending)
    {
        if (keyFile is not null)
        {
            string text = File.Exists(keyFile.FullName) ? File.ReadAllText(keyFile.FullName).Trim() : throw new OperatorException($"--key-file {keyFile.FullName} not found");
            _ = new FleetIssuer { Name = "new", Key = text }.KeyBytes();
            return text;
        }

        string key = FleetGenerator.NewKeyHex();
        File.WriteAllText(pending, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pending, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    private static void Commit(OperatorSettings settings, string name, string key)
    {
        FleetFile fleet = settings.LoadFleet();
        if (fleet.Issuers.Find(i => i.Name == name) is { HasKey: true } entry)
        {
            entry.Key = key;
            fleet.Save(settings.FleetPath);
        }

        if (File.Exists(settings.KeyringPath))
        {
            KeyringFile keyring = settings.LoadKeyring();
            if (keyring.Find(name) is { } own)
            {
                own.Key = key;
                keyring.Save(settings.KeyringPath);
            }
        }
    }
}
