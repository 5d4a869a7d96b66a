using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Relays;
using CommuneRadio.Host.Time;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>Display helpers of a simulated station.</summary>
public sealed partial class SimulatedStation
{
    /// <summary>A consistent copy of what a display shows.</summary>
    public StationView View()
    {
        lock (_gate)
        {
            Instant now = Now;
            var s = Core.Snapshot(now);
            return new StationView(
                Id, _transport.IsConnected && !_stopped, s.OnAirId, s.OnAirId is null ? null : ClassName(s.OnAirClass),
                Board.AmplifierMask, Board.LinesMask, Board.Source, FaultText(s.Faults),
                s.Clock == ClockState.Synced ? "synced" : s.Clock == ClockState.Stale ? "stale" : "unsynced",
                s.Accepted, s.Refused, s.Reconnects);
        }
    }

    private static string ClassName(BroadcastClass c) =>
        c == BroadcastClass.Emergency ? "emergency" : c == BroadcastClass.Priority ? "priority" : "normal";

    private static string FaultText(FaultFlags faults)
    {
        if (faults == 0)
        {
            return string.Empty;
        }

        var names = new System.Collections.Generic.List<string>();
        foreach (FaultFlags f in FaultNames.All)
        {
            if ((faults & f) != 0)
            {
                names.Add(FaultNames.Of(f));
            }
        }

        return string.Join(",", names);
    }
}
