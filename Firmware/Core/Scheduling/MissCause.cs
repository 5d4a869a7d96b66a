namespace CommuneRadio.Core.Scheduling
{
    /// <summary>Why an occurrence could not play (docs/protocol.md §6), as the schedule's settlement decides it.</summary>
    public enum MissCause
    {
        /// <summary>Its time simply passed (expired).</summary>
        Expired = 0,

        /// <summary>The station was off until after its window closed.</summary>
        PoweredOff,

        /// <summary>The station was running without a valid clock when its window closed.</summary>
        NoClock,

        /// <summary>A valid clock stepped forward over it.</summary>
        ClockJump,

        /// <summary>No room for another programme (something else holds every slot).</summary>
        Preempted,
    }
}
