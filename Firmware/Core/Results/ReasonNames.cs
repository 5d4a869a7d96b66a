namespace CommuneRadio.Core.Results
{
    /// <summary>Wire names of the refusal reasons (kebab-case, stable).</summary>
    public static class ReasonNames
    {
        /// <summary>The wire name of a refusal reason, e.g. <c>ScheduleFull</c> → <c>"schedule-full"</c>.</summary>
        public static string Of(RefusalReason reason)
        {
            switch (reason)
            {
                case RefusalReason.None: return "none";
                case RefusalReason.InvalidField: return "invalid-field";
                case RefusalReason.InvalidTime: return "invalid-time";
                case RefusalReason.InvalidDuration: return "invalid-duration";
                case RefusalReason.InvalidLines: return "invalid-lines";
                case RefusalReason.InvalidSource: return "invalid-source";
                case RefusalReason.ScheduleFull: return "schedule-full";
                case RefusalReason.DuplicateId: return "duplicate-id";
                case RefusalReason.UnknownId: return "unknown-id";
                case RefusalReason.Busy: return "busy";
                case RefusalReason.NotAuthorized: return "not-authorized";
                case RefusalReason.StorageError: return "storage-error";
                case RefusalReason.TooLarge: return "too-large";
                case RefusalReason.Malformed: return "malformed";
                case RefusalReason.UnknownField: return "unknown-field";
                case RefusalReason.DuplicateField: return "duplicate-field";
                case RefusalReason.UnsupportedVersion: return "unsupported-version";
                case RefusalReason.UnknownCommand: return "unknown-command";
                case RefusalReason.UnknownIssuer: return "unknown-issuer";
                case RefusalReason.BadSignature: return "bad-signature";
                case RefusalReason.WrongTarget: return "wrong-target";
                case RefusalReason.Replayed: return "replayed";
                case RefusalReason.Expired: return "expired";
                case RefusalReason.NotYetValid: return "not-yet-valid";
                case RefusalReason.Retained: return "retained";
                case RefusalReason.InThePast: return "in-the-past";
                case RefusalReason.InvalidManifest: return "invalid-manifest";
                case RefusalReason.AlreadyRunning: return "already-running";
                case RefusalReason.UpdateInTrial: return "update-in-trial";
                case RefusalReason.StorageFull: return "storage-full";
                case RefusalReason.NoUpdate: return "no-update";
                case RefusalReason.WrongVersion: return "wrong-version";
                case RefusalReason.WrongIssuer: return "wrong-issuer";
                case RefusalReason.OutOfOrder: return "out-of-order";
                case RefusalReason.InvalidChunk: return "invalid-chunk";
                case RefusalReason.ImageMismatch: return "image-mismatch";
                case RefusalReason.NotVerified: return "not-verified";
                case RefusalReason.FlashMismatch: return "flash-mismatch";
                default: return "unknown";
            }
        }
    }
}
