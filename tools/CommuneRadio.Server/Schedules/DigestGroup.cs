using System.Collections.Generic;

namespace CommuneRadio.Server.Schedules;

/// <summary>Stations that report the same schedule digest.</summary>
/// <param name="Digest">The digest ("unknown" for stations with no health yet).</param>
/// <param name="Intended">Whether it is the intended digest.</param>
/// <param name="Stations">The stations.</param>
public sealed record DigestGroup(string Digest, bool Intended, IReadOnlyList<string> Stations);
