using System;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// radioctl's check of a signed command before it is sent: <see cref="CommandPreflight"/> (the very Core of the
/// stations, one throw-away endpoint per board profile among the target's members), with the refusal explained in
/// radioctl's option names. Nothing is sent when the Core refuses.
/// </summary>
public static class Preflight
{
    /// <summary>Throws <see cref="OperatorException"/> with an explanation when the Core refuses the command.</summary>
    public static void Check(FleetFile fleet, FleetIssuer issuer, Target target, SignedCommand command)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(command);
        if (CommandPreflight.FirstRefusal(fleet, issuer, target.Members, command) is { } r)
        {
            throw new OperatorException($"nothing was sent: {Explain(r.Reason, r.Field, issuer, target, r.Station)} (the Core refuses it: {r.Reason}{(r.Field is null ? string.Empty : " on " + r.Field)})");
        }
    }
    private static string Explain(string? reason, string? field, FleetIssuer issuer, Target target, FleetStation station)
    {
        string option = OptionOf(field);
        return reason switch
        {
            "invalid-time" when option == "--days" => "--days must name at least one of mon tue wed thu fri sat sun",
            "invalid-time" when option is "--date" or "--from" or "--until" => $"{option} is not an existing date YYYY-MM-DD (or --until is before --from)",
            "invalid-time" => $"{option} is not a time of day HH:MM or HH:MM:SS (00:00 to 23:59:59)",
            "in-the-past" when option == "--until" => "--until is over: every occurrence of this weekly programme has already ended (local time +07:00)",
            "in-the-past" => "the programme is in the past: its --date, --time and --duration ended before now (local time +07:00), so it would never play",
            "invalid-duration" => $"{option} must be from 1 s to 4 h, and at most 3 h for normal and priority programmes (the stations' amplifier on-time limit; emergencies are exempt)",
            "invalid-lines" => $"{option}: station {station.Id} (board {station.Board}) has lines 0-{LineCount(station) - 1}; give lines it has",
            "invalid-source" => $"{option}: station {station.Id} (board {station.Board}) has sources 0-{SourceCount(station) - 1}",
            "not-authorized" when field == "cmd" => $"issuer '{issuer.Name}' ({issuer.Level}, emergency {(issuer.Emergency ? "yes" : "no")}) may not send this command",
            "not-authorized" => $"issuer '{issuer.Name}' ({issuer.Level}, scopes {string.Join(" ", issuer.Scopes)}) may not address {target.Addressee}",
            "expired" or "not-yet-valid" => "the command's validity window is wrong (check this computer's clock)",
            "too-large" => "the command is larger than a station accepts (12,288 bytes)",
            _ => $"{option} is not valid",
        };
    }

    private static string OptionOf(string? field)
    {
        if (field is null)
        {
            return "the command";
        }

        string last = field[(field.LastIndexOf('.') + 1)..];
        return last switch
        {
            "item_id" or "id" or "programme" => "--id",
            "time" or "date" or "days" or "from" or "until" or "duration" or "lines" or "source" or "class" => "--" + last,
            "items" => "the items file",
            _ => field,
        };
    }

    private static int LineCount(FleetStation s) => BoardProfiles.Layout(s.Board).Lines.Length;

    private static int SourceCount(FleetStation s) => BoardProfiles.Layout(s.Board).Sources.Length;
}
