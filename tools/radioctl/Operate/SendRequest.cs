namespace CommuneRadio.Cli.Operate;

/// <summary>A command to sign, check and send to a target.</summary>
/// <param name="Cmd">Command name (protocol §3.2), e.g. "play".</param>
/// <param name="ArgsJson">Its args object.</param>
/// <param name="EmergencyWork">True when it needs an issuer allowed to send emergencies.</param>
/// <param name="NeedHealth">Also wait for a health snapshot from every member that accepts (status).</param>
/// <param name="AwaitPlay">
/// Also wait (within the timeout) for the first proof-of-play event of the programme (id = command id) from every
/// member that accepts (play, emergency start): the amplifiers' warm-up puts "started" ~2 s after the result, and a
/// command that stopped listening at the result would never record it.
/// </param>
/// <param name="DoneWhen">Also wait (within the wait) until this holds for every member that accepts (selftest: every line reported).</param>
/// <param name="Wait">The least time to wait for answers, whatever --timeout says (selftest: the length of the test).</param>
/// <param name="ArgsForProvince">
/// Args for the stations of one province, when they differ by province (key.rotate: the new key of each province,
/// docs/security.md); null = <paramref name="ArgsJson"/> everywhere.
/// </param>
public sealed record SendRequest(
    string Cmd, string ArgsJson, bool EmergencyWork, bool NeedHealth = false, bool AwaitPlay = false, System.Func<StationAnswer, bool>? DoneWhen = null, System.TimeSpan? Wait = null,
    System.Func<string, string>? ArgsForProvince = null);
