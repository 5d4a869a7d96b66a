namespace CommuneRadio.Core.Health
{
    /// <summary>Wire names of fault flags (nanoFramework's Enum.ToString gives numbers).</summary>
    public static class FaultNames
    {
        /// <summary>All single flags in wire order.</summary>
        public static readonly FaultFlags[] All =
        {
            FaultFlags.AmpNoCurrent, FaultFlags.AmpCurrentWhileOff, FaultFlags.MainsLost, FaultFlags.BatteryLow,
            FaultFlags.ClockLost, FaultFlags.StorageError, FaultFlags.RelayFault, FaultFlags.ConfigError,
        };

        /// <summary>Wire name of one flag, e.g. "mains-lost".</summary>
        public static string Of(FaultFlags flag)
        {
            switch (flag)
            {
                case FaultFlags.AmpNoCurrent: return "amp-no-current";
                case FaultFlags.AmpCurrentWhileOff: return "amp-current-while-off";
                case FaultFlags.MainsLost: return "mains-lost";
                case FaultFlags.BatteryLow: return "battery-low";
                case FaultFlags.ClockLost: return "clock-lost";
                case FaultFlags.StorageError: return "storage-error";
                case FaultFlags.RelayFault: return "relay-fault";
                case FaultFlags.ConfigError: return "config-error";
                default: return "none";
            }
        }
    }
}
