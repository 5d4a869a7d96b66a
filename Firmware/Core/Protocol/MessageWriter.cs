using CommuneRadio.Core.Events;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;
using CommuneRadio.Core.Update;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Writes the station's messages (docs/protocol.md §5, §6) into one reused buffer; each message's
    /// payload is then copied out at its exact size.
    /// <code>
    /// result  {"id":"c-1","station":"ht-ab-001","result":"refused","reason":"invalid-duration","field":"args.duration"}
    /// event   {"station":"ht-ab-001","seq":42,"kind":"started","programme":"morning-news",…}
    /// state   {"online":true,"station":"ht-ab-001","fw":"0.1.0"}
    /// </code>
    /// </summary>
    public sealed class MessageWriter
    {
        private readonly JsonWriter _w = new JsonWriter(1536);
        private readonly string _station;

        /// <summary>Creates a writer for a station.</summary>
        public MessageWriter(string station)
        {
            _station = station;
        }

        /// <summary>The result of one command.</summary>
        public byte[] Result(string id, CommandResult r)
        {
            WriteResult(id, r);
            return End();
        }

        /// <summary>
        /// The result of one command whose id is <paramref name="idLength"/> token characters of <paramref name="payload"/>
        /// (<see cref="CommandEnvelope.IdStart"/>), copied from there without a string; <c>"id":null</c> when
        /// <paramref name="idLength"/> is 0.
        /// </summary>
        public byte[] Result(byte[] payload, int idStart, int idLength, CommandResult r)
        {
            WriteResult(payload, idStart, idLength, r);
            return End();
        }

        /// <summary>
        /// The result of an <c>update.*</c> command with the station's update progress (docs/protocol.md §8): the state,
        /// the running and pending versions, and the next chunk wanted (file index and offset; 0 and 0 unless receiving):
        /// <code>
        /// {"id":"c-7","station":"ht-ab-001","result":"refused","reason":"out-of-order","field":"args.offset",
        ///  "update":{"state":"receiving","running":"1.0.0","pending":"1.4.0","file":0,"offset":4096}}
        /// </code>
        /// </summary>
        public byte[] Result(string id, CommandResult r, UpdateManager u)
        {
            WriteUpdate(WriteResult(id, r), u);
            return End();
        }

        /// <summary>The result of an <c>update.*</c> command (as above) whose id is a place in <paramref name="payload"/>.</summary>
        public byte[] Result(byte[] payload, int idStart, int idLength, CommandResult r, UpdateManager u)
        {
            WriteUpdate(WriteResult(payload, idStart, idLength, r), u);
            return End();
        }

        private static void WriteUpdate(JsonWriter w, UpdateManager u)
        {
            w.WriteStartObject("update");
            w.WriteString("state", UpdateNames.State(u.State));
            w.WriteString("running", u.RunningVersion);
            WriteOptional(w, "pending", u.PendingVersion);

            bool receiving = u.State == UpdateState.Receiving;
            w.WriteNumber("file", receiving ? u.NextFile : 0);
            w.WriteNumber("offset", receiving ? u.NextOffset : 0);
            w.WriteEndObject();
        }

        private JsonWriter WriteResult(string id, CommandResult r)
        {
            JsonWriter w = Begin();
            if (id == null)
            {
                w.WriteNull("id");
            }
            else
            {
                w.WriteString("id", id);
            }

            return WriteOutcome(w, r);
        }

        private JsonWriter WriteResult(byte[] payload, int idStart, int idLength, CommandResult r)
        {
            JsonWriter w = Begin();
            if (idLength == 0)
            {
                w.WriteNull("id");
            }
            else
            {
                w.WriteAsciiString("id", payload, idStart, idLength);
            }

            return WriteOutcome(w, r);
        }

        private JsonWriter WriteOutcome(JsonWriter w, CommandResult r)
        {
            w.WriteString("station", _station);
            w.WriteString("result", r.Accepted ? "accepted" : "refused");
            if (!r.Accepted)
            {
                w.WriteString("reason", ReasonNames.Of(r.Reason));
                if (r.Field != null)
                {
                    w.WriteString("field", r.Field);
                }
            }

            return w;
        }

        /// <summary>A proof-of-play event.</summary>
        public byte[] Event(PlayEvent e, long dropped)
        {
            JsonWriter w = Begin();
            w.WriteString("station", _station);
            w.WriteNumber("seq", e.Sequence);
            w.WriteString("kind", PlayNames.Of(e.Kind));
            if (e.Kind == PlayEventKind.UpdateCommitted || e.Kind == PlayEventKind.UpdateRolledBack)
            {
                // Not a programme (docs/protocol.md §6): the version instead of programme, occurrence and class.
                w.WriteString("version", e.ProgrammeId);
            }
            else
            {
                w.WriteString("programme", e.ProgrammeId);
                w.WriteNumber("occurrence", e.OccurrenceUtcMs);
                w.WriteString("class", ClassName(e.Class));
            }

            w.WriteString("reason", PlayNames.Of(e.Reason));
            w.WriteNumber("at", e.AtUtcMs);
            w.WriteNumber("mono", e.AtMonotonicMs);
            w.WriteBoolean("clock", e.ClockValid);
            w.WriteNumber("dropped", dropped);
            return End();
        }

        /// <summary>The online state (retained) or, with <paramref name="online"/> false, the last will.</summary>
        public byte[] State(bool online, string firmware)
        {
            JsonWriter w = Begin();
            w.WriteBoolean("online", online);
            w.WriteString("station", _station);
            if (online)
            {
                w.WriteString("fw", firmware);
            }

            return End();
        }

        /// <summary>A health snapshot.</summary>
        public byte[] Health(HealthSnapshot s)
        {
            JsonWriter w = Begin();
            w.WriteString("station", _station);
            w.WriteNumber("uptime_ms", s.UptimeMs);
            w.WriteNumber("utc_ms", s.UtcMs);
            w.WriteString("clock", s.Clock == ClockState.Synced ? "synced" : s.Clock == ClockState.Stale ? "stale" : "unsynced");
            w.WriteNumber("last_sync_ms", s.LastSyncMonotonicMs);
            w.WriteStartObject("schedule");
            w.WriteNumber("count", s.ScheduleCount);
            byte[] digest = { (byte)(s.ScheduleDigest >> 24), (byte)(s.ScheduleDigest >> 16), (byte)(s.ScheduleDigest >> 8), (byte)s.ScheduleDigest };
            w.WriteHexString("digest", digest, 0, 4);
            w.WriteNumber("version", s.ScheduleVersion);
            w.WriteEndObject();
            if (s.OnAirId == null)
            {
                w.WriteNull("on_air");
            }
            else
            {
                w.WriteStartObject("on_air");
                w.WriteString("programme", s.OnAirId);
                w.WriteString("class", ClassName(s.OnAirClass));
                w.WriteNumber("since", s.OnAirSinceUtcMs);
                w.WriteNumber("until", s.OnAirUntilUtcMs);
                w.WriteEndObject();
            }

            w.WriteStartObject("relays");
            w.WriteNumber("amps", s.Amplifiers);
            w.WriteNumber("lines", s.Lines);
            w.WriteNumber("source", s.Source);
            w.WriteEndObject();
            w.WriteStartArray("faults");
            for (int i = 0; i < FaultNames.All.Length; i++)
            {
                if ((s.Faults & FaultNames.All[i]) != 0)
                {
                    w.WriteString(FaultNames.Of(FaultNames.All[i]));
                }
            }

            w.WriteEndArray();
            w.WriteStartObject("counters");
            w.WriteNumber("accepted", s.Accepted);
            w.WriteNumber("refused", s.Refused);
            w.WriteNumber("reconnects", s.Reconnects);
            w.WriteNumber("events_pending", s.EventsPending);
            w.WriteNumber("events_dropped", s.EventsDropped);
            w.WriteEndObject();
            w.WriteNumber("boots", s.Boots);
            if (s.PreviousReset == null)
            {
                w.WriteNull("previous_reset");
            }
            else
            {
                w.WriteString("previous_reset", s.PreviousReset);
            }

            w.WriteNumber("free_bytes", s.FreeMemoryBytes);
            if (s.RunningVersion != null)
            {
                w.WriteStartObject("update");
                w.WriteString("running", s.RunningVersion);
                w.WriteString("state", s.UpdateState);
                WriteOptional(w, "pending", s.PendingVersion);
                if (s.LastOutcome == null)
                {
                    w.WriteNull("last");
                }
                else
                {
                    w.WriteStartObject("last");
                    w.WriteString("outcome", s.LastOutcome);
                    w.WriteString("reason", s.LastReason);
                    WriteOptional(w, "version", s.LastVersion);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            return End();
        }

        private static void WriteOptional(JsonWriter w, string name, string value)
        {
            if (value == null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }

        /// <summary>Wire name of a class.</summary>
        public static string ClassName(BroadcastClass c)
        {
            return c == BroadcastClass.Emergency ? "emergency" : c == BroadcastClass.Priority ? "priority" : "normal";
        }

        private JsonWriter Begin()
        {
            _w.Reset();
            _w.WriteStartObject();
            return _w;
        }

        private byte[] End()
        {
            _w.WriteEndObject();
            return _w.ToArray();
        }
    }
}
