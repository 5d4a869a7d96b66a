using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl schedule sync --file ITEMS.json [--version N] TARGET</c>: replaces the whole schedule of every
/// station of the target at once (protocol §3.2 <c>schedule.sync</c>, at most 64 items). The file holds the
/// items in the protocol's Item format, either as an array or as <c>{"version":N,"items":[…]}</c>; the version
/// defaults to the current Unix time in seconds so a later sync always has a higher one.
/// </summary>
public static class ScheduleSyncCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Option<FileInfo> file = new("--file") { Description = "JSON file with the items ([Item, …] or {\"version\":N,\"items\":[…]})", Required = true };
        Option<long?> version = new("--version") { Description = "Schedule version the stations report (default: the file's, else the Unix time)" };
        Command command = new("sync", "Replace the whole schedule of a station or group with the items of a file");
        targets.AddTo(command);
        command.Options.Add(file);
        command.Options.Add(version);
        common.AddTo(command);
        var items = new List<(string Id, string Json)>();
        long chosenVersion = 0;
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, _) =>
            {
                (long fileVersion, List<JsonElement> elements) = Read(parse.GetValue(file)!);
                chosenVersion = parse.GetValue(version) ?? (fileVersion > 0 ? fileVersion : DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                bool emergency = false;
                items.Clear();
                foreach (JsonElement e in elements)
                {
                    items.Add((e.GetProperty("id").GetString()!, JsonSerializer.Serialize(e)));
                    emergency |= e.TryGetProperty("class", out JsonElement c) && c.ValueKind == JsonValueKind.String && c.GetString() == "emergency";
                }

                RefusePast(items);
                string args = ArgsWriter.Object(w =>
                {
                    w.WriteNumber("version", chosenVersion);
                    w.WriteStartArray("items");
                    foreach (JsonElement e in elements)
                    {
                        e.WriteTo(w);
                    }

                    w.WriteEndArray();
                });
                return new SendRequest("schedule.sync", args, emergency);
            },
            (station, issuer, store) => store.ReplaceSchedule(station, chosenVersion, items, issuer.Name, issuer.Level),
            (w, _) => w.WriteNumber("version", chosenVersion),
            ct));
        return command;
    }

    /// <summary>
    /// The stations refuse the whole sync when one item is over (<c>in-the-past</c> on its date, not naming it):
    /// name the item here, before anything is sent. Items the Core cannot read are left to the preflight.
    /// </summary>
    private static void RefusePast(List<(string Id, string Json)> items)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach ((string id, string json) in items)
        {
            CommuneRadio.Core.Scheduling.ScheduleItem item;
            try
            {
                item = ScheduleShadow.Parse(new LocalItem(id, json, "radioctl", "commune"));
            }
            catch (FormatException)
            {
                continue;
            }

            CommuneRadio.Core.Results.CommandResult r = CommuneRadio.Core.Scheduling.ScheduleValidator.CheckNotPast(item, now, CommuneRadio.Host.Commands.ArgsJson.VietnamOffsetMinutes);
            if (!r.Accepted)
            {
                throw new OperatorException($"nothing was sent: item '{id}' of the --file is in the past (its {r.Field} is over, local time +07:00): remove it from the file");
            }
        }
    }

    private static (long Version, List<JsonElement> Items) Read(FileInfo file)
    {
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file.FullName), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = doc.RootElement.Clone();
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new OperatorException($"--file {file.FullName}: {ex.Message}", ex);
        }

        long version = 0;
        JsonElement array = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("items", out array))
            {
                throw new OperatorException($"--file {file.Name}: an object needs an \"items\" array");
            }

            if (root.TryGetProperty("version", out JsonElement v) && !v.TryGetInt64(out version))
            {
                throw new OperatorException($"--file {file.Name}: \"version\" must be an integer");
            }
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new OperatorException($"--file {file.Name}: expected an array of items");
        }

        var items = new List<JsonElement>();
        foreach (JsonElement e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("id", out JsonElement id) || id.ValueKind != JsonValueKind.String)
            {
                throw new OperatorException($"--file {file.Name}: item {items.Count + 1} is not an object with a string \"id\"");
            }

            items.Add(e);
        }

        return (version, items);
    }
}
