namespace CommuneRadio.Core.Events
{
    /// <summary>Wire names of event kinds and reasons (nanoFramework's Enum.ToString gives numbers).</summary>
    public static class PlayNames
    {
        /// <summary>Wire name of an event kind, e.g. "started".</summary>
        public static string Of(PlayEventKind kind)
        {
            switch (kind)
            {
                case PlayEventKind.Started: return "started";
                case PlayEventKind.Ended: return "ended";
                case PlayEventKind.Preempted: return "preempted";
                case PlayEventKind.Resumed: return "resumed";
                case PlayEventKind.Missed: return "missed";
                case PlayEventKind.UpdateCommitted: return "update-committed";
                case PlayEventKind.UpdateRolledBack: return "update-rolled-back";
                default: return "unknown";
            }
        }

        /// <summary>Wire name of a reason, e.g. "no-clock".</summary>
        public static string Of(PlayReason reason)
        {
            switch (reason)
            {
                case PlayReason.None: return "none";
                case PlayReason.Preempted: return "preempted";
                case PlayReason.NoClock: return "no-clock";
                case PlayReason.RelayFault: return "relay-fault";
                case PlayReason.Expired: return "expired";
                case PlayReason.PoweredOff: return "powered-off";
                case PlayReason.ClockJump: return "clock-jump";
                case PlayReason.OnTimeLimit: return "on-time-limit";
                case PlayReason.Stopped: return "stopped";
                case PlayReason.Removed: return "removed";
                case PlayReason.NotHealthy: return "not-healthy";
                case PlayReason.BootFailed: return "boot-failed";
                case PlayReason.LoadFailed: return "load-failed";
                default: return "unknown";
            }
        }
    }
}
