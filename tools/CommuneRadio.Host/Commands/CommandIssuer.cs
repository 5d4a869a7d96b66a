using System;
using System.Threading;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Host.Time;

namespace CommuneRadio.Host.Commands;

/// <summary>
/// Issues commands as one issuer of a fleet: fills in the body (protocol §3.1) — id, iss, to, iat/exp from the
/// clock, ctr strictly increasing (Unix milliseconds, bumped when two commands share one) — and signs it with
/// the issuer's key through <see cref="CommandSigner"/>.
/// <code>
/// new CommandIssuer(fleet, fleet.Issuer("prov.ha-tinh")).Create("g/prov.ha-tinh", "emergency.start", ArgsJson.Emergency(60, 0xF, 1))
///   >> topic cr/v1/g/prov.ha-tinh/cmd, payload {"body":{"v":1,"id":"prov.ha-tinh-…","iss":"prov.ha-tinh",…},"sig":"…"}
/// </code>
/// Thread-safe.
/// </summary>
public sealed class CommandIssuer
{
    private readonly FleetIssuer _issuer;
    private readonly byte[] _key;
    private readonly string _prefix;
    private readonly IStationClock _clock;
    private long _lastCounter;
    private int _sequence;

    /// <summary>Creates an issuer for <paramref name="issuer"/> of <paramref name="fleet"/>.</summary>
    public CommandIssuer(FleetFile fleet, FleetIssuer issuer, IStationClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
        _key = issuer.KeyBytes();
        _prefix = fleet.Prefix;
        _clock = clock ?? SystemClock.Shared;
    }

    /// <summary>Issuer name.</summary>
    public string Name => _issuer.Name;

    /// <summary>Validity of each command from its issue time (protocol: at most 24 h).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Builds and signs a command to <paramref name="to"/> ("g/{group}" or "st/{station}").</summary>
    /// <param name="to">Addressee.</param>
    /// <param name="cmd">Command name, e.g. "schedule.add".</param>
    /// <param name="argsJson">Arguments as a JSON object (see <see cref="ArgsJson"/>).</param>
    /// <param name="id">Command id; null generates one (issuer-derived, ≤ 32 characters).</param>
    public SignedCommand Create(string to, string cmd, string argsJson, string? id = null)
    {
        long utcMs = _clock.Now.UtcMs;
        long counter = NextCounter(utcMs);
        id ??= NewId(counter);
        long iat = utcMs / 1000;
        var body = new CommandBody(CommandBody.Version, id, _issuer.Name, to, iat, iat + (long)Lifetime.TotalSeconds, counter, cmd, argsJson);
        return new SignedCommand(id, $"{_prefix}/{to}/cmd", CommandSigner.Sign(body, _key));
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
