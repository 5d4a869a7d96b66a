namespace CommuneRadio.Cli.Demo;

/// <summary>What one station did in the live demo (UTC ms of each moment, 0 when it did not happen).</summary>
/// <param name="Id">Station id.</param>
/// <param name="FirstRelayUtcMs">First relay switched on at or after the announcement's time (its amplifier).</param>
/// <param name="AnnouncementStartUtcMs">The announcement's lines connected ("started").</param>
/// <param name="EmergencyStartUtcMs">The emergency's lines connected ("started").</param>
/// <param name="ResumedUtcMs">The announcement back on the speakers ("resumed").</param>
/// <param name="EndedUtcMs">The announcement's end ("ended").</param>
/// <param name="Preempted">True when the announcement reported "preempted".</param>
/// <param name="RelaysOff">True when every output of its board was off at the end.</param>
public sealed record LiveDemoStation(
    string Id, long FirstRelayUtcMs, long AnnouncementStartUtcMs, long EmergencyStartUtcMs, long ResumedUtcMs, long EndedUtcMs, bool Preempted, bool RelaysOff);
