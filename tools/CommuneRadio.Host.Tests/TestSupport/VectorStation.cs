using System.Text;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Host.Tests.TestSupport;

/// <summary>
/// A Core station endpoint as the vectors assume it: station "ht-ab-001" in groups vn, prov.ha-tinh and
/// com.ha-tinh.an-binh (2 amplifiers, 4 lines, 2 sources), trusting the commune (com.ha-tinh.an-binh),
/// province (prov.ha-tinh) and national (vn) issuers with their keys from docs/protocol-vectors.json. Its
/// clock reads 2025-11-22 22:20 UTC (iat 1763850000), synced or not.
/// </summary>
public sealed class VectorStation
{
    /// <summary>UTC of the vectors' commands (iat 1763850000).</summary>
    public const long StartUtcMs = 1763850000000;

    private readonly StationEndpoint _endpoint;
    private Instant _now = new(1000, StartUtcMs);

    /// <summary>
    /// Boots the station. Without a synced clock the station skips the iat/exp checks (§4.3), which lets
    /// vectors issued at different times all be accepted.
    /// </summary>
    public VectorStation(bool synced)
    {
        RelayChannel[] amps = { new(25, true, 0), new(26, true, 0) };
        RelayChannel[] lines = { new(16, true, 0), new(17, true, 0), new(18, true, 1), new(19, true, 1) };
        RelayChannel[] sources = { new(21, false, 0), new(22, false, 0) };
        StationCore core = new(new StationSettings(new RelayLayout(amps, lines, sources)));
        Keyring keys = new();
        keys.Put(new IssuerKey("com.ha-tinh.an-binh", IssuerLevel.Commune, ProtocolVectors.KeyOf("com.ha-tinh.an-binh"), new[] { "g/com.ha-tinh.an-binh" }, false));
        keys.Put(new IssuerKey("prov.ha-tinh", IssuerLevel.Province, ProtocolVectors.KeyOf("prov.ha-tinh"), new[] { "g/prov.ha-tinh" }, true));
        keys.Put(new IssuerKey("vn", IssuerLevel.National, ProtocolVectors.KeyOf("vn"), new[] { "g/vn" }, true));
        _endpoint = new StationEndpoint(core, new ProtocolSettings("cr/v1", "ht-ab-001", new[] { "vn", "prov.ha-tinh", "com.ha-tinh.an-binh" }), keys);
        core.Boot(_now);
        if (synced)
        {
            core.ClockSynced(_now);
        }
    }

    /// <summary>The station's Core.</summary>
    public StationCore Core => _endpoint.Core;

    /// <summary>Delivers a payload on a topic, 250 ms after the previous one, and returns the result's text.</summary>
    public string Send(string topic, byte[] payload)
    {
        _now = _now.Plus(250);
        _endpoint.HandleMessage(topic, payload, false, _now);
        string? result = null;
        while (_endpoint.Outbox.Count > 0)
        {
            OutgoingMessage m = _endpoint.Outbox.Dequeue();
            if (m.Topic == "cr/v1/st/ht-ab-001/result")
            {
                result = Encoding.UTF8.GetString(m.Payload);
            }
        }

        return result ?? "no result";
    }
}
