namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// One problem found in the configuration file: where (a field path such as <c>relays.lines[1].pin</c>,
    /// <c>$</c> for the whole file) and why (a wire token from <see cref="ConfigReasons"/>). Reported in the boot
    /// log and, when the network part is usable, in the retained config report (docs/configuration.md §5).
    /// </summary>
    public sealed class ConfigError
    {
        /// <summary>Creates an error.</summary>
        public ConfigError(string field, string reason)
        {
            Field = field;
            Reason = reason;
        }

        /// <summary>Field path, e.g. "broker.port"; "$" for the whole file.</summary>
        public readonly string Field;

        /// <summary>Machine-readable reason, e.g. "out-of-range".</summary>
        public readonly string Reason;
    }
}
