using System.Diagnostics;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// One station's row in an update push: its phase, chunks sent and verified, resends, and how it ended. Written by
/// the station's own task in <see cref="UpdatePusher"/>, read by the live table (a torn read shows one step late).
/// </summary>
public sealed class StationPush
{
    private readonly Stopwatch _clock = new();

    /// <summary>Creates the row of <paramref name="station"/> for an image of <paramref name="totalChunks"/> chunks.</summary>
    public StationPush(string station, int totalChunks)
    {
        Station = station;
        TotalChunks = totalChunks;
    }

    /// <summary>Station id.</summary>
    public string Station { get; }

    /// <summary>Chunks of the image.</summary>
    public int TotalChunks { get; }

    /// <summary>Where it stands.</summary>
    public PushPhase Phase { get; internal set; }

    /// <summary>update.chunk commands published to it (resends included).</summary>
    public int ChunksSent { get; internal set; }

    /// <summary>Chunks it holds, written and chained (from its last result: the next chunk it wants).</summary>
    public int ChunksVerified { get; internal set; }

    /// <summary>Chunks sent again after an out-of-order answer (a chunk lost or reordered on the way).</summary>
    public int Resends { get; internal set; }

    /// <summary>Times update.begin was sent again to find where it stands (a silent spell, a restart, a discarded transfer).</summary>
    public int Resumes { get; internal set; }

    /// <summary>The refusal or rollback reason, or "timeout"; null when none.</summary>
    public string? Reason { get; internal set; }

    /// <summary>The version it last said it runs, or null.</summary>
    public string? Running { get; internal set; }

    /// <summary>The station's update state from its last result (idle, receiving, verified, trial), or null.</summary>
    public string? StationState { get; internal set; }

    /// <summary>Seconds since its first command.</summary>
    public double Seconds => _clock.Elapsed.TotalSeconds;

    /// <summary>True once the phase is final.</summary>
    public bool Done => Phase >= PushPhase.Committed;

    /// <summary>True when it ended well (committed, or already running the version).</summary>
    public bool Succeeded => Phase is PushPhase.Committed or PushPhase.UpToDate;

    internal void Start() => _clock.Start();

    internal void Finish(PushPhase phase, string? reason = null)
    {
        Phase = phase;
        Reason = reason ?? Reason;
        _clock.Stop();
    }
}
