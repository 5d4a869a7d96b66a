using System;

namespace CommuneRadio.Cli.Update;

/// <summary>How a push paces itself and how long it waits (the options of <c>radioctl update push</c>).</summary>
public sealed record UpdatePushSettings
{
    /// <summary>
    /// Chunks in flight per station (default 2): the station takes one at a time and its inbox holds a few messages
    /// (the device's queue is 8 deep, each chunk ~6 KB of a ~100 KB heap), so a small window keeps the link busy
    /// without piling chunks up in its memory.
    /// </summary>
    public int Window { get; init; } = 2;

    /// <summary>Stations updated at once (default 8).</summary>
    public int Parallel { get; init; } = 8;

    /// <summary>How long one command waits for its result before the station is asked again where it stands.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Times in a row a station may stay silent (each <see cref="Timeout"/> long) before it is marked silent (default 3).</summary>
    public int Retries { get; init; } = 3;

    /// <summary>
    /// How long to wait after the commit for the outcome (update-committed / update-rolled-back, or health running the
    /// version): the station restarts and must prove itself within its prove time (5 min by default), so 6 min.
    /// </summary>
    public TimeSpan OutcomeWait { get; init; } = TimeSpan.FromMinutes(6);
}
