using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// What a refused command must not change, captured from an <see cref="EndpointHarness"/>: the schedule
    /// (digest, count, version), the relays (outputs and targets) and this call's relay writes, the programme
    /// on air, the command counters, the settings, a pending clock request, queued events and the keyring.
    /// </summary>
    public sealed class EndpointSnapshot
    {
        private static readonly string[] Names =
        {
            "schedule digest", "schedule count", "schedule version", "lines on", "amplifiers", "source", "target lines",
            "target source", "relay writes", "accepted", "refused", "telemetry period", "clock set request",
            "events queued", "config changed", "schedule changed", "on-air end",
        };

        private readonly EndpointHarness _h;
        private readonly long[] _values;
        private readonly string[] _keys;
        private readonly object _onAir;

        /// <summary>Captures the state now.</summary>
        public EndpointSnapshot(EndpointHarness h)
        {
            _h = h;
            _values = Values(h);
            _keys = Keys(h);
            _onAir = h.Station.Core.OnAir;
        }

        /// <summary>Counts the commands accepted and refused since the capture as expected.</summary>
        public void Count(int accepted, int refused)
        {
            _values[9] += accepted;
            _values[10] += refused;
        }

        /// <summary>The first difference from the captured state (with expected counts), or null.</summary>
        public string Difference()
        {
            long[] now = Values(_h);
            for (int i = 0; i < now.Length; i++)
            {
                if (now[i] != _values[i])
                {
                    return Names[i] + " changed from " + _values[i] + " to " + now[i];
                }
            }

            if (!ReferenceEquals(_onAir, _h.Station.Core.OnAir))
            {
                return "the programme on air changed";
            }

            string[] keys = Keys(_h);
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] != _keys[i])
                {
                    return "key " + i + " changed: " + keys[i];
                }
            }

            return null;
        }

        private static long[] Values(EndpointHarness h)
        {
            StationCore c = h.Station.Core;
            RelaySequencer r = c.Relays;
            return new long[]
            {
                c.Schedule.Digest, c.Schedule.Count, c.Schedule.Version, r.LinesOn, r.AmplifierMask, r.SelectedSource,
                r.TargetLines, r.TargetSource, c.Effects.Writes.Count, c.Counters.Accepted, c.Counters.Refused,
                c.Settings.TelemetryPeriodMs, h.Endpoint.ClockSetRequestUtcMs, c.Events.Count, h.Endpoint.ConfigChanged ? 1 : 0,
                c.Effects.ScheduleChanged ? 1 : 0, c.OnAir == null ? -1 : c.OnAir.EndUtcMs,
            };
        }

        private static string[] Keys(EndpointHarness h)
        {
            Keyring k = h.Endpoint.Keys;
            string[] keys = new string[k.Count];
            for (int i = 0; i < k.Count; i++)
            {
                IssuerKey key = k.At(i);
                keys[i] = key.Issuer + " " + Hex.ToHex(key.Key) + " " + (int)key.Level + " " + key.MayEmergency + " " + key.Scopes.Length;
            }

            return keys;
        }
    }
}
