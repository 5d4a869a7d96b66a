namespace CommuneRadio.Cli.Bench;

/// <summary>One member's times for a command (Unix ms, 0 = not), from <see cref="FanoutSide.Times"/>.</summary>
/// <param name="First">Station: first relay switched on; bare client: command received.</param>
/// <param name="Lines">Station: every emergency line connected; bare client: command received.</param>
public readonly record struct MemberTimes(long First, long Lines);
