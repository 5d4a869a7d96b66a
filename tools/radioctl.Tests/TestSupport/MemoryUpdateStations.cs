using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Cli.Update;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Update;
using CommuneRadio.Host.Storage;
using CommuneRadio.Host.Update;

namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>
/// Stations in memory behind an <see cref="IUpdateLink"/>, each running the Core's own <see cref="UpdateManager"/> on
/// real slot files: the update commands are applied as a station applies them and answered with the result shape of
/// docs/protocol.md §8 (the "update" member). Commands can be lost on the way, stations switched off and restarted
/// (a new manager over the same record and files, as after a power cut), and a commit restarts the station into the
/// new version, which then proves itself (update-committed) or, for a bad image, runs out of its prove time
/// (update-rolled-back).
/// </summary>
internal sealed class MemoryUpdateStations : IUpdateLink, IDisposable
{
    private readonly Channel<StationMessage> _inbox = Channel.CreateUnbounded<StationMessage>();
    private readonly Dictionary<string, Station> _stations = new(StringComparer.Ordinal);
    private readonly string _root;
    private int _ids;

    public MemoryUpdateStations(byte[] key, params string[] stations)
    {
        Key = key;
        _root = Directory.CreateTempSubdirectory("cr-push-").FullName;
        foreach (string s in stations)
        {
            _stations[s] = new Station(s, Path.Combine(_root, s));
        }
    }

    /// <summary>The key every station verifies with (its copy of the issuer's key).</summary>
    public byte[] Key { get; }

    public string Issuer { get; } = "prov.ha-tinh";

    public ChannelReader<StationMessage> Inbox => _inbox.Reader;

    public Station this[string id] => _stations[id];

    public Task<string> SendAsync(string station, string cmd, string argsJson, CancellationToken cancellationToken)
    {
        string id = "c-" + Interlocked.Increment(ref _ids);
        Station s = _stations[station];
        lock (s)
        {
            s.Received.Add(cmd);
            if (s.Online && !(s.Lose?.Invoke(cmd, argsJson) ?? false))
            {
                Apply(s, id, cmd, argsJson);
            }
        }

        return Task.FromResult(id);
    }

    public void Dispose() => Directory.Delete(_root, true);

    private void Apply(Station s, string id, string cmd, string argsJson)
    {
        using JsonDocument doc = JsonDocument.Parse(argsJson);
        JsonElement a = doc.RootElement;
        string version = a.GetProperty("version").GetString()!;
        UpdateReason reason = cmd switch
        {
            "update.begin" => s.Manager.Begin(Manifest(a), Issuer, Key),
            "update.chunk" => Chunk(s, version, a),
            _ => s.Manager.Commit(version, Issuer, Key),
        };
        Publish(s, "result", Result(s, id, reason));
        if (cmd == "update.commit" && s.Manager.RebootRequested)
        {
            s.Restart();
            if (s.Bad)
            {
                s.Manager.Tick(new UpdateSettings().ProveWithinMs);
                s.Restart();
            }
            else
            {
                s.Manager.Healthy();
            }

            if (s.Manager.EventPending)
            {
                string kind = s.Manager.LastOutcome == UpdateOutcome.Committed ? "update-committed" : "update-rolled-back";
                Publish(s, "event", $"{{\"station\":\"{s.Id}\",\"kind\":\"{kind}\",\"version\":\"{s.Manager.LastVersion}\",\"reason\":\"{UpdateNames.Reason(s.Manager.LastReason)}\"}}");
                s.Manager.EventReported();
            }
        }
    }

    private UpdateReason Chunk(Station s, string version, JsonElement a)
    {
        byte[] data = Convert.FromBase64String(a.GetProperty("data").GetString()!);
        return s.Manager.Chunk(version, Issuer, Key, a.GetProperty("file").GetInt32(), a.GetProperty("offset").GetInt32(), data, 0, data.Length);
    }

    private static string Result(Station s, string id, UpdateReason reason)
    {
        UpdateManager u = s.Manager;
        string head = reason is UpdateReason.None or UpdateReason.AlreadyReceived
            ? $"{{\"id\":\"{id}\",\"station\":\"{s.Id}\",\"result\":\"accepted\""
            : $"{{\"id\":\"{id}\",\"station\":\"{s.Id}\",\"result\":\"refused\",\"reason\":\"{UpdateNames.Reason(reason)}\"";
        bool receiving = u.State == UpdateState.Receiving;
        string pending = u.PendingVersion is null ? "null" : "\"" + u.PendingVersion + "\"";
        return head + $",\"update\":{{\"state\":\"{UpdateNames.State(u.State)}\",\"running\":\"{u.RunningVersion}\",\"pending\":{pending},\"file\":{(receiving ? u.NextFile : 0)},\"offset\":{(receiving ? u.NextOffset : 0)}}}}}";
    }

    private void Publish(Station s, string kind, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        _inbox.Writer.TryWrite(new StationMessage(s.Id, kind, doc.RootElement.Clone(), false, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    private static UpdateManifest Manifest(JsonElement a)
    {
        JsonElement[] files = a.GetProperty("files").EnumerateArray().ToArray();
        return new UpdateManifest
        {
            Version = a.GetProperty("version").GetString(),
            Names = files.Select(f => f.GetProperty("name").GetString()!).ToArray(),
            Sizes = files.Select(f => f.GetProperty("size").GetInt32()).ToArray(),
            ChunkSize = a.GetProperty("chunk").GetInt32(),
            ImageMac = Hex.TryParse(a.GetProperty("mac").GetString()!, out byte[] mac) ? mac : null,
        };
    }

    internal sealed class Station
    {
        private readonly MemoryStorage _records = new();

        public Station(string id, string directory)
        {
            Id = id;
            Files = new DirectoryUpdateStorage(directory);
            Manager = Boot();
        }

        public string Id { get; }

        public DirectoryUpdateStorage Files { get; }

        public UpdateManager Manager { get; private set; }

        /// <summary>False: every command is lost (switched off, out of reach).</summary>
        public bool Online { get; set; } = true;

        /// <summary>A command for which this returns true is lost on the way (no result).</summary>
        public Func<string, string, bool>? Lose { get; set; }

        /// <summary>The new version never reports healthy: it is rolled back.</summary>
        public bool Bad { get; set; }

        /// <summary>Every command name received, lost ones included.</summary>
        public List<string> Received { get; } = new();

        public int ChunksReceived => Received.Count(c => c == "update.chunk");

        /// <summary>A power cut and a boot: a new manager over the same record and slot files.</summary>
        public void Restart() => Manager = Boot();

        private UpdateManager Boot()
        {
            var m = new UpdateManager(new RecordStore(_records), Files, "1.3.0", new UpdateSettings());
            m.Boot();
            return m;
        }
    }
}
