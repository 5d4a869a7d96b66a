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
public sealed record SendRequest(string Cmd, string ArgsJson, bool EmergencyWork, bool NeedHealth = false, bool AwaitPlay = false);
