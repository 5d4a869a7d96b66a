namespace CommuneRadio.Core.Config
{
    /// <summary>A digital "mains present" input (opto-coupler or relay contact from the protective relay).</summary>
    public sealed class MainsInputConfig
    {
        /// <summary>False when the board has no mains input.</summary>
        public bool Present;

        /// <summary>GPIO number (input-only 34–39 preferred).</summary>
        public int Pin;

        /// <summary>True when a high level means mains present; false for the usual opto-coupler pulling low.</summary>
        public bool ActiveHigh;

        /// <summary>Mains present for a pin level (true = high).</summary>
        public bool MainsPresent(bool levelHigh)
        {
            return levelHigh == ActiveHigh;
        }
    }
}
