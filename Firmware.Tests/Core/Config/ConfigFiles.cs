using System.Text;

namespace CommuneRadio.Tests.Core.Config
{
    /// <summary>
    /// The example configuration files of Firmware/Config, embedded because a device cannot read the repository
    /// (the host-only ConfigFilesTests checks that these copies equal the files), and variants of them.
    /// Regenerate after editing a file: the copies must stay byte-for-byte equal.
    /// </summary>
    internal static class ConfigFiles
    {
        /// <summary>Firmware/Config/devkit-4relay.json.</summary>
        public const string Devkit4Relay =
            "{\n"
            + "  \"version\": 1,\n"
            + "  \"board\": \"devkit-4relay\",\n"
            + "  \"station\": {\n"
            + "    \"id\": \"ht-ab-001\",\n"
            + "    \"groups\": [\"vn\", \"prov.ha-tinh\", \"com.ha-tinh.an-binh\"],\n"
            + "    \"topic_prefix\": \"cr/v1\",\n"
            + "    \"utc_offset_minutes\": 420,\n"
            + "    \"telemetry_s\": 60\n"
            + "  },\n"
            + "  \"wifi\": { \"ssid\": \"UBND-AnBinh\", \"password\": \"change-me-wifi\" },\n"
            + "  \"broker\": {\n"
            + "    \"host\": \"mqtt.ha-tinh.example.vn\",\n"
            + "    \"port\": 8883,\n"
            + "    \"tls\": true,\n"
            + "    \"ca_file\": \"ca.pem\",\n"
            + "    \"username\": \"ht-ab-001\",\n"
            + "    \"password\": \"change-me-broker\",\n"
            + "    \"keepalive_s\": 60\n"
            + "  },\n"
            + "  \"time\": { \"sntp\": [\"vn.pool.ntp.org\", \"pool.ntp.org\"] },\n"
            + "  \"keys\": [\n"
            + "    { \"issuer\": \"vn\", \"level\": \"national\", \"scopes\": [], \"emergency\": true,\n"
            + "      \"key\": \"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\" },\n"
            + "    { \"issuer\": \"prov.ha-tinh\", \"level\": \"province\", \"scopes\": [\"g/prov.ha-tinh\"], \"emergency\": true,\n"
            + "      \"key\": \"202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f\" },\n"
            + "    { \"issuer\": \"com.ha-tinh.an-binh\", \"level\": \"commune\", \"scopes\": [\"g/com.ha-tinh.an-binh\"], \"emergency\": false,\n"
            + "      \"key\": \"404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f\" }\n"
            + "  ],\n"
            + "  \"relays\": {\n"
            + "    \"amplifiers\": [ { \"pin\": 23, \"active_low\": true } ],\n"
            + "    \"lines\": [\n"
            + "      { \"pin\": 22, \"active_low\": true, \"amplifier\": 0 },\n"
            + "      { \"pin\": 21, \"active_low\": true, \"amplifier\": 0 }\n"
            + "    ],\n"
            + "    \"sources\": [ { \"pin\": 19, \"active_low\": true } ]\n"
            + "  },\n"
            + "  \"timings\": {\n"
            + "    \"amp_stagger_ms\": 300,\n"
            + "    \"warm_up_ms\": 1500,\n"
            + "    \"line_off_to_amp_off_ms\": 1000,\n"
            + "    \"min_switch_interval_ms\": 500,\n"
            + "    \"source_break_ms\": 50,\n"
            + "    \"max_on_time_s\": 10800\n"
            + "  },\n"
            + "  \"sensors\": {\n"
            + "    \"amp_current\": { \"adc_channel\": 6, \"input\": \"ratio\", \"scale\": 50.0, \"offset\": -25.0, \"min_per_amp_a\": 0.2, \"max_off_a\": 0.1 },\n"
            + "    \"battery\": { \"adc_channel\": 7, \"input\": \"ratio\", \"scale\": 18.3, \"offset\": 0, \"low_v\": 11.5 },\n"
            + "    \"mains\": { \"pin\": 39, \"active_high\": false }\n"
            + "  }\n"
            + "}\n";

        /// <summary>Firmware/Config/board-8relay.json.</summary>
        public const string Board8Relay =
            "{\n"
            + "  \"version\": 1,\n"
            + "  \"board\": \"board-8relay\",\n"
            + "  \"station\": {\n"
            + "    \"id\": \"ht-ab-002\",\n"
            + "    \"groups\": [\"vn\", \"prov.ha-tinh\", \"com.ha-tinh.an-binh\"],\n"
            + "    \"topic_prefix\": \"cr/v1\",\n"
            + "    \"utc_offset_minutes\": 420,\n"
            + "    \"telemetry_s\": 60\n"
            + "  },\n"
            + "  \"wifi\": { \"ssid\": \"UBND-AnBinh\", \"password\": \"change-me-wifi\" },\n"
            + "  \"broker\": {\n"
            + "    \"host\": \"mqtt.ha-tinh.example.vn\",\n"
            + "    \"port\": 8883,\n"
            + "    \"tls\": true,\n"
            + "    \"ca_file\": \"ca.pem\",\n"
            + "    \"username\": \"ht-ab-002\",\n"
            + "    \"password\": \"change-me-broker\",\n"
            + "    \"keepalive_s\": 60\n"
            + "  },\n"
            + "  \"time\": { \"sntp\": [\"vn.pool.ntp.org\", \"pool.ntp.org\"] },\n"
            + "  \"keys\": [\n"
            + "    { \"issuer\": \"vn\", \"level\": \"national\", \"scopes\": [], \"emergency\": true,\n"
            + "      \"key\": \"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\" },\n"
            + "    { \"issuer\": \"prov.ha-tinh\", \"level\": \"province\", \"scopes\": [\"g/prov.ha-tinh\"], \"emergency\": true,\n"
            + "      \"key\": \"202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f\" },\n"
            + "    { \"issuer\": \"com.ha-tinh.an-binh\", \"level\": \"commune\", \"scopes\": [\"g/com.ha-tinh.an-binh\"], \"emergency\": false,\n"
            + "      \"key\": \"404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f\" }\n"
            + "  ],\n"
            + "  \"relays\": {\n"
            + "    \"amplifiers\": [\n"
            + "      { \"pin\": 32, \"active_low\": true },\n"
            + "      { \"pin\": 33, \"active_low\": true }\n"
            + "    ],\n"
            + "    \"lines\": [\n"
            + "      { \"pin\": 25, \"active_low\": true, \"amplifier\": 0 },\n"
            + "      { \"pin\": 26, \"active_low\": true, \"amplifier\": 0 },\n"
            + "      { \"pin\": 27, \"active_low\": true, \"amplifier\": 1 },\n"
            + "      { \"pin\": 13, \"active_low\": true, \"amplifier\": 1 }\n"
            + "    ],\n"
            + "    \"sources\": [\n"
            + "      { \"pin\": 4, \"active_low\": true },\n"
            + "      { \"pin\": 18, \"active_low\": true }\n"
            + "    ]\n"
            + "  },\n"
            + "  \"timings\": {\n"
            + "    \"amp_stagger_ms\": 300,\n"
            + "    \"warm_up_ms\": 1500,\n"
            + "    \"line_off_to_amp_off_ms\": 1000,\n"
            + "    \"min_switch_interval_ms\": 500,\n"
            + "    \"source_break_ms\": 50,\n"
            + "    \"max_on_time_s\": 10800\n"
            + "  },\n"
            + "  \"sensors\": {\n"
            + "    \"amp_current\": { \"adc_channel\": 6, \"input\": \"ratio\", \"scale\": 50.0, \"offset\": -25.0, \"min_per_amp_a\": 0.2, \"max_off_a\": 0.1 },\n"
            + "    \"battery\": { \"adc_channel\": 7, \"input\": \"ratio\", \"scale\": 36.3, \"offset\": 0, \"low_v\": 23.0 },\n"
            + "    \"mains\": { \"pin\": 39, \"active_high\": false }\n"
            + "  }\n"
            + "}\n";

        /// <summary>UTF-8 bytes of a configuration text.</summary>
        public static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        /// <summary>
        /// <paramref name="text"/> with the first-and-only occurrence of <paramref name="find"/> replaced; fails the
        /// test when <paramref name="find"/> is absent, so a variant can never silently equal the original.
        /// </summary>
        public static string Variant(string text, string find, string replacement)
        {
            int at = text.IndexOf(find);
            nanoFramework.TestFramework.Assert.IsTrue(at >= 0, "variant text not found: " + find);
            return text.Substring(0, at) + replacement + text.Substring(at + find.Length);
        }
    }
}
