namespace CommuneRadio.Core.Update
{
    /// <summary>Wire names of the update's states, outcomes and reasons (docs/protocol.md §8).</summary>
    public static class UpdateNames
    {
        /// <summary>The wire name of <paramref name="reason"/>.</summary>
        public static string Reason(UpdateReason reason)
        {
            switch (reason)
            {
                case UpdateReason.None: return "none";
                case UpdateReason.AlreadyReceived: return "already-received";
                case UpdateReason.InvalidManifest: return "invalid-manifest";
                case UpdateReason.AlreadyRunning: return "already-running";
                case UpdateReason.InTrial: return "update-in-trial";
                case UpdateReason.StorageFull: return "storage-full";
                case UpdateReason.NoUpdate: return "no-update";
                case UpdateReason.WrongVersion: return "wrong-version";
                case UpdateReason.WrongIssuer: return "wrong-issuer";
                case UpdateReason.OutOfOrder: return "out-of-order";
                case UpdateReason.InvalidChunk: return "invalid-chunk";
                case UpdateReason.ImageMismatch: return "image-mismatch";
                case UpdateReason.NotVerified: return "not-verified";
                case UpdateReason.FlashMismatch: return "flash-mismatch";
                case UpdateReason.NotHealthy: return "not-healthy";
                case UpdateReason.BootFailed: return "boot-failed";
                case UpdateReason.LoadFailed: return "load-failed";
                default: return "unknown";
            }
        }

        /// <summary>The wire name of <paramref name="state"/>.</summary>
        public static string State(UpdateState state)
        {
            switch (state)
            {
                case UpdateState.Receiving: return "receiving";
                case UpdateState.Verified: return "verified";
                case UpdateState.Trial: return "trial";
                default: return "idle";
            }
        }

        /// <summary>The wire name of <paramref name="outcome"/>.</summary>
        public static string Outcome(UpdateOutcome outcome)
        {
            switch (outcome)
            {
                case UpdateOutcome.Committed: return "committed";
                case UpdateOutcome.RolledBack: return "rolled-back";
                case UpdateOutcome.Discarded: return "discarded";
                default: return "none";
            }
        }
    }
}
