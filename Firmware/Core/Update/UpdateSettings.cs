namespace CommuneRadio.Core.Update
{
    /// <summary>How long and how often a committed version may try before it is rolled back.</summary>
    public sealed class UpdateSettings
    {
        /// <summary>
        /// Time the new version has to connect and report healthy, counted across its reboots (default 5 min):
        /// a version that keeps restarting before it proves itself runs out of it as surely as one that never connects.
        /// </summary>
        public long ProveWithinMs = 5 * 60 * 1000;

        /// <summary>Boots of the new version before it must have proved itself (default 3).</summary>
        public int MaxTrialBoots = 3;

        /// <summary>How often the time spent on trial is saved (default 30 s): at most that much is lost to a power cut.</summary>
        public long SaveTrialEveryMs = 30 * 1000;
    }
}
