namespace CommuneRadio.Host.Commands;

/// <summary>A signed command ready to publish (QoS 1, never retained: protocol §1).</summary>
/// <param name="Id">Command id; the stations' results carry it.</param>
/// <param name="Topic">Command topic, e.g. "cr/v1/g/prov.ha-tinh/cmd".</param>
/// <param name="Payload">The envelope {"body":…,"sig":…}.</param>
public sealed record SignedCommand(string Id, string Topic, byte[] Payload);
