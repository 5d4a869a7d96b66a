using System.Collections;
using System.Text;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// Drives a <see cref="StationCore"/> with a fake clock (no sleeps) and records everything it does:
    /// every relay write, a condensed "what the speakers do" timeline, and every proof-of-play event.
    /// Portable: runs under nanoFramework's test runner too.
    /// </summary>
    public sealed class StationHarness
    {
        /// <summary>Tick period the main loop uses on the device.</summary>
        public const int TickMs = 250;

        /// <summary>2026-11-23 00:00 local (+07:00), a Monday.</summary>
        public static readonly long MondayMidnightUtc = LocalCalendar.ToUtc(LocalCalendar.DayFromDate(2026, 11, 23), 0, 420);

        public StationCore Core;

        /// <summary>Main-loop period used by <see cref="Run"/> (ms).</summary>
        public int Step = TickMs;

        /// <summary>When set, time and collection go through the endpoint (persistence, outbox), as on a device.</summary>
        public CommuneRadio.Core.Protocol.StationEndpoint Endpoint;

        /// <summary>Result messages taken from the endpoint's outbox, in order.</summary>
        public ArrayList Results = new ArrayList();
        public long Mono;
        public long Utc;

        /// <summary>Every relay write as "Ddd HH:MM:SS.mmm amp0 on (L)".</summary>
        public ArrayList Writes = new ArrayList();

        /// <summary>One line each time the connected lines or the selected source change.</summary>
        public ArrayList Speakers = new ArrayList();

        /// <summary>Every event as "Ddd HH:MM:SS kind id reason".</summary>
        public ArrayList EventLog = new ArrayList();

        /// <summary>Delivered events as "kind|programme|occurrence|reason" (endpoint stations only).</summary>
        public ArrayList EventRecords = new ArrayList();

        /// <summary>Violations of the safety invariants seen after any call.</summary>
        public ArrayList Violations = new ArrayList();

        private int _lastLines;
        private int _lastSource = -1;
        private long _lastSyncMono;

        /// <summary>When above 0, the simulated SNTP client re-syncs the clock this often (ms).</summary>
        public long SntpPeriodMs;
        private int _lastAmps;
        private long _idleSinceMono = -1;

        public StationHarness(StationSettings settings, long utcStart)
        {
            Core = new StationCore(settings);
            Mono = 1000;
            Utc = utcStart;
        }

        /// <summary>A station with the default 2-amplifier, 4-line, 2-source layout.</summary>
        public static StationHarness Create(long utcStart)
        {
            return new StationHarness(DefaultSettings(), utcStart);
        }

        public static StationSettings DefaultSettings()
        {
            RelayChannel[] amps = { new RelayChannel(25, true, 0), new RelayChannel(26, true, 0) };
            RelayChannel[] lines =
            {
                new RelayChannel(16, true, 0), new RelayChannel(17, true, 0),
                new RelayChannel(18, true, 1), new RelayChannel(19, true, 1),
            };
            RelayChannel[] sources = { new RelayChannel(21, false, 0), new RelayChannel(22, false, 0) };
            return new StationSettings(new RelayLayout(amps, lines, sources));
        }

        public Instant Now
        {
            get { return new Instant(Mono, Utc); }
        }

        /// <summary>For a Core that was booted elsewhere (StationBoot): starts the simulated SNTP client.</summary>
        public void StartClock(bool synced)
        {
            _lastSyncMono = Mono;
            if (synced)
            {
                Sync();
            }
        }

        /// <summary>Boots and, if asked, syncs the clock at once.</summary>
        public void Boot(bool synced)
        {
            Collect(Core.Boot(Now));
            _lastSyncMono = Mono;
            if (synced)
            {
                Sync();
            }
        }

        /// <summary>Runs the main loop for <paramref name="ms"/>, one tick per <see cref="TickMs"/>.</summary>
        public void Run(long ms)
        {
            long end = Mono + ms;
            while (Mono < end)
            {
                long step = end - Mono < Step ? end - Mono : Step;
                Mono += step;
                Utc += step;
                if (Endpoint != null)
                {
                    Endpoint.Tick(Now);
                    Collect(Core.Effects);
                }
                else
                {
                    Collect(Core.Tick(Now));
                }

                if (SntpPeriodMs > 0 && Mono - _lastSyncMono >= SntpPeriodMs)
                {
                    Sync();
                }
            }
        }

        /// <summary>The SNTP client (or a verified time beacon) set the clock.</summary>
        public void Sync()
        {
            _lastSyncMono = Mono;
            Collect(Core.ClockSynced(Now));
        }

        /// <summary>Runs until the local wall clock reads the given day (0 = Monday) and time.</summary>
        public void RunUntil(int day, int hour, int minute, int second)
        {
            long target = MondayMidnightUtc + day * LocalCalendar.MsPerDay + ((hour * 60L + minute) * 60 + second) * 1000;
            Run(target - Utc);
        }

        /// <summary>The wall clock steps by <paramref name="ms"/> (SNTP correction, bad RTC), then one tick.</summary>
        public void StepClock(long ms)
        {
            Utc += ms;
            Mono += TickMs;
            Utc += TickMs;
            Collect(Core.Tick(Now));
        }

        /// <summary>Simulates a power cut of <paramref name="offMs"/>: a new Core restored from the old schedule.</summary>
        public void PowerCycle(long offMs, bool syncedAtBoot)
        {
            StationCore old = Core;
            Core = new StationCore(old.Settings);
            for (int i = 0; i < old.Schedule.Count; i++)
            {
                ScheduleEntry e = old.Schedule.EntryAt(i);
                Core.RestoreItem(e.Item, e.SettledUntilUtcMs, e.HasWatermark);
            }

            // Without power every relay coil drops: the outputs are off until the new Core boots.
            Speakers.Add(Stamp(Utc) + " power cut: all relays de-energised");
            Utc += offMs;
            Mono = 500;
            Speakers.Add(Stamp(Utc) + " power back");
            _lastLines = 0;
            _lastSource = -1;
            _lastAmps = 0;
            Boot(syncedAtBoot);
        }

        public void Collect(Effects e)
        {
            for (int i = 0; i < e.Writes.Count; i++)
            {
                RelayWrite w = e.Writes.At(i);
                string name = w.Role == RelayRole.Amplifier ? "amp" : w.Role == RelayRole.Line ? "line" : "src";
                Writes.Add(Stamp(Utc) + " " + name + w.Index + (w.On ? " on" : " off") + (w.Level ? " (H)" : " (L)"));
            }

            RelaySequencer r = Core.Relays;
            if (r.LinesOn != _lastLines || r.SelectedSource != _lastSource || r.AmplifierMask != _lastAmps)
            {
                _lastLines = r.LinesOn;
                _lastSource = r.SelectedSource;
                _lastAmps = r.AmplifierMask;
                Speakers.Add(Stamp(Utc) + " lines=" + r.LinesOn + " src=" + r.SelectedSource + " amps=" + r.AmplifierMask);
            }

            CheckInvariants();
            if (Endpoint != null)
            {
                DrainOutbox();
                return;
            }

            while (Core.Events.Count > 0)
            {
                PlayEvent ev = Core.Events.Dequeue();
                EventLog.Add(Stamp(ev.AtUtcMs).Substring(0, 12) + " " + PlayNames.Of(ev.Kind) + " " + ev.ProgrammeId + " " + PlayNames.Of(ev.Reason));
            }
        }

        /// <summary>Takes every message out of the endpoint's outbox: events into the log, results into <see cref="Results"/>.</summary>
        public void DrainOutbox()
        {
            while (Endpoint.Outbox.Count > 0)
            {
                CommuneRadio.Core.Protocol.OutgoingMessage m = Endpoint.Outbox.Dequeue();
                string text = Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length);
                if (m.Topic.EndsWith("/result"))
                {
                    Results.Add(text);
                }
                else if (m.Topic.EndsWith("/event"))
                {
                    EventLog.Add(Stamp(Field(text, "at")).Substring(0, 12) + " " + Text(text, "kind") + " " + Text(text, "programme") + " " + Text(text, "reason"));
                    EventRecords.Add(Text(text, "kind") + "|" + Text(text, "programme") + "|" + Field(text, "occurrence") + "|" + Text(text, "reason"));
                }
            }
        }

        // The station's own messages are flat and written by its MessageWriter: simple lookups suffice here.
        private static string Text(string json, string name)
        {
            int at = json.IndexOf("\"" + name + "\":\"") + name.Length + 4;
            return json.Substring(at, json.IndexOf('"', at) - at);
        }

        private static long Field(string json, string name)
        {
            int at = json.IndexOf("\"" + name + "\":") + name.Length + 3;
            int end = at;
            while (end < json.Length && json[end] >= '0' && json[end] <= '9')
            {
                end++;
            }

            return long.Parse(json.Substring(at, end - at));
        }

        private void CheckInvariants()
        {
            RelaySequencer r = Core.Relays;
            RelayLayout l = r.Layout;
            int sourcesOn = 0;
            for (int i = 0; i < l.Sources.Length; i++)
            {
                sourcesOn += r.IsOn(RelayRole.Source, i) ? 1 : 0;
            }

            if (sourcesOn > 1)
            {
                Violations.Add(Stamp(Utc) + " two sources selected");
            }

            for (int i = 0; i < l.Lines.Length; i++)
            {
                if (r.IsOn(RelayRole.Line, i) && !r.IsOn(RelayRole.Amplifier, l.Lines[i].Amplifier))
                {
                    Violations.Add(Stamp(Utc) + " line" + i + " on with its amplifier off");
                }

                if (r.IsOn(RelayRole.Line, i) && sourcesOn == 0)
                {
                    Violations.Add(Stamp(Utc) + " line" + i + " on with no source");
                }
            }

            // Once nothing is on air, the stop sequence (lines off, 1 s, amplifiers off) must finish quickly.
            if (Core.OnAir != null)
            {
                _idleSinceMono = -1;
            }
            else if (_idleSinceMono < 0)
            {
                _idleSinceMono = Mono;
            }

            if (r.AnyAmplifierOn && _idleSinceMono >= 0 && Mono - _idleSinceMono > 5000)
            {
                Violations.Add(Stamp(Utc) + " amplifiers on with nothing on air");
            }
        }

        /// <summary>"Ddd HH:MM:SS.mmm" in local time (+07:00).</summary>
        public static string Stamp(long utcMs)
        {
            int day = LocalCalendar.LocalDay(utcMs, 420);
            long ms = LocalCalendar.LocalMsOfDay(utcMs, 420);
            string[] names = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
            StringBuilder sb = new StringBuilder(names[LocalCalendar.DayOfWeek(day)]);
            sb.Append(' ');
            Two(sb, (int)(ms / 3600000));
            sb.Append(':');
            Two(sb, (int)(ms / 60000 % 60));
            sb.Append(':');
            Two(sb, (int)(ms / 1000 % 60));
            sb.Append('.');
            int frac = (int)(ms % 1000);
            sb.Append((char)('0' + frac / 100));
            sb.Append((char)('0' + frac / 10 % 10));
            sb.Append((char)('0' + frac % 10));
            return sb.ToString();
        }

        private static void Two(StringBuilder sb, int v)
        {
            sb.Append((char)('0' + v / 10));
            sb.Append((char)('0' + v % 10));
        }

        /// <summary>Joins recorded lines for a readable assertion message.</summary>
        public static string Lines(ArrayList list)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.Count; i++)
            {
                sb.Append((string)list[i]);
                sb.Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>A weekly item every day at hh:mm for the given minutes on all four lines, source 0.</summary>
        public static ScheduleItem Daily(string id, int hour, int minute, int minutes)
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = id;
            i.Kind = ItemKind.Weekly;
            i.DaysMask = 0x7F;
            i.StartSecond = (hour * 60 + minute) * 60;
            i.DurationSeconds = minutes * 60;
            i.Class = BroadcastClass.Normal;
            i.Level = IssuerLevel.Commune;
            i.Issuer = "commune-xa-an-binh";
            i.Lines = 0xF;
            i.Source = 0;
            return i;
        }

        /// <summary>A one-off item on the given day (0 = Monday 2026-11-23) at hh:mm.</summary>
        public static ScheduleItem Once(string id, int day, int hour, int minute, int minutes, BroadcastClass cls, IssuerLevel level)
        {
            ScheduleItem i = Daily(id, hour, minute, minutes);
            i.Kind = ItemKind.OneOff;
            i.Day = LocalCalendar.DayFromDate(2026, 11, 23) + day;
            i.DaysMask = 0;
            i.Class = cls;
            i.Level = level;
            return i;
        }
    }
}
