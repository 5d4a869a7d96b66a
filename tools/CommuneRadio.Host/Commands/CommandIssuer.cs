using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Host.Time;

namespace CommuneRadio.Host.Commands;

/// <summary>
/// Issues commands as one issuer of a fleet: fills in the body (protocol §3.1) — id, iss, to, iat/exp from the
/// clock, ctr strictly increasing (Unix milliseconds, bumped when two commands share one) — and signs it through
/// <see cref="CommandSigner"/> with the key the addressed stations hold: the issuer's key of their province
/// (<see cref="ProvinceKeys"/>), found from the fleet file's stations. A command whose stations are in several
/// provinces is signed once per province (<see cref="CreateAll(string, string, Func{string, string}, string?)"/>).
/// <code>
/// new CommandIssuer(fleet, fleet.Issuer("prov.ha-tinh")).Create("g/prov.ha-tinh", "emergency.start", ArgsJson.Emergency(60, 0xF, 1))
///   >> topic cr/v1/g/prov.ha-tinh/cmd, payload {"body":{"v":1,"id":"c-…","iss":"prov.ha-tinh",…},"sig":"…"}   (key of ha-tinh)
/// new CommandIssuer(fleet, fleet.Issuer("vn")).CreateAll("g/vn", "emergency.start", _ => ArgsJson.Emergency(60, 0xF, 1))
///   >> cr/v1/g/prov.ha-tinh/cmd (key of ha-tinh), cr/v1/g/prov.quang-tri/cmd (key of quang-tri), … one id,
///      args {"scope":"g/vn",…} so that every station runs the one national emergency of scope g/vn
/// </code>
/// Thread-safe.
/// </summary>
public sealed class CommandIssuer
{
    private readonly FleetIssuer _issuer;
    private readonly FleetFile _fleet;
    private readonly byte[] _key;
    private readonly string _prefix;
    private readonly IStationClock _clock;
    private long _lastCounter;
    private int _sequence;

    /// <summary>Creates an issuer for <paramref name="issuer"/> of <paramref name="fleet"/>.</summary>
    public CommandIssuer(FleetFile fleet, FleetIssuer issuer, IStationClock? clock = null)
    {
        _fleet = fleet ?? throw new ArgumentNullException(nameof(fleet));
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
        _key = issuer.KeyBytes();
        _prefix = fleet.Prefix;
        _clock = clock ?? SystemClock.Shared;
    }

    /// <summary>Issuer name.</summary>
    public string Name => _issuer.Name;

    /// <summary>Validity of each command from its issue time (protocol: at most 24 h).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Builds and signs a command to <paramref name="to"/> ("g/{group}" or "st/{station}") whose stations are all in
    /// one province, with that province's key.
    /// </summary>
    /// <param name="to">Addressee.</param>
    /// <param name="cmd">Command name, e.g. "schedule.add".</param>
    /// <param name="argsJson">Arguments as a JSON object (see <see cref="ArgsJson"/>).</param>
    /// <param name="id">Command id; null generates one (issuer-derived, ≤ 32 characters).</param>
    /// <exception cref="ArgumentException">No station of the fleet is addressed by <paramref name="to"/>, or its stations are in several provinces (use <see cref="CreateAll(string, string, Func{string, string}, string?)"/>).</exception>
    public SignedCommand Create(string to, string cmd, string argsJson, string? id = null)
    {
        IReadOnlyList<CommandAddressee> copies = CommandAddressee.Split(_fleet, _issuer, to);
        if (copies.Count != 1 || copies[0].To != to)
        {
            throw new ArgumentException($"the stations of {to} are in several provinces and hold different keys of '{_issuer.Name}': sign one copy per province (CreateAll)", nameof(to));
        }

        return Sign(to, copies[0].Province, cmd, argsJson, id);
    }

    /// <summary>
    /// Builds and signs a command to <paramref name="to"/> once per province of its stations
    /// (<see cref="CommandAddressee.Split"/>), all copies with the same id. When a copy goes to another addressee than
    /// <paramref name="to"/>, an <c>emergency.start</c> or <c>emergency.stop</c> without a scope gets
    /// <c>"scope": to</c>, so every station runs (or stops) the one emergency of the addressee the sender meant.
    /// </summary>
    /// <param name="to">Addressee.</param>
    /// <param name="cmd">Command name.</param>
    /// <param name="argsFor">Arguments for the stations of a province (the same for all except e.g. key.rotate, whose new key is per province).</param>
    /// <param name="id">Command id; null generates one.</param>
    public IReadOnlyList<AddressedCommand> CreateAll(string to, string cmd, Func<string, string> argsFor, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(argsFor);
        IReadOnlyList<CommandAddressee> copies = CommandAddressee.Split(_fleet, _issuer, to);
        var signed = new List<AddressedCommand>(copies.Count);
        foreach (CommandAddressee copy in copies)
        {
            string args = argsFor(copy.Province);
            if (copy.To != to && cmd is "emergency.start" or "emergency.stop")
            {
                args = WithScope(args, to);
            }

            SignedCommand command = Sign(copy.To, copy.Province, cmd, args, id);
            id = command.Id;
            signed.Add(new AddressedCommand(copy, command));
        }

        return signed;
    }

    /// <summary><see cref="CreateAll(string, string, Func{string, string}, string?)"/> with the same arguments for every province.</summary>
    public IReadOnlyList<AddressedCommand> CreateAll(string to, string cmd, string argsJson, string? id = null) =>
        CreateAll(to, cmd, _ => argsJson, id);

    private SignedCommand Sign(string to, string province, string cmd, string argsJson, string? id)
    {
        long utcMs = _clock.Now.UtcMs;
        long counter = NextCounter(utcMs);
        id ??= NewId(counter);
        long iat = utcMs / 1000;
        var body = new CommandBody(CommandBody.Version, id, _issuer.Name, to, iat, iat + (long)Lifetime.TotalSeconds, counter, cmd, argsJson);
        return new SignedCommand(id, $"{_prefix}/{to}/cmd", CommandSigner.Sign(body, ProvinceKeys.Derive(_key, province)));
    }

    // {"duration":60,…} >> {"scope":"g/vn","duration":60,…}; an args object that names a scope is left as it is.
    private static string WithScope(string argsJson, string scope)
    {
        using JsonDocument doc = JsonDocument.Parse(argsJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || doc.RootElement.TryGetProperty("scope", out _))
        {
            return argsJson;
        }

        string rest = argsJson.Trim()[1..];
        bool empty = doc.RootElement.EnumerateObject().MoveNext() == false;
        return "{\"scope\":" + JsonSerializer.Serialize(scope) + (empty ? string.Empty : ",") + rest;
    }

    private long NextCounter(long utcMs)
    {
        while (true)
        {
            long last = Interlocked.Read(ref _lastCounter);
            long next = Math.Max(utcMs, last + 1);
            if (Interlocked.CompareExchange(ref _lastCounter, next, last) == last)
            {
                return next;
            }
        }
    }

    // "c-" + base-36 counter + "-" + sequence: unique per issuer, short enough for the 32-character limit.
    private string NewId(long counter)
    {
        int n = Interlocked.Increment(ref _sequence);
        string c = ToBase36(counter);
        return $"c-{c}-{n}";
    }

    private static string ToBase36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        int i = buffer.Length;
        do
        {
            buffer[--i] = digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[i..]);
    }
}
