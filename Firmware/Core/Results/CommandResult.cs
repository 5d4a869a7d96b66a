namespace CommuneRadio.Core.Results
{
    /// <summary>
    /// Outcome of one command: accepted, or refused with a reason and the field at fault
    /// (e.g. <c>invalid-duration</c> on <c>duration</c>). A refused command changed nothing.
    /// </summary>
    public struct CommandResult
    {
        /// <summary>Creates a result.</summary>
        public CommandResult(RefusalReason reason, string field)
        {
            Reason = reason;
            Field = field;
        }

        /// <summary>Why it was refused, or <see cref="RefusalReason.None"/>.</summary>
        public RefusalReason Reason;

        /// <summary>The field at fault, or null.</summary>
        public string Field;

        /// <summary>True when the command was accepted.</summary>
        public bool Accepted
        {
            get { return Reason == RefusalReason.None; }
        }

        /// <summary>The accepted result.</summary>
        public static CommandResult Ok
        {
            get { return new CommandResult(RefusalReason.None, null); }
        }

        /// <summary>A refusal.</summary>
        public static CommandResult Refuse(RefusalReason reason, string field)
        {
            return new CommandResult(reason, field);
        }
    }
}
