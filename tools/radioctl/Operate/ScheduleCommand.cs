using System;
using System.CommandLine;
using System.Globalization;
using CommuneRadio.Host.Commands;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl schedule add|remove|list|sync TARGET</c>: the commune's programme (protocol §3.2
/// <c>schedule.*</c>). Times are local (+07:00) as typed; the Core checks them before anything is sent
/// (<see cref="Preflight"/>). What each station accepts is remembered in the event store, so
/// <c>schedule list</c> can compare it with the digest the stations report.
/// </summary>
public static class ScheduleCommand
{
    private static readonly string[] AllDays = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

    /// <summary>Creates the command and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        Command command = new("schedule", "Add, remove, list or replace scheduled programmes on a station or group");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(ScheduleListCommand.Create(context));
        command.Subcommands.Add(ScheduleSyncCommand.Create(context));
        return command;
    }

    /// <summary>"today"/"tomorrow" as local dates (+07:00); anything else as typed.</summary>
    public static string LocalDate(string text, long nowUtcMs)
    {
        ArgumentNullException.ThrowIfNull(text);
        DateTime today = ArgsJson.LocalTime(nowUtcMs).Date;
        return text switch
        {
            "today" => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "tomorrow" => today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    /// <summary>"daily", "weekdays", "weekend" or a comma list of mon…sun (names are checked by the Core).</summary>
    public static string[] Days(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text switch
        {
            "daily" => AllDays,
            "weekdays" => AllDays[..5],
            "weekend" => AllDays[5..],
            _ => text.Split(',', StringSplitOptions.TrimEntries),
        };
    }

    private static Command Add(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Option<string> id = new("--id") { Description = "Item id (1-32 of a-z A-Z 0-9 . _ - :), e.g. morning-news", Required = true };
        Option<string?> date = new("--date") { Description = "One-off: local date YYYY-MM-DD, today or tomorrow" };
        Option<string?> days = new("--days") { Description = "Weekly: mon,tue,… or daily, weekdays, weekend" };
        Option<string?> from = new("--from") { Description = "Weekly: first local date it plays (YYYY-MM-DD)" };
        Option<string?> until = new("--until") { Description = "Weekly: last local date it plays (YYYY-MM-DD)" };
        Option<string> time = new("--time") { Description = "Local start HH:MM or HH:MM:SS (+07:00)", Required = true };
        Option<string> duration = new("--duration") { Description = "How long: 90s, 30m, 1h (1 s to 3 h; emergency class 4 h)", Required = true };
        Option<string> broadcastClass = new("--class") { Description = "normal, priority or emergency", DefaultValueFactory = _ => "normal" };
        broadcastClass.AcceptOnlyFromAmong("normal", "priority", "emergency");
        Option<string?> lines = new("--lines") { Description = "Speaker lines, e.g. 0,1 (default: all fitted)" };
        Option<int> source = new("--source") { Description = "Audio source (0-based)", DefaultValueFactory = _ => 0 };
        Option<bool> replace = new("--replace") { Description = "Replace the item with this id (schedule.replace) instead of adding" };
        Command command = new("add", "Add a one-off (--date) or weekly (--days) programme");
        targets.AddTo(command);
        foreach (Option o in new Option[] { id, date, days, from, until, time, duration, broadcastClass, lines, source, replace })
        {
            command.Options.Add(o);
        }

        common.AddTo(command);
        string itemJson = string.Empty;
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, target) =>
            {
                string? onDate = parse.GetValue(date);
                string? onDays = parse.GetValue(days);
                if ((onDate is null) == (onDays is null))
                {
                    throw new OperatorException("give --date for a one-off programme or --days for a weekly one (not both)");
                }

                if (onDate is not null && (parse.GetValue(from) is not null || parse.GetValue(until) is not null))
                {
                    throw new OperatorException("--from and --until are for weekly programmes (--days)");
                }

                string itemId = ItemId(parse.GetValue(id)!);
                var read = new System.Collections.Generic.List<string>();
                string startTime = Read(read, "--time", parse.GetValue(time)!, LocalText.Time);
                string? onDateIso = onDate is null ? null : Read(read, "--date", LocalDate(onDate, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), LocalText.Date, onDate);
                string? fromIso = parse.GetValue(from) is string f ? Read(read, "--from", f, LocalText.Date) : null;
                string? untilIso = parse.GetValue(until) is string u ? Read(read, "--until", u, LocalText.Date) : null;
                if (read.Count > 0)
                {
                    context.Error.WriteLine($"radioctl schedule add: read {string.Join(", ", read)} (local time +07:00)");
                }

                string cls = parse.GetValue(broadcastClass)!;
                int seconds = DurationText.Parse(parse.GetValue(duration)!, "--duration");
                int mask = LinesText.Parse(parse.GetValue(lines), target);
                itemJson = ArgsWriter.Object(w =>
                {
                    w.WriteString("id", itemId);
                    w.WriteString("kind", onDate is null ? "weekly" : "once");
                    if (onDate is not null)
                    {
                        w.WriteString("date", onDateIso);
                    }
                    else
                    {
                        w.WriteStartArray("days");
                        foreach (string d in Days(onDays!))
                        {
                            w.WriteStringValue(d);
                        }

                        w.WriteEndArray();
                        WriteIf(w, "from", fromIso);
                        WriteIf(w, "until", untilIso);
                    }

                    w.WriteString("time", startTime);
                    w.WriteNumber("duration", seconds);
                    w.WriteString("class", cls);
                    ArgsWriter.Lines(w, mask);
                    w.WriteNumber("source", parse.GetValue(source));
                });
                string args = "{\"item\":" + itemJson + "}";
                return new SendRequest(parse.GetValue(replace) ? "schedule.replace" : "schedule.add", args, cls == "emergency");
            },
            (station, issuer, store) => store.PutItem(station, ItemId(parse.GetValue(id)!), itemJson, issuer.Name, issuer.Level),
            null,
            ct));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Option<string> id = new("--id") { Description = "Item id to remove", Required = true };
        Command command = new("remove", "Remove a programme by id");
        targets.AddTo(command);
        command.Options.Add(id);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, _) => new SendRequest("schedule.remove", ArgsWriter.Object(w => w.WriteString("item_id", ItemId(parse.GetValue(id)!))), false),
            (station, _, store) => store.RemoveItem(station, ItemId(parse.GetValue(id)!)),
            null,
            ct));
        return command;
    }

    /// <summary>
    /// An item id as given, or — for a name with diacritics ("bản-tin-sáng"), which an id cannot hold — an error
    /// suggesting its ascii form, so the operator decides on the id that later commands must name.
    /// </summary>
    public static string ItemId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LocalText.HasNonAscii(text)
            ? throw new OperatorException($"--id '{text}': an id holds only a-z A-Z 0-9 . _ - : (no diacritics); did you mean --id {LocalText.Ascii(text)}?")
            : text;
    }

    private static string Read(System.Collections.Generic.List<string> read, string option, string text, Func<string, string> convert, string? typed = null)
    {
        string result = convert(text);
        string shown = typed ?? text;
        if (result != shown.Trim())
        {
            read.Add($"{option} '{shown}' as {(option == "--time" ? result : LocalText.Weekday(result))}");
        }

        return result;
    }

    private static void WriteIf(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
