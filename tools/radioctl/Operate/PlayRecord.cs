namespace CommuneRadio.Cli.Operate;

/// <summary>A proof-of-play event (protocol §6) as the local event store keeps it.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Seq">The station's event sequence number.</param>
/// <param name="Kind">started, ended, preempted, resumed, missed.</param>
/// <param name="Programme">Schedule item id or command id.</param>
/// <param name="Class">normal, priority, emergency.</param>
/// <param name="Reason">none, preempted, no-clock, …</param>
/// <param name="AtUtcMs">When it happened at the station.</param>
/// <param name="ClockValid">False when the station's clock was not valid (then AtUtcMs is its best guess).</param>
/// <param name="ReceivedUtcMs">When radioctl received it.</param>
public sealed record PlayRecord(string Station, long Seq, string Kind, string Programme, string Class, string Reason, long AtUtcMs, bool ClockValid, long ReceivedUtcMs)
{
    /// <summary>The record of an event message, or null when it is not one.</summary>
    public static PlayRecord? From(StationMessage m)
    {
        System.ArgumentNullException.ThrowIfNull(m);
        return m.Kind != "event" || m.Number("at") is not long at
            ? null
            : new PlayRecord(m.Station, m.Number("seq") ?? 0, m.Text("kind") ?? "?", m.Text("programme") ?? string.Empty, m.Text("class") ?? "?", m.Text("reason") ?? "none", at, m.Flag("clock") ?? false, m.ReceivedUtcMs);
    }
}
