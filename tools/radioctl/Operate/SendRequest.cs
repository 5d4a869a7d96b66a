namespace CommuneRadio.Cli.Operate;

/// <summary>A command to sign, check and send to a target.</summary>
/// <param name="Cmd">Command name (protocol §3.2), e.g. "play".</param>
/// <param name="ArgsJson">Its args object.</param>
/// <param name="EmergencyWork">True when it needs an issuer allowed to send emergencies.</param>
/// <param name="NeedHealth">Also wait for a health snapshot from every member that accepts (status).</param>
public sealed record SendRequest(string Cmd, string ArgsJson, bool EmergencyWork, bool NeedHealth = false);
