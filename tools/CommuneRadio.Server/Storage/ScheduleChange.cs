using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CommuneRadio.Server.Storage;

/// <summary>
/// What a schedule command does to a station's schedule once the station accepted it (protocol §3.2), read from
/// the arguments the server sent — the server's record and the intended schedule of a group are both folds of these.
/// <code>
/// schedule.add     {"item":{"id":"morning-news",…}}          >> Put morning-news
/// schedule.remove  {"item_id":"morning-news"}                >> Remove morning-news
/// schedule.sync    {"version":7,"items":[{…},{…}]}            >> Replace every item, version 7
/// play             {…}                                        >> not a schedule command (TryParse false)
/// </code>
/// </summary>
public sealed class ScheduleChange
{
    private ScheduleChange(string cmd)
    {
        Cmd = cmd;
    }

    /// <summary>The command name.</summary>
    public string Cmd { get; }

    /// <summary>add/replace: the item (id and JSON as sent); sync: every item.</summary>
    public IReadOnlyList<(string Id, string Json)> Items { get; private set; } = Array.Empty<(string, string)>();

    /// <summary>remove: the item id.</summary>
    public string? RemovedId { get; private set; }

    /// <summary>sync: the schedule version.</summary>
    public long? Version { get; private set; }

    /// <summary>Whether the station's schedule is replaced whole (sync).</summary>
    public bool ReplacesAll => Cmd == "schedule.sync";

    /// <summary>Reads a schedule command's arguments; false for another command or arguments it cannot read.</summary>
    public static bool TryParse(string cmd, string argsJson, out ScheduleChange change)
    {
        change = new ScheduleChange(cmd ?? string.Empty);
        if (cmd is not ("schedule.add" or "schedule.replace" or "schedule.remove" or "schedule.sync"))
        {
            return false;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(argsJson);
            JsonElement args = doc.RootElement;
            if (args.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            switch (cmd)
            {
                case "schedule.remove":
                    change.RemovedId = args.TryGetProperty("item_id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                    return change.RemovedId is not null;
                case "schedule.sync":
                    if (!args.TryGetProperty("items", out JsonElement items) || items.ValueKind != JsonValueKind.Array ||
                        !args.TryGetProperty("version", out JsonElement v) || !v.TryGetInt64(out long version))
                    {
                        return false;
                    }

                    var list = new List<(string, string)>();
                    foreach (JsonElement item in items.EnumerateArray())
                    {
                        if (ItemId(item) is not { } itemId)
                        {
                            return false;
                        }

                        list.Add((itemId, item.GetRawText()));
                    }

                    change.Items = list;
                    change.Version = version;
                    return true;
                default:
                    if (!args.TryGetProperty("item", out JsonElement one) || ItemId(one) is not { } oneId)
                    {
                        return false;
                    }

                    change.Items = new[] { (oneId, one.GetRawText()) };
                    return true;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Applies the change to <paramref name="items"/> (item id → item JSON, issuer, level, command).</summary>
    public void ApplyTo(SortedDictionary<string, RecordedItem> items, string station, StoredCommand command)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(command);
        if (ReplacesAll)
        {
            items.Clear();
        }

        if (RemovedId is not null)
        {
            items.Remove(RemovedId);
        }

        foreach ((string id, string json) in Items)
        {
            items[id] = new RecordedItem(station, id, json, command.Issuer, command.Level, command.Id);
        }
    }

    private static string? ItemId(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
