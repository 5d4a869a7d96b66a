namespace CommuneRadio.Core.Events
{
    /// <summary>Why a programme ended, was preempted or was missed.</summary>
    public enum PlayReason
    {
        /// <summary>No particular reason (a normal start, or an end when the time was up).</summary>
        None = 0,

        /// <summary>A higher-ranked programme held the speakers (or an equal one was already on air).</summary>
        Preempted,

        /// <summary>The wall clock was not valid during the window.</summary>
        NoClock,

        /// <summary>The outputs the programme needed were faulty.</summary>
        RelayFault,

        /// <summary>The window closed before the programme could start.</summary>
        Expired,

        /// <summary>The station was not running during the window (found at boot).</summary>
        PoweredOff,

        /// <summary>The clock stepped forward over the window.</summary>
        ClockJump,

        /// <summary>Cut by the maximum continuous on-time guard.</summary>
        OnTimeLimit,

        /// <summary>Stopped by a command.</summary>
        Stopped,

        /// <summary>The schedule item was removed or replaced.</summary>
        Removed,

        /// <summary>update-rolled-back: the new version did not report healthy within the prove time.</summary>
        NotHealthy,

        /// <summary>update-rolled-back: the new version restarted more often than allowed before it proved itself.</summary>
        BootFailed,

        /// <summary>update-rolled-back: the loader could not load the new version.</summary>
        LoadFailed,
    }
}
