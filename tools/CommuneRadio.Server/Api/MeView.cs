using System.Collections.Generic;

namespace CommuneRadio.Server.Api;

/// <summary>Who a token is, <c>GET /api/me</c>: what the console shows and offers after log-in.</summary>
/// <param name="Name">Token name (as in the audit log).</param>
/// <param name="Role">commune, district, province or national.</param>
/// <param name="Scope">The group it reaches (e.g. <c>com.ha-tinh.an-binh</c>; <c>vn</c> or empty for national).</param>
/// <param name="Commands">The commands this role may send (protocol §3.2), in protocol order.</param>
/// <param name="Stations">Stations it sees.</param>
/// <param name="Groups">The groups of its stations that it covers whole (communes, province, custom), as command targets <c>g/…</c>.</param>
/// <param name="Lines">Speaker lines of its largest board (lines 0 to Lines-1 exist somewhere; each station's Core refuses the ones it lacks).</param>
/// <param name="Sources">Audio sources of its largest board.</param>
public sealed record MeView(string Name, string Role, string Scope, IReadOnlyList<string> Commands, int Stations, IReadOnlyList<string> Groups, int Lines, int Sources);
