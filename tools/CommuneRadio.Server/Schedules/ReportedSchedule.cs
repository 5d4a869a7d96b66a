namespace CommuneRadio.Server.Schedules;

/// <summary>The <c>schedule</c> member of a station's last health snapshot (protocol §6).</summary>
/// <param name="Count">Items it holds.</param>
/// <param name="Digest">Their digest, 8 hex digits.</param>
/// <param name="Version">The version of its last schedule.sync (0 before any).</param>
public sealed record ReportedSchedule(long Count, string Digest, long Version);
