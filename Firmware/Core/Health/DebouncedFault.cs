namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// A fault that is raised after its condition has held continuously for the raise delay and cleared
    /// after it has been absent continuously for the clear delay.
    /// </summary>
    public sealed class DebouncedFault
    {
        private const long Unset = long.MinValue;
        private long _conditionSinceMs = Unset;
        private long _goodSinceMs = Unset;

        /// <summary>Whether the fault is currently raised.</summary>
        public bool Raised;

        /// <summary>Feeds the condition at <paramref name="nowMs"/>; returns true when <see cref="Raised"/> changed.</summary>
        public bool Update(bool condition, long nowMs, int raiseAfterMs, int clearAfterMs)
        {
            if (condition)
            {
                _goodSinceMs = Unset;
                if (_conditionSinceMs == Unset)
                {
                    _conditionSinceMs = nowMs;
                }

                if (!Raised && nowMs - _conditionSinceMs >= raiseAfterMs)
                {
                    Raised = true;
                    return true;
                }
            }
            else
            {
                _conditionSinceMs = Unset;
                if (_goodSinceMs == Unset)
                {
                    _goodSinceMs = nowMs;
                }

                if (Raised && nowMs - _goodSinceMs >= clearAfterMs)
                {
                    Raised = false;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Forgets the timing (e.g. when the measured thing changed state).</summary>
        public void Restart()
        {
            _conditionSinceMs = Unset;
            _goodSinceMs = Unset;
        }
    }
}
