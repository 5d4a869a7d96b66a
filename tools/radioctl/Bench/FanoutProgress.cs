namespace CommuneRadio.Cli.Bench;

/// <summary>Counts behind the fan-out benchmark's waits (<see cref="FanoutSide.Progress"/>).</summary>
/// <param name="Switched">Stations with an amplifier powered, or bare clients that received the command.</param>
/// <param name="AllLines">Stations with every emergency line connected (bare clients: as <paramref name="Switched"/>).</param>
/// <param name="AllOff">Stations with every relay off (bare clients: all of them).</param>
/// <param name="MaxTickMs">The scheduler's last tick of every station, ms (0 for bare clients).</param>
/// <param name="TickErrors">Station ticks that threw so far.</param>
public readonly record struct FanoutProgress(int Switched, int AllLines, int AllOff, double MaxTickMs, long TickErrors);
