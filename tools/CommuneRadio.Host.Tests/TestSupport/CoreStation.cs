using System;
using System.Text;
using System.Text.Json;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Tests.TestSupport;

/// <summary>
/// One station's Core endpoint, as on the device, with a synced clock at the wall time: built from a fleet station
/// (its keyring by the fleet's rule) or from a configuration file's bytes (parsed by the Core's ConfigParser, as at
/// boot). <see cref="Deliver"/> hands it a command as the broker would — only on a topic it subscribes to.
/// </summary>
internal sealed class CoreStation
{
    private readonly StationEndpoint _endpoint;
    private Instant _now;

    private CoreStation(StationSettings settings, ProtocolSettings protocol, Keyring keys)
    {
        var core = new StationCore(settings);
        _endpoint = new StationEndpoint(core, protocol, keys);
        Id = protocol.Station;
        _now = new Instant(1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        core.Boot(_now);
        core.ClockSynced(_now);
    }

    /// <summary>Station id.</summary>
    public string Id { get; }

    /// <summary>The endpoint (its Core, topics and keyring).</summary>
    public StationEndpoint Endpoint => _endpoint;

    /// <summary>A station of <paramref name="fleet"/> with the keyring the fleet gives it.</summary>
    public static CoreStation Of(FleetFile fleet, FleetStation station) =>
        new(new StationSettings(BoardProfiles.Layout(station.Board)), new ProtocolSettings(fleet.Prefix, station.Id, (string[])station.Groups.Clone()), fleet.KeyringFor(station));

    /// <summary>A station booted from a configuration file (station.json), as the device boots.</summary>
    public static CoreStation FromConfig(byte[] configBytes)
    {
        StationConfig config = ConfigParser.Parse(configBytes, configBytes.Length);
        if (!config.Valid)
        {
            throw new InvalidOperationException("configuration refused by the Core");
        }

        return new CoreStation(config.Station, config.Protocol, config.Keys);
    }

    /// <summary>True when the station subscribes to <paramref name="topic"/> (its own command topic or one of its groups').</summary>
    public bool Hears(string topic) => Array.IndexOf(_endpoint.Topics.Subscriptions, topic) >= 0;

    /// <summary>
    /// Delivers a command (1 s after the previous one) when the station hears its topic, and returns the
    /// result's "result" and "reason"; null when the station does not hear the topic.
    /// </summary>
    public (string Result, string? Reason)? Deliver(string topic, byte[] payload)
    {
        if (!Hears(topic))
        {
            return null;
        }

        _now = _now.Plus(1000);
        _endpoint.HandleMessage(topic, payload, false, _now);
        (string, string?)? result = null;
        while (_endpoint.Outbox.Count > 0)
        {
            OutgoingMessage m = _endpoint.Outbox.Dequeue();
            if (m.Topic == _endpoint.Topics.Result)
            {
                using JsonDocument doc = JsonDocument.Parse(Encoding.UTF8.GetString(m.Payload));
                JsonElement r = doc.RootElement;
                result = (r.GetProperty("result").GetString()!, r.TryGetProperty("reason", out JsonElement reason) ? reason.GetString() : null);
            }
        }

        return result ?? throw new InvalidOperationException($"station {Id} sent no result for {topic}");
    }
}
