namespace CommuneRadio.Host.Protocol;

/// <summary>
/// The members of a command body (docs/protocol.md §3.1), as a host tool fills them in before
/// <see cref="CommandSigner"/> writes and signs them:
/// <code>
/// new CommandBody(1, "c-1", "com.ha-tinh.an-binh", "g/com.ha-tinh.an-binh", 1763850000, 1763850600, 17, "stop", "{}")
///   >> {"v":1,"id":"c-1","iss":"com.ha-tinh.an-binh","to":"g/com.ha-tinh.an-binh","iat":1763850000,"exp":1763850600,"ctr":17,"cmd":"stop","args":{}}
/// </code>
/// </summary>
/// <param name="V">Protocol version; <see cref="Version"/> for v1.</param>
/// <param name="Id">Command id, a token of 1–32 characters; results are correlated by it.</param>
/// <param name="Iss">Issuer name, the key of the signing issuer in the station's keyring.</param>
/// <param name="To">Addressee, <c>st/{station}</c> or <c>g/{group}</c>; must match the topic it is published on.</param>
/// <param name="Iat">Issue time, Unix seconds.</param>
/// <param name="Exp">Expiry, Unix seconds; <c>Iat &lt; Exp ≤ Iat + 86400</c>.</param>
/// <param name="Ctr">Issuer counter, ≥ 1 and strictly increasing per issuer (Unix milliseconds will do).</param>
/// <param name="Cmd">Command name, e.g. <c>schedule.add</c> (§3.2).</param>
/// <param name="Args">The arguments as JSON object text, written into the body verbatim (<c>{}</c> when none).</param>
public sealed record CommandBody(int V, string Id, string Iss, string To, long Iat, long Exp, long Ctr, string Cmd, string Args)
{
    /// <summary>The protocol version this signer writes.</summary>
    public const int Version = 1;
}
