using System;
using System.Collections.Generic;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Update;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Storage;
using CommuneRadio.Host.Time;
using CommuneRadio.Host.Update;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>Everything a <see cref="SimulatedStation"/> is built from (a settings class: the constructor needs many values).</summary>
public sealed class SimulatedStationOptions
{
    /// <summary>Creates options for a station.</summary>
    public SimulatedStationOptions(StationSettings station, ProtocolSettings protocol, Keyring keys, MqttClientOptions broker)
    {
        Station = station ?? throw new ArgumentNullException(nameof(station));
        Protocol = protocol ?? throw new ArgumentNullException(nameof(protocol));
        Keys = keys ?? throw new ArgumentNullException(nameof(keys));
        Broker = broker ?? throw new ArgumentNullException(nameof(broker));
    }

    /// <summary>Core settings (relay layout, UTC offset, limits).</summary>
    public StationSettings Station { get; }

    /// <summary>Wire identity: prefix, station id, groups.</summary>
    public ProtocolSettings Protocol { get; }

    /// <summary>Trusted issuers (owned by the station from now on: its replay windows change).</summary>
    public Keyring Keys { get; }

    /// <summary>
    /// Broker address, TLS, credentials and timeouts. Client id (the station id), clean session (off), keep-alive and
    /// last will come from the station runtime's connect options, as on the device; the client's own reconnect is not
    /// used (the runtime backs off by Core's ReconnectPolicy).
    /// </summary>
    public MqttClientOptions Broker { get; }

    /// <summary>Board profile named in the station's retained configuration report (default the fleet's default, relay8).</summary>
    public string Board { get; set; } = BoardProfiles.Relay8;

    /// <summary>MQTT keep-alive, seconds (default the device's, 60).</summary>
    public int KeepAliveSeconds { get; set; } = DeviceSettings.DefaultKeepAliveSeconds;

    /// <summary>Clock driving the Core (default: <see cref="SystemClock.Shared"/>).</summary>
    public IStationClock Clock { get; set; } = SystemClock.Shared;

    /// <summary>The station's store (default: in memory): restored at boot, written by the endpoint on every change.</summary>
    public IStorage Storage { get; set; } = new MemoryStorage();

    /// <summary>Makes the MQTT client (default: <see cref="MqttClientFactory.Create"/>).</summary>
    public Func<IMqttClient> ClientFactory { get; set; } = MqttClientFactory.Create;

    /// <summary>
    /// The two application slots of the update (docs/protocol.md §8), or null for a station without update storage, which
    /// refuses every <c>update.*</c> as <c>no-update</c>. <see cref="SimulatedFleet"/> gives every station one: in
    /// memory, or a <see cref="DirectoryUpdateStorage"/> under its data directory.
    /// </summary>
    public IUpdateStorage? UpdateStorage { get; set; }

    /// <summary>Prove time, trial boots and how often the trial time is saved (default: the device's, 5 min, 3, 30 s).</summary>
    public UpdateSettings UpdateSettings { get; set; } = new();

    /// <summary>
    /// Versions that stand for a bad image: once restarted into one, the station runs without network and never reports
    /// healthy, so the update is rolled back after the prove time (SimulatedStation.Update.cs). Empty by default.
    /// </summary>
    public ISet<string> BadUpdateVersions { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Relay timeline entries kept per station (oldest dropped); 0 = unbounded.</summary>
    public int TimelineLimit { get; set; } = 256;
}
