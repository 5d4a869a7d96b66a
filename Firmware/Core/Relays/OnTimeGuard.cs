namespace CommuneRadio.Core.Relays
{
    /// <summary>
    /// Maximum continuous on-time: when the amplifiers have been on longer than allowed and the programme is not an
    /// emergency, the guard trips — the programme is cut and the station stays silent until every output is off — so
    /// a stuck programme, or programmes chained back-to-back, cannot keep the speakers on all night. Emergencies are
    /// exempt.
    /// </summary>
    public sealed class OnTimeGuard
    {
        /// <summary>True from the trip until every output is off again: only emergencies may play meanwhile.</summary>
        public bool Tripped { get; private set; }

        /// <summary>
        /// Checks the guard at <paramref name="nowMs"/>; true when it trips now (the caller cuts what is on air).
        /// </summary>
        public bool Trips(long nowMs, RelaySequencer relays, long maxOnTimeMs, bool emergencyOnAir)
        {
            if (Tripped)
            {
                if (relays.AllOutputsOff)
                {
                    Tripped = false;
                }

                return false;
            }

            if (!relays.AnyAmplifierOn || nowMs - relays.AmplifiersOnSinceMs < maxOnTimeMs || emergencyOnAir)
            {
                return false;
            }

            Tripped = true;
            return true;
        }
    }
}
