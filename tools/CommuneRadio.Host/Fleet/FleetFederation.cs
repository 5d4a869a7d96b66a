using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// A fleet served by one broker per province, each bridged to a national broker with Mosquitto's own bridges
/// (mosquitto.conf(5), "Configuring bridges"). Every province's bridge is configured on the provincial broker and
/// connects out to the national one as user <c>bridge.{province}</c>. Spec and every generated line: docs/scale.md.
/// With prefix "cr/v1" and province "ha-tinh":
/// <code>
/// down (in, QoS 1):  cr/v1/g/vn/cmd, cr/v1/g/prov.ha-tinh/cmd, cr/v1/g/com.ha-tinh.an-binh/cmd …
///                    every group a station of the province hears, nothing else
/// up (out, QoS 1):   cr/v1/st/+/result, event, health, state, config
///                    (+ is safe: on the provincial broker only its own stations may write there)
/// national ACL:      user bridge.ha-tinh  reads the province's group cmd topics, writes st/{S}/… of its own
///                    stations only and its connection state; national issuers write the bridged cmd topics
/// provincial ACL:    FleetAcl of the province's stations and of the issuers that address them (national ones
///                    included, so a national sender can still reach the province directly), plus the bridge user
/// </code>
/// </summary>
public static class FleetFederation
{
    /// <summary>The bridge's MQTT user (and client id) on the national broker: <c>bridge.{province}</c>.</summary>
    public static string BridgeUser(string province) => "bridge." + province;

    /// <summary>The notification topic of a province's bridge (retained "1" while connected, "0" after it is lost).</summary>
    public static string NotificationTopic(string province) => "$SYS/broker/connection/" + BridgeUser(province) + "/state";

    /// <summary>The provinces of the fleet's stations, in first-seen order.</summary>
    public static IReadOnlyList<string> Provinces(FleetFile fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var provinces = new List<string>();
        foreach (FleetStation s in fleet.Stations)
        {
            if (!provinces.Contains(s.Province))
            {
                provinces.Add(s.Province);
            }
        }

        return provinces;
    }

    /// <summary>
    /// The part of the fleet a provincial broker serves: the province's stations, and the issuers that address one
    /// of them (every national issuer, the province's, its communes'). Throws <see cref="InvalidDataException"/> for
    /// a province without stations.
    /// </summary>
    public static FleetFile ProvinceFleet(FleetFile fleet, string province)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var part = new FleetFile { Version = fleet.Version, Prefix = fleet.Prefix, Broker = fleet.Broker };
        part.Stations.AddRange(fleet.Stations.FindAll(s => s.Province == province));
        if (part.Stations.Count == 0)
        {
            throw new InvalidDataException($"fleet file: no station in province '{province}' (provinces: {string.Join(", ", Provinces(fleet))})");
        }

        var trusted = new HashSet<FleetIssuer>();
        foreach (FleetStation s in part.Stations)
        {
            trusted.UnionWith(fleet.IssuersFor(s));
        }

        part.Issuers.AddRange(fleet.Issuers.FindAll(i => i.Level == "national" || trusted.Contains(i)));

        return part;
    }

    /// <summary>Command topics bridged down to a province: every group one of its stations hears, in a stable order.</summary>
    public static IReadOnlyList<string> DownTopics(FleetFile fleet, string province)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var topics = new List<string>();
        foreach (FleetStation s in fleet.Stations)
        {
            if (s.Province != province)
            {
                continue;
            }

            foreach (string g in s.Groups)
            {
                string topic = $"{fleet.Prefix}/g/{g}/cmd";
                if (!topics.Contains(topic))
                {
                    topics.Add(topic);
                }
            }
        }

        return topics;
    }

    /// <summary>Station output topics bridged up: <c>{prefix}/st/+/{result|event|health|state|config}</c>.</summary>
    public static IReadOnlyList<string> UpTopics(FleetFile fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var topics = new List<string>();
        foreach (string output in FleetAcl.StationOutputs)
        {
            topics.Add($"{fleet.Prefix}/st/+/{output}");
        }

        return topics;
    }

    /// <summary>
    /// The national broker's ACL: national issuers write every bridged command topic and read station outputs and
    /// the bridges' connection state; each province's bridge user reads its own command topics and writes only its
    /// own stations' outputs and its connection state. Anything else is denied.
    /// </summary>
    public static string NationalAcl(FleetFile fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        string p = fleet.Prefix;
        var acl = new StringBuilder();
        acl.AppendLine("# CommuneRadio national broker ACL, generated by radioctl from the fleet file (docs/scale.md). Anything not listed is denied.");
        var allDown = new List<string>();
        foreach (string province in Provinces(fleet))
        {
            foreach (string topic in DownTopics(fleet, province))
            {
                if (!allDown.Contains(topic))
                {
                    allDown.Add(topic);
                }
            }
        }

        foreach (FleetIssuer issuer in fleet.Issuers.FindAll(i => i.Level == "national"))
        {
            acl.AppendLine().AppendLine($"user {issuer.Name}");
            foreach (string topic in allDown)
            {
                acl.AppendLine($"topic write {topic}");
            }

            foreach (string output in FleetAcl.StationOutputs)
            {
                acl.AppendLine($"topic read {p}/st/+/{output}");
            }

            acl.AppendLine("topic read $SYS/broker/connection/+/state");
        }

        foreach (string province in Provinces(fleet))
        {
            acl.AppendLine().AppendLine($"user {BridgeUser(province)}");
            foreach (string topic in DownTopics(fleet, province))
            {
                acl.AppendLine($"topic read {topic}");
            }

            foreach (FleetStation s in fleet.Stations.FindAll(s => s.Province == province))
            {
                foreach (string output in FleetAcl.StationOutputs)
                {
                    acl.AppendLine($"topic write {p}/st/{s.Id}/{output}");
                }
            }

            acl.AppendLine($"topic write {NotificationTopic(province)}");
        }

        return acl.ToString();
    }

    /// <summary>
    /// A provincial broker's ACL: <see cref="FleetAcl"/> of <see cref="ProvinceFleet"/>, plus the bridge's local user,
    /// which may write the command topics it brings down and read the station outputs it takes up.
    /// </summary>
    public static string ProvinceAcl(FleetFile fleet, string province)
    {
        var acl = new StringBuilder(FleetAcl.Generate(ProvinceFleet(fleet, province)));
        acl.AppendLine().AppendLine($"user {BridgeUser(province)}");
        foreach (string topic in DownTopics(fleet, province))
        {
            acl.AppendLine($"topic write {topic}");
        }

        foreach (string topic in UpTopics(fleet))
        {
            acl.AppendLine($"topic read {topic}");
        }

        acl.AppendLine($"topic write {NotificationTopic(province)}");
        return acl.ToString();
    }

    /// <summary>
    /// QoS 1 messages a broker may queue per client (<c>max_queued_messages</c>): 50 per station it serves, at least
    /// Mosquitto's default of 1,000. Mosquitto drops QoS 1 messages beyond the limit (measured: with the default a
    /// sender of 25 commands to 60 stations lost results) — a national sender receiving a result from every station at
    /// once, or a bridge holding a province's results and events while its national link is down, must not hit it.
    /// 50 is about 15 emergencies' worth (a result and two proof-of-play events each) of an outage; health is QoS 0
    /// and not queued for a disconnected client.
    /// </summary>
    public static int QueueLimit(int stations) => Math.Max(1000, stations * 50);

    /// <summary>
    /// The <c>connection</c> section a provincial broker appends to its mosquitto.conf to bridge to the national
    /// broker of <paramref name="link"/>; <paramref name="caFile"/> is where the link's CA was written (null for a
    /// plain mqtt:// link). Every line is explained in docs/scale.md.
    /// </summary>
    public static string BridgeConfiguration(FleetFile fleet, string province, BridgeLink link, string? caFile, BridgeTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(link);
        timing ??= new BridgeTiming();
        BrokerAddress national = link.Broker;
        string user = BridgeUser(province);
        var c = new StringBuilder();
        c.AppendLine("# Bridge to the national broker, generated by radioctl (docs/scale.md).");
        c.AppendLine("connection national");
        c.AppendLine(string.Create(CultureInfo.InvariantCulture, $"address {national.Host}:{national.Port}"));
        c.AppendLine($"remote_clientid {user}");
        c.AppendLine($"remote_username {link.Username}");
        c.AppendLine($"remote_password {link.Password}");
        c.AppendLine($"local_clientid local.{user}");
        c.AppendLine($"local_username {user}");
        c.AppendLine("bridge_protocol_version mqttv311");
        if (national.Tls)
        {
            c.AppendLine($"bridge_cafile {caFile ?? throw new ArgumentNullException(nameof(caFile), "an mqtts:// link needs its CA file")}");
            c.AppendLine("bridge_insecure false");
            c.AppendLine("bridge_tls_version tlsv1.2");
        }

        c.AppendLine("cleansession false");
        c.AppendLine("local_cleansession false");
        c.AppendLine("try_private true");
        c.AppendLine("start_type automatic");
        c.AppendLine($"restart_timeout {timing.RestartTimeout}");
        c.AppendLine(string.Create(CultureInfo.InvariantCulture, $"keepalive_interval {timing.KeepAliveSeconds}"));
        c.AppendLine(string.Create(CultureInfo.InvariantCulture, $"bridge_max_packet_size {BrokerLimits.MaxPacketBytes}"));
        c.AppendLine("notifications true");
        c.AppendLine($"notification_topic {NotificationTopic(province)}");
        c.Append(BridgeTopicLines(fleet, province));
        return c.ToString();
    }

    /// <summary>The <c>topic</c> lines of a province's bridge: commands in, station outputs out, all QoS 1, no remapping.</summary>
    public static string BridgeTopicLines(FleetFile fleet, string province)
    {
        var c = new StringBuilder();
        foreach (string topic in DownTopics(fleet, province))
        {
            c.AppendLine($"topic {topic} in 1");
        }

        foreach (string topic in UpTopics(fleet))
        {
            c.AppendLine($"topic {topic} out 1");
        }

        return c.ToString();
    }
}
