namespace CommuneRadio.Core.Config
{
    /// <summary>Wire tokens for <see cref="ConfigError.Reason"/> (docs/configuration.md §4).</summary>
    public static class ConfigReasons
    {
        /// <summary>No configuration file, or it could not be read.</summary>
        public const string MissingFile = "missing-file";

        /// <summary>The file is larger than <see cref="ConfigParser.MaxFileBytes"/>.</summary>
        public const string TooLarge = "too-large";

        /// <summary>Not valid JSON (the field names the byte offset).</summary>
        public const string Malformed = "malformed-json";

        /// <summary>A required member is absent.</summary>
        public const string Missing = "missing";

        /// <summary>A member this format does not define.</summary>
        public const string UnknownField = "unknown-field";

        /// <summary>A member given twice, or two keys for one issuer.</summary>
        public const string Duplicate = "duplicate";

        /// <summary>A value of the wrong JSON type.</summary>
        public const string WrongType = "wrong-type";

        /// <summary>A number outside its range, or an array with too many or too few entries.</summary>
        public const string OutOfRange = "out-of-range";

        /// <summary>A string longer than allowed.</summary>
        public const string TooLong = "too-long";

        /// <summary>A string with characters the field does not allow (tokens, topic prefix, file names).</summary>
        public const string InvalidToken = "invalid-token";

        /// <summary>A value that is not one of the listed names (issuer level, board, ADC input).</summary>
        public const string UnknownValue = "unknown-value";

        /// <summary>A key that is not exactly 64 hexadecimal digits.</summary>
        public const string InvalidKey = "invalid-key";

        /// <summary>A CA certificate that is not a PEM "BEGIN CERTIFICATE" block.</summary>
        public const string InvalidCertificate = "invalid-certificate";

        /// <summary>TLS without a CA certificate, or both an inline certificate and a file.</summary>
        public const string CertificateRequired = "certificate-required";

        /// <summary>A GPIO that does not exist on an ESP32 module or is used by flash/PSRAM/serial.</summary>
        public const string InvalidPin = "invalid-pin";

        /// <summary>An input-only GPIO (34–39) used for a relay.</summary>
        public const string InputOnlyPin = "input-only-pin";

        /// <summary>A strapping or boot-glitch GPIO (0, 2, 5, 12, 14, 15) used for a relay: it would click at power-up.</summary>
        public const string StrappingPin = "strapping-pin";

        /// <summary>The same GPIO used twice (relay, ADC or mains input).</summary>
        public const string PinConflict = "pin-conflict";

        /// <summary>A line fed by an amplifier that does not exist.</summary>
        public const string NoSuchAmplifier = "no-such-amplifier";

        /// <summary>Timings that cannot put speakers on air within the 3 s of EN 54-16.</summary>
        public const string EmergencyBudget = "exceeds-emergency-budget";

        /// <summary>A Wi-Fi password that WPA2 refuses (1–7 characters).</summary>
        public const string WeakPassword = "invalid-password";

        /// <summary>An unexpected failure of the parser itself; the file is treated as invalid.</summary>
        public const string Internal = "internal-error";
    }
}
