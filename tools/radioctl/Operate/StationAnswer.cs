namespace CommuneRadio.Cli.Operate;

/// <summary>What one addressed station said (or did not) during a group operation.</summary>
public sealed class StationAnswer
{
    /// <summary>Creates the answer slot of a station.</summary>
    public StationAnswer(string station)
    {
        Station = station;
    }

    /// <summary>Station id.</summary>
    public string Station { get; }

    /// <summary>Its retained state: true online, false offline (state or last will), null never seen.</summary>
    public bool? Online { get; set; }

    /// <summary>Firmware version from its state message.</summary>
    public string? Firmware { get; set; }

    /// <summary>"accepted", "refused", or null when it did not answer.</summary>
    public string? Result { get; set; }

    /// <summary>Refusal reason (protocol §5), or null.</summary>
    public string? Reason { get; set; }

    /// <summary>Field at fault, or null.</summary>
    public string? Field { get; set; }

    /// <summary>Milliseconds from publishing to the result.</summary>
    public long? LatencyMs { get; set; }

    /// <summary>The latest health snapshot received during the operation, or null.</summary>
    public StationMessage? Health { get; set; }

    /// <summary>When anything was last received from it (UTC ms), or null.</summary>
    public long? LastSeenUtcMs { get; set; }

    /// <summary>The first proof-of-play event of the command's programme (started, missed…) seen during the operation, or null.</summary>
    public string? PlayEvent { get; set; }

    /// <summary>Proof-of-play events it sent after the command was published.</summary>
    public System.Collections.Generic.List<PlayRecord> Events { get; } = new();

    /// <summary>True when it did not answer (offline, or no result before the timeout).</summary>
    public bool Silent => Result is null;
}
