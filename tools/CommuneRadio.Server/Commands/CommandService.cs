using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Mqtt;
using CommuneRadio.Server.Auth;
using CommuneRadio.Server.Ingest;
using CommuneRadio.Server.Storage;

namespace CommuneRadio.Server.Commands;

/// <summary>
/// Sends commands for API users: checks the token's role and scope, signs with an issuer key the server holds
/// (<see cref="CommandIssuer"/> → <c>CommandSigner</c>, the keys never leave the server; a target whose stations are
/// in several provinces gets one copy per province, each signed with that province's key), checks each copy with the
/// stations' own Core (<see cref="CommandPreflight"/>: a bad value is refused before anything is sent), publishes at QoS 1
/// (never retained), waits until every online member answered or the timeout, and writes the audit record —
/// also for commands it refused before sending.
/// </summary>
public sealed class CommandService
{
    private readonly FleetScope _scope;
    private readonly KeyringFile _keyring;
    private readonly IMqttClient _client;
    private readonly WriteBuffer _db;
    private readonly ConcurrentDictionary<string, Waiter> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CommandIssuer> _issuers = new(StringComparer.Ordinal);

    /// <summary>Creates the service; results arrive through <see cref="OnStationMessage"/>.</summary>
    public CommandService(FleetScope scope, KeyringFile keyring, IMqttClient client, WriteBuffer db)
    {
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _keyring = keyring ?? throw new ArgumentNullException(nameof(keyring));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>Feeds a received station message (only results matter here).</summary>
    public void OnStationMessage(StationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != "result" || _waiting.IsEmpty)
        {
            return;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(message.Payload);
            JsonElement r = doc.RootElement;
            if (r.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String && _waiting.TryGetValue(id.GetString()!, out Waiter? w))
            {
                w.Answer(new StationAnswer(message.Station, true, Str(r, "result"), Str(r, "reason"), Str(r, "field")));
            }
        }
        catch (JsonException)
        {
            // Unreadable results are kept by the store (rejected); nothing to correlate.
        }
    }

    /// <summary>
    /// Everything <see cref="SendAsync"/> checks, without sending or recording anything: role, scope, args, an
    /// issuer key, and the Core's own validation (<see cref="CommandPreflight"/>). Throws <see cref="CommandRefusedException"/>
    /// exactly as <see cref="SendAsync"/> would.
    /// </summary>
    public CommandCheck Check(ApiToken token, string to, string cmd, string argsJson)
    {
        ArgumentNullException.ThrowIfNull(token);
        (IReadOnlyList<FleetStation> members, FleetIssuer issuer, _) = Prepare(token, to, cmd, argsJson);
        return new CommandCheck(to, cmd, issuer.Name, issuer.Level, members.Count);
    }

    /// <summary>Signs, sends and waits; throws <see cref="CommandRefusedException"/> when the server refuses first.</summary>
    public async Task<CommandOutcome> SendAsync(ApiToken token, string to, string cmd, string argsJson, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        FleetIssuer issuer;
        IReadOnlyList<FleetStation> members;
        IReadOnlyList<AddressedCommand> copies;
        try
        {
            (members, issuer, copies) = Prepare(token, to, cmd, argsJson);
        }
        catch (CommandRefusedException ex)
        {
            _db.Read(s => { s.Audit(new AuditRecord(now, token.Name, token.Role, token.Scope, cmd ?? string.Empty, to ?? string.Empty, string.Empty, string.Empty, argsJson ?? string.Empty, "refused: " + ex.Reason)); return 0; });
            throw;
        }

        SignedCommand command = copies[0].Command;
        Dictionary<string, bool?> online;
        try
        {
            // Recorded before it is published, so no result can arrive for a command the database does not know
            // (an accepted schedule command updates the station's schedule record when its result is written).
            _db.Read(s => { s.RecordCommand(new StoredCommand(command.Id, now, token.Name, cmd, to, issuer.Name, issuer.Level, argsJson)); return 0; });
            online = _db.Read(s => s.Stations()).ToDictionary(s => s.Station, s => s.Online, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or System.IO.IOException)
        {
            throw new CommandRefusedException("database-unavailable", "the database cannot record the command now, so it was not sent: " + ex.Message, 503);
        }
        var waiter = new Waiter(members.Select(m => m.Id).Where(id => online.GetValueOrDefault(id) == true));
        _waiting[command.Id] = waiter;

        try
        {
            foreach (AddressedCommand copy in copies)
            {
                await _client.PublishAsync(copy.Command.Topic, copy.Command.Payload, MqttQualityOfService.AtLeastOnce, false, cancellationToken).ConfigureAwait(false);
            }

            await waiter.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiting.TryRemove(command.Id, out _);
        }

        var answers = members.Select(m => waiter.Of(m.Id) ?? new StationAnswer(m.Id, online.GetValueOrDefault(m.Id), null, null, null)).ToList();
        int accepted = answers.Count(a => a.Result == "accepted");
        int refused = answers.Count(a => a.Result is not null && a.Result != "accepted");
        var outcome = new CommandOutcome(command.Id, cmd, to, issuer.Name, accepted, refused, answers.Count - accepted - refused, answers);
        _db.Read(s =>
        {
            s.Audit(new AuditRecord(now, token.Name, token.Role, token.Scope, cmd, to, issuer.Name, command.Id, argsJson, $"sent: {accepted} accepted, {refused} refused, {outcome.Silent} silent"));
            return 0;
        });
        return outcome;
    }

    // Admits, picks the issuer, signs one copy per province (one id), and hands each copy to a throw-away Core per
    // board profile among its stations: a value the stations would refuse (a time 25:00, a line the board lacks) is
    // refused here and nothing is sent.
    private (IReadOnlyList<FleetStation> Members, FleetIssuer Issuer, IReadOnlyList<AddressedCommand> Copies) Prepare(ApiToken token, string to, string cmd, string argsJson)
    {
        IReadOnlyList<FleetStation> members = Admit(token, to, cmd, argsJson);
        bool emergency = IsEmergencyClass(cmd, argsJson);
        FleetIssuer issuer = ChooseIssuer(to, emergency) ?? throw new CommandRefusedException(
            "no-issuer-key", $"the server holds no issuer key whose scope covers {to}{(emergency ? " with the emergency right" : string.Empty)}", 409);
        CommandIssuer signer = _issuers.GetOrAdd(issuer.Name, _ => new CommandIssuer(_scope.Fleet, issuer));

        // One copy per province of the members (each province's stations hold their own key of the issuer), one id.
        IReadOnlyList<AddressedCommand> copies = signer.CreateAll(to, cmd, argsJson);
        foreach (AddressedCommand copy in copies)
        {
            if (CommandPreflight.FirstRefusal(_scope.Fleet, issuer, copy.Addressee.Members, copy.Command) is { } r)
            {
                throw new CommandRefusedException(
                    r.Reason,
                    $"nothing was sent: the stations' own Core refuses it ({r.Reason}{(r.Field is null ? string.Empty : " on " + r.Field)}), checked as station {r.Station.Id} (board {r.Station.Board})",
                    400) { Field = r.Field, Station = r.Station.Id };
            }
        }

        return (members, issuer, copies);
    }

    private IReadOnlyList<FleetStation> Admit(ApiToken token, string to, string cmd, string argsJson)
    {
        if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(cmd))
        {
            throw new CommandRefusedException("invalid-field", "to and cmd are required", 400);
        }

        if (!token.MaySend(cmd))
        {
            throw new CommandRefusedException("not-allowed", $"role {token.Role} may not send {cmd}", 403);
        }

        IReadOnlyList<FleetStation> members = _scope.Members(to);
        if (members.Count == 0)
        {
            throw new CommandRefusedException("unknown-target", $"no station of the fleet is addressed by {to}", 404);
        }

        if (!_scope.Covers(token, to))
        {
            throw new CommandRefusedException("out-of-scope", $"{to} is outside the token's scope {token.Scope}", 403);
        }

        try
        {
            using JsonDocument args = JsonDocument.Parse(argsJson);
            if (args.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CommandRefusedException("invalid-args", "args must be a JSON object", 400);
            }
        }
        catch (JsonException)
        {
            throw new CommandRefusedException("invalid-args", "args must be a JSON object", 400);
        }

        return members;
    }

    // The lowest-level issuer whose scopes name the target; for one station also a group it is in; else national.
    // Emergency-class work (emergency.*, a play or an item of class emergency) only from an issuer with the emergency
    // right (protocol §4.2): a commune's key never signs a province's emergency to that commune, the national one does.
    private FleetIssuer? ChooseIssuer(string to, bool emergency)
    {
        static int Level(FleetIssuer i) => (int)i.ParsedLevel();
        List<FleetIssuer> able = _keyring.Issuers.Where(i => i.Emergency || !emergency).ToList();
        FleetIssuer? exact = able.Where(i => i.Scopes.Contains(to, StringComparer.Ordinal)).OrderBy(Level).FirstOrDefault();
        if (exact is not null)
        {
            return exact;
        }

        if (to.StartsWith("st/", StringComparison.Ordinal) && _scope.Fleet.Stations.Find(s => s.Id == to[3..]) is { } station)
        {
            FleetIssuer? viaGroup = able.Where(i => i.Scopes.Any(sc => sc.StartsWith("g/", StringComparison.Ordinal) && Array.IndexOf(station.Groups, sc[2..]) >= 0)).OrderBy(Level).FirstOrDefault();
            if (viaGroup is not null)
            {
                return viaGroup;
            }
        }

        return able.Find(i => i.Level == "national");
    }

    // Whether the command is emergency-class work: emergency.start/stop, or class "emergency" in a play or an item.
    private static bool IsEmergencyClass(string cmd, string argsJson)
    {
        if (cmd.StartsWith("emergency.", StringComparison.Ordinal))
        {
            return true;
        }

        using JsonDocument doc = JsonDocument.Parse(argsJson);
        JsonElement args = doc.RootElement;
        static bool Emergency(JsonElement e) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty("class", out JsonElement c) && c.ValueKind == JsonValueKind.String && c.GetString() == "emergency";
        return Emergency(args)
            || (args.TryGetProperty("item", out JsonElement item) && Emergency(item))
            || (args.TryGetProperty("items", out JsonElement items) && items.ValueKind == JsonValueKind.Array && items.EnumerateArray().Any(Emergency));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // The answers to one command: done when every station that was online has answered.
    private sealed class Waiter
    {
        private readonly object _gate = new();
        private readonly HashSet<string> _expected;
        private readonly Dictionary<string, StationAnswer> _answers = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Waiter(IEnumerable<string> expected)
        {
            _expected = new HashSet<string>(expected, StringComparer.Ordinal);
            if (_expected.Count == 0)
            {
                _done.TrySetResult();
            }
        }

        public void Answer(StationAnswer answer)
        {
            lock (_gate)
            {
                _answers.TryAdd(answer.Station, answer);
                _expected.Remove(answer.Station);
                if (_expected.Count == 0)
                {
                    _done.TrySetResult();
                }
            }
        }

        public StationAnswer? Of(string station)
        {
            lock (_gate)
            {
                return _answers.GetValueOrDefault(station);
            }
        }

        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                await _done.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Silent stations are reported as such.
            }
        }
    }
}
