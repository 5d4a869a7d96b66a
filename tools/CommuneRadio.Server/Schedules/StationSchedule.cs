using System.Collections.Generic;

namespace CommuneRadio.Server.Schedules;

/// <summary>One station's schedule: reported, recorded, compared.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Online">Its last state.</param>
/// <param name="Reported">Count, digest and version of its last health snapshot, or null before any.</param>
/// <param name="RecordDigest">The digest of the items it accepted through the server (null when one does not parse).</param>
/// <param name="RecordItems">Ids of the items it accepted through the server.</param>
/// <param name="InStep">Reported digest = record digest: nobody else changed it and no change was lost (null: no health yet).</param>
/// <param name="MatchesIntended">Reported digest = the target's intended digest (null: unknown).</param>
/// <param name="Missing">Intended items it did not accept (refused, offline, or silent).</param>
/// <param name="Extra">Items it accepted that are not intended for the target (sent to it alone, or since replaced for the others).</param>
/// <param name="Changed">Items it holds under an intended id with other content.</param>
public sealed record StationSchedule(
    string Station, bool? Online, ReportedSchedule? Reported, string? RecordDigest, IReadOnlyList<string> RecordItems, bool? InStep, bool? MatchesIntended,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Extra, IReadOnlyList<string> Changed);
