using CommuneRadio.Core.Config;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Config
{
    /// <summary>Every error reason, each on a one-change variant of an example file, with its field path.</summary>
    [TestClass]
    public class ConfigParserErrorTests
    {
        private static StationConfig Expect(string text, string field, string reason)
        {
            StationConfig c = ConfigParserTests.Parse(text);
            Assert.IsFalse(c.Valid, "expected " + field + "=" + reason);
            Assert.AreEqual(reason, c.Errors.ReasonFor(field), ConfigParserTests.Describe(c));
            AssertSafe(c);
            return c;
        }

        internal static void AssertSafe(StationConfig c)
        {
            Assert.AreEqual(0, c.Station.Relays.OutputCount, "an invalid file drives no relay");
            Assert.AreEqual(0, c.Keys.Count, "an invalid file trusts no issuer");
        }

        private static string Devkit(string find, string replacement)
        {
            return ConfigFiles.Variant(ConfigFiles.Devkit4Relay, find, replacement);
        }

        private static string Board8(string find, string replacement)
        {
            return ConfigFiles.Variant(ConfigFiles.Board8Relay, find, replacement);
        }

        [TestMethod]
        public void Parse_NoFile_MissingFile_NoNetwork()
        {
            StationConfig c = ConfigParser.Parse(null, 0);
            Assert.AreEqual(ConfigReasons.MissingFile, c.Errors.ReasonFor("$"));
            Assert.IsFalse(c.NetworkUsable);
            AssertSafe(c);
            Assert.IsNotNull(c.Protocol);
            Assert.IsNotNull(c.Device);
        }

        [TestMethod]
        public void Parse_HugeFile_TooLarge()
        {
            byte[] big = new byte[ConfigParser.MaxFileBytes + 1];
            StationConfig c = ConfigParser.Parse(big, big.Length);
            Assert.AreEqual(ConfigReasons.TooLarge, c.Errors.ReasonFor("$"));
            Assert.IsFalse(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_RootNotObject_WrongType()
        {
            Expect("[1,2]", "$", ConfigReasons.WrongType);
        }

        [TestMethod]
        public void Parse_TruncatedInRelays_MalformedButNetworkUsable()
        {
            string text = ConfigFiles.Devkit4Relay.Substring(0, ConfigFiles.Devkit4Relay.IndexOf("\"sources\""));
            StationConfig c = ConfigParserTests.Parse(text);
            Assert.IsFalse(c.Valid);
            Assert.AreEqual(1, c.Errors.Count, ConfigParserTests.Describe(c));
            Assert.StartsWith("$@", c.Errors.At(0).Field);
            Assert.AreEqual(ConfigReasons.Malformed, c.Errors.At(0).Reason);
            Assert.IsTrue(c.NetworkUsable, "station, wifi and broker came before the damage: connect and report");
            AssertSafe(c);
        }

        [TestMethod]
        public void Parse_TruncatedInBroker_NoNetwork()
        {
            string text = ConfigFiles.Devkit4Relay.Substring(0, ConfigFiles.Devkit4Relay.IndexOf("\"ca_file\""));
            StationConfig c = ConfigParserTests.Parse(text);
            Assert.IsFalse(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_TrailingData_Malformed()
        {
            StationConfig c = ConfigParserTests.Parse(ConfigFiles.Devkit4Relay + " x");
            Assert.AreEqual(ConfigReasons.Malformed, c.Errors.At(0).Reason);
        }

        [TestMethod]
        public void Parse_SectionMissing_Missing()
        {
            StationConfig c = Expect(Devkit("\"wifi\": { \"ssid\": \"UBND-AnBinh\", \"password\": \"change-me-wifi\" },", string.Empty), "wifi", ConfigReasons.Missing);
            Assert.IsFalse(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_StationIdMissing_MissingAndNoNetwork()
        {
            StationConfig c = Expect(Devkit("\"id\": \"ht-ab-001\",", string.Empty), "station.id", ConfigReasons.Missing);
            Assert.IsFalse(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_UnknownMember_UnknownFieldWithPath()
        {
            StationConfig c = Expect(Devkit("\"telemetry_s\": 60", "\"telemetry_s\": 60, \"colour\": {\"a\": [1]}"), "station.colour", ConfigReasons.UnknownField);
            Assert.IsTrue(c.NetworkUsable, "an unknown member does not stop the station reporting");
        }

        [TestMethod]
        public void Parse_RepeatedMember_Duplicate()
        {
            Expect(Devkit("\"version\": 1,", "\"version\": 1, \"version\": 1,"), "version", ConfigReasons.Duplicate);
        }

        [TestMethod]
        public void Parse_RepeatedIssuer_Duplicate()
        {
            Expect(Devkit("\"issuer\": \"prov.ha-tinh\"", "\"issuer\": \"vn\""), "keys[1].issuer", ConfigReasons.Duplicate);
        }

        [TestMethod]
        public void Parse_PortAsString_WrongType_NoNetwork()
        {
            StationConfig c = Expect(Devkit("\"port\": 8883", "\"port\": \"8883\""), "broker.port", ConfigReasons.WrongType);
            Assert.IsFalse(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_BoolAsNumber_WrongType()
        {
            Expect(Devkit("\"tls\": true", "\"tls\": 1"), "broker.tls", ConfigReasons.WrongType);
        }

        [TestMethod]
        [DataRow("\"port\": 8883", "\"port\": 70000", "broker.port")]
        [DataRow("\"telemetry_s\": 60", "\"telemetry_s\": 5", "station.telemetry_s")]
        [DataRow("\"utc_offset_minutes\": 420", "\"utc_offset_minutes\": 900", "station.utc_offset_minutes")]
        [DataRow("\"version\": 1", "\"version\": 2", "version")]
        [DataRow("\"keepalive_s\": 60", "\"keepalive_s\": 1.5", "broker.keepalive_s")]
        [DataRow("\"min_switch_interval_ms\": 500", "\"min_switch_interval_ms\": 10", "timings.min_switch_interval_ms")]
        [DataRow("\"adc_channel\": 6", "\"adc_channel\": 8", "sensors.amp_current.adc_channel")]
        [DataRow("\"scale\": 50.0", "\"scale\": 0", "sensors.amp_current.scale")]
        [DataRow("\"scale\": 50.0", "\"scale\": 1e40", "sensors.amp_current.scale")]
        public void Parse_NumberOutsideRange_OutOfRange(string find, string replacement, string field)
        {
            Expect(Devkit(find, replacement), field, ConfigReasons.OutOfRange);
        }

        [TestMethod]
        public void Parse_NoLines_OutOfRange()
        {
            Expect(Devkit("\"lines\": [", "\"lines\": [], \"x\": ["), "relays.lines", ConfigReasons.OutOfRange);
        }

        [TestMethod]
        public void Parse_FiveAmplifiers_OutOfRange()
        {
            string five = "\"amplifiers\": [ {\"pin\": 23}, {\"pin\": 4}, {\"pin\": 13}, {\"pin\": 16}, {\"pin\": 17} ]";
            Expect(Devkit("\"amplifiers\": [ { \"pin\": 23, \"active_low\": true } ]", five), "relays.amplifiers[4]", ConfigReasons.OutOfRange);
        }

        [TestMethod]
        public void Parse_MoreOutputsThanBoard_OutOfRange()
        {
            Expect(Devkit("\"sources\": [ { \"pin\": 19, \"active_low\": true } ]", "\"sources\": [ { \"pin\": 19 }, { \"pin\": 18 } ]"), "relays", ConfigReasons.OutOfRange);
        }

        [TestMethod]
        public void Parse_EmptyKeys_OutOfRange()
        {
            string text = "{\"version\":1,\"board\":\"custom\",\"station\":{\"id\":\"s1\"},\"wifi\":{\"ssid\":\"n\"},"
                + "\"broker\":{\"host\":\"h\",\"tls\":false},\"keys\":[],"
                + "\"relays\":{\"amplifiers\":[{\"pin\":16}],\"lines\":[{\"pin\":17,\"amplifier\":0}],\"sources\":[{\"pin\":18}]}}";
            StationConfig c = Expect(text, "keys", ConfigReasons.OutOfRange);
            Assert.IsTrue(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_LongSsid_TooLong()
        {
            Expect(Devkit("\"ssid\": \"UBND-AnBinh\"", "\"ssid\": \"" + new string('s', 33) + "\""), "wifi.ssid", ConfigReasons.TooLong);
        }

        [TestMethod]
        [DataRow("\"id\": \"ht-ab-001\"", "\"id\": \"ht ab 001\"", "station.id")]
        [DataRow("\"id\": \"ht-ab-001\"", "\"id\": \"ht/ab\"", "station.id")]
        [DataRow("\"topic_prefix\": \"cr/v1\"", "\"topic_prefix\": \"/cr/v1\"", "station.topic_prefix")]
        [DataRow("\"topic_prefix\": \"cr/v1\"", "\"topic_prefix\": \"cr/#\"", "station.topic_prefix")]
        [DataRow("\"groups\": [\"vn\", ", "\"groups\": [\"v+n\", ", "station.groups[0]")]
        [DataRow("\"ca_file\": \"ca.pem\"", "\"ca_file\": \"I:ca.pem\"", "broker.ca_file")]
        public void Parse_BadCharacters_InvalidToken(string find, string replacement, string field)
        {
            Expect(Devkit(find, replacement), field, ConfigReasons.InvalidToken);
        }

        [TestMethod]
        [DataRow("\"level\": \"commune\"", "\"level\": \"district\"", "keys[2].level")]
        [DataRow("\"board\": \"devkit-4relay\"", "\"board\": \"esp8266\"", "board")]
        [DataRow("\"input\": \"ratio\", \"scale\": 18.3", "\"input\": \"volts\", \"scale\": 18.3", "sensors.battery.input")]
        public void Parse_UnlistedName_UnknownValue(string find, string replacement, string field)
        {
            Expect(Devkit(find, replacement), field, ConfigReasons.UnknownValue);
        }

        [TestMethod]
        [DataRow("5f\" }", "5\" }")]
        [DataRow("5f\" }", "5g\" }")]
        public void Parse_BadKey_InvalidKey(string find, string replacement)
        {
            Expect(Devkit(find, replacement), "keys[2].key", ConfigReasons.InvalidKey);
        }

        [TestMethod]
        public void Parse_CaPemNotPem_InvalidCertificate()
        {
            Expect(Devkit("\"ca_file\": \"ca.pem\"", "\"ca_pem\": \"hello\""), "broker.ca_pem", ConfigReasons.InvalidCertificate);
        }

        [TestMethod]
        public void Parse_TlsWithoutCa_CertificateRequired_NoNetwork()
        {
            StationConfig c = Expect(Devkit("\"ca_file\": \"ca.pem\",", string.Empty), "broker.ca_pem", ConfigReasons.CertificateRequired);
            Assert.IsFalse(c.NetworkUsable);
        }

        [TestMethod]
        public void Parse_BothCaForms_Duplicate()
        {
            string pem = "\"ca_pem\": \"-----BEGIN CERTIFICATE-----\\nAA\\n-----END CERTIFICATE-----\", ";
            Expect(Devkit("\"ca_file\": \"ca.pem\"", pem + "\"ca_file\": \"ca.pem\""), "broker.ca_file", ConfigReasons.Duplicate);
        }

        [TestMethod]
        public void Parse_ShortWifiPassword_InvalidPassword()
        {
            Expect(Devkit("\"change-me-wifi\"", "\"short\""), "wifi.password", ConfigReasons.WeakPassword);
        }

        [TestMethod]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 7,", ConfigReasons.InvalidPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 1,", ConfigReasons.InvalidPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 50,", ConfigReasons.InvalidPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 34,", ConfigReasons.InputOnlyPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 12,", ConfigReasons.StrappingPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 0,", ConfigReasons.StrappingPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 2,", ConfigReasons.StrappingPin)]
        [DataRow("{ \"pin\": 22,", "{ \"pin\": 15,", ConfigReasons.StrappingPin)]
        public void Parse_UnsafeRelayPin_Refused(string find, string replacement, string reason)
        {
            StationConfig c = Expect(Devkit(find, replacement), "relays.lines[0].pin", reason);
            Assert.IsTrue(c.NetworkUsable, "a wiring mistake still lets the station report it");
        }

        [TestMethod]
        public void Parse_RelayPinTwice_PinConflictOnSecond()
        {
            Expect(Board8("{ \"pin\": 18,", "{ \"pin\": 25,"), "relays.sources[1].pin", ConfigReasons.PinConflict);
        }

        [TestMethod]
        public void Parse_MainsOnAdcPin_PinConflict()
        {
            Expect(Devkit("\"mains\": { \"pin\": 39", "\"mains\": { \"pin\": 34"), "sensors.mains.pin", ConfigReasons.PinConflict);
        }

        [TestMethod]
        public void Parse_MainsOnFlashPin_InvalidPin()
        {
            Expect(Devkit("\"mains\": { \"pin\": 39", "\"mains\": { \"pin\": 9"), "sensors.mains.pin", ConfigReasons.InvalidPin);
        }

        [TestMethod]
        public void Parse_LineOnMissingAmplifier_NoSuchAmplifier()
        {
            Expect(Devkit("{ \"pin\": 21, \"active_low\": true, \"amplifier\": 0 }", "{ \"pin\": 21, \"active_low\": true, \"amplifier\": 1 }"), "relays.lines[1].amplifier", ConfigReasons.NoSuchAmplifier);
        }

        [TestMethod]
        public void Parse_LineWithoutAmplifier_Missing()
        {
            Expect(Devkit("{ \"pin\": 21, \"active_low\": true, \"amplifier\": 0 }", "{ \"pin\": 21 }"), "relays.lines[1].amplifier", ConfigReasons.Missing);
        }

        [TestMethod]
        public void Parse_SlowWarmUp_ExceedsEmergencyBudget()
        {
            Expect(Board8("\"warm_up_ms\": 1500", "\"warm_up_ms\": 2300"), "timings.warm_up_ms", ConfigReasons.EmergencyBudget);
        }

        [TestMethod]
        public void Parse_ManyErrors_AllReportedThenCounted()
        {
            string text = "{\"a0\":0,\"a1\":0,\"a2\":0,\"a3\":0,\"a4\":0,\"a5\":0,\"a6\":0,\"a7\":0,\"a8\":0,\"a9\":0,"
                + "\"b0\":0,\"b1\":0,\"b2\":0,\"b3\":0,\"b4\":0,\"b5\":0,\"b6\":0,\"b7\":0,\"b8\":0,\"b9\":0,\"c0\":0,\"c1\":0}";
            StationConfig c = ConfigParserTests.Parse(text);
            Assert.AreEqual(ConfigErrors.Capacity, c.Errors.Count);
            Assert.AreEqual(22 + 7 - ConfigErrors.Capacity, c.Errors.Dropped, "22 unknown members and 7 missing sections");
            Assert.IsFalse(c.Valid);
            AssertSafe(c);
        }

        [TestMethod]
        public void Parse_SeveralErrors_AllCollectedInFileOrder()
        {
            string text = Devkit("\"port\": 8883", "\"port\": 0");
            text = ConfigFiles.Variant(text, "{ \"pin\": 22,", "{ \"pin\": 35,");
            StationConfig c = ConfigParserTests.Parse(text);
            Assert.AreEqual(2, c.Errors.Count, ConfigParserTests.Describe(c));
            Assert.AreEqual("broker.port", c.Errors.At(0).Field);
            Assert.AreEqual("relays.lines[0].pin", c.Errors.At(1).Field);
        }
    }
}
