using System;
using CommuneRadio.Core.Time;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;

namespace CommuneRadio.Device
{
    /// <summary>
    /// The two clocks Core is driven by.
    /// <list type="bullet">
    /// <item>Monotonic: <c>Environment.TickCount64</c> — milliseconds since boot from the system timer, 64-bit (no
    /// 25-day wrap) and never stepped by SNTP or <c>Rtc.SetSystemTime</c>. Chosen over a DateTime-based counter,
    /// which would jump whenever the wall clock is set.</item>
    /// <item>Wall: <c>DateTime.UtcNow</c>, set by nanoFramework's SNTP client (hourly, in the background) or by
    /// <see cref="SetUtc"/> from a verified time beacon (the endpoint's <c>ClockSetRequestUtcMs</c>).</item>
    /// </list>
    /// SNTP gives no completion event, so <see cref="TakeSntpSync"/> reports a plausible wall clock (year ≥ 2025)
    /// once, and again every hour while it stays plausible, which is when the background client re-syncs; Core's
    /// ClockTracker decides what that means (synced, stale after 48 h, step detection).
    /// </summary>
    public sealed class SntpClock
    {
        private const long UnixEpochTicks = 621355968000000000L;
        private const long ResyncReportMs = 3600000L;
        private long _lastReportMs = -ResyncReportMs;

        /// <summary>Starts the SNTP client with the configured servers (call once the network is up). Never throws.</summary>
        public void Start(string server1, string server2)
        {
            try
            {
                Sntp.Server1 = server1;
                Sntp.Server2 = server2;
                if (!Sntp.IsStarted)
                {
                    Sntp.Start();
                }

                Sntp.UpdateNow();
            }
            catch (Exception)
            {
                // No SNTP: the signed time beacon remains; scheduled items wait, emergencies still work.
            }
        }

        /// <summary>Both clocks now.</summary>
        public Instant Now()
        {
            return new Instant(Environment.TickCount64, (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond);
        }

        /// <summary>True when the wall clock looks set and no report was made within the last hour.</summary>
        public bool TakeSntpSync(Instant now)
        {
            if (DateTime.UtcNow.Year < 2025 || now.MonotonicMs - _lastReportMs < ResyncReportMs)
            {
                return false;
            }

            _lastReportMs = now.MonotonicMs;
            return true;
        }

        /// <summary>Sets the wall clock (verified time beacon), UTC milliseconds since 1970.</summary>
        public void SetUtc(long utcMs)
        {
            Rtc.SetSystemTime(new DateTime(UnixEpochTicks + utcMs * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc));
            _lastReportMs = Environment.TickCount64;
        }
    }
}
