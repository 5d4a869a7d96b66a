using CommuneRadio.Core.Config;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Config
{
    [TestClass]
    public class ConfigParserTests
    {
        internal static StationConfig Parse(string text)
        {
            byte[] b = ConfigFiles.Bytes(text);
            return ConfigParser.Parse(b, b.Length);
        }

        internal static string Describe(StationConfig c)
        {
            string s = string.Empty;
            for (int i = 0; i < c.Errors.Count; i++)
            {
                s += c.Errors.At(i).Field + "=" + c.Errors.At(i).Reason + " ";
            }

            return s;
        }

        [TestMethod]
        public void Parse_Devkit4Relay_ValidWithEverySetting()
        {
            StationConfig c = Parse(ConfigFiles.Devkit4Relay);
            Assert.IsTrue(c.Valid, Describe(c));
            Assert.IsTrue(c.NetworkUsable);
            RelayLayout relays = c.Station.Relays;
            Assert.AreEqual(1, relays.Amplifiers.Length);
            Assert.AreEqual(2, relays.Lines.Length);
            Assert.AreEqual(1, relays.Sources.Length);
            Assert.AreEqual(23, relays.Amplifiers[0].Pin);
            Assert.IsTrue(relays.Amplifiers[0].ActiveLow);
            Assert.AreEqual(21, relays.Lines[1].Pin);
            Assert.AreEqual(0, relays.Lines[1].Amplifier);
            Assert.AreEqual(19, relays.Sources[0].Pin);
            Assert.AreEqual(1500, relays.WarmUpMs);
            Assert.AreEqual(300, relays.AmpStaggerMs);
            Assert.AreEqual(10800000L, c.Station.MaxOnTimeMs);
            Assert.AreEqual(420, c.Station.UtcOffsetMinutes);
            Assert.AreEqual(60000, c.Station.TelemetryPeriodMs);
            Assert.AreEqual("ht-ab-001", c.Protocol.Station);
            Assert.AreEqual("cr/v1", c.Protocol.Prefix);
            Assert.AreEqual(3, c.Protocol.Groups.Length);
            Assert.AreEqual("com.ha-tinh.an-binh", c.Protocol.Groups[2]);
        }

        [TestMethod]
        public void Parse_Devkit4Relay_DeviceSettings()
        {
            DeviceSettings d = Parse(ConfigFiles.Devkit4Relay).Device;
            Assert.AreEqual("devkit-4relay", d.Board);
            Assert.AreEqual("UBND-AnBinh", d.WifiSsid);
            Assert.AreEqual("change-me-wifi", d.WifiPassword);
            Assert.AreEqual("mqtt.ha-tinh.example.vn", d.BrokerHost);
            Assert.AreEqual(8883, d.BrokerPort);
            Assert.IsTrue(d.BrokerTls);
            Assert.AreEqual("ca.pem", d.CaCertificateFile);
            Assert.IsNull(d.CaCertificatePem);
            Assert.AreEqual("ht-ab-001", d.Username);
            Assert.AreEqual("change-me-broker", d.Password);
            Assert.AreEqual(60, d.KeepAliveSeconds);
            Assert.AreEqual("vn.pool.ntp.org", d.SntpServer1);
            Assert.AreEqual("pool.ntp.org", d.SntpServer2);
            Assert.IsTrue(d.AmpCurrent.Present);
            Assert.AreEqual(6, d.AmpCurrent.AdcChannel);
            Assert.AreEqual(34, d.AmpCurrent.Pin);
            Assert.IsTrue(d.AmpCurrent.UseRatio);
            Assert.AreEqual(0.0, d.AmpCurrent.Convert(0.5));
            Assert.AreEqual(25.0, d.AmpCurrent.Convert(1.0));
            Assert.IsTrue(d.Battery.Present);
            Assert.AreEqual(35, d.Battery.Pin);
            Assert.AreEqual(18.3, d.Battery.Convert(1.0));
            Assert.IsTrue(d.Mains.Present);
            Assert.AreEqual(39, d.Mains.Pin);
            Assert.IsFalse(d.Mains.ActiveHigh);
            Assert.IsTrue(d.Mains.MainsPresent(false));
        }

        [TestMethod]
        public void Parse_Devkit4Relay_KeyringAndThresholds()
        {
            StationConfig c = Parse(ConfigFiles.Devkit4Relay);
            Assert.AreEqual(3, c.Keys.Count);
            IssuerKey national = c.Keys.Find("vn");
            Assert.IsNotNull(national);
            Assert.AreEqual((int)IssuerLevel.National, (int)national.Level);
            Assert.IsTrue(national.MayEmergency);
            Assert.AreEqual(32, national.Key.Length);
            Assert.AreEqual((byte)0x1f, national.Key[31]);
            IssuerKey commune = c.Keys.Find("com.ha-tinh.an-binh");
            Assert.AreEqual((int)IssuerLevel.Commune, (int)commune.Level);
            Assert.IsFalse(commune.MayEmergency);
            Assert.AreEqual("g/com.ha-tinh.an-binh", commune.Scopes[0]);
            Assert.AreEqual(0.2, c.Station.Faults.MinCurrentPerAmpA);
            Assert.AreEqual(0.1, c.Station.Faults.MaxOffCurrentA);
            Assert.AreEqual(11.5, c.Station.Faults.BatteryLowV);
        }

        [TestMethod]
        public void Parse_KeyUpdateRight_OnlyWhereGivenAndBooleanOnly()
        {
            string marker = "\"scopes\": [\"g/prov.ha-tinh\"],";
            int at = ConfigFiles.Devkit4Relay.IndexOf(marker) + marker.Length;
            string granted = ConfigFiles.Devkit4Relay.Substring(0, at) + " \"update\": true," + ConfigFiles.Devkit4Relay.Substring(at);
            StationConfig c = Parse(granted);
            Assert.IsTrue(c.Valid, Describe(c));
            Assert.IsTrue(c.Keys.Find("prov.ha-tinh").MayUpdate);
            Assert.IsFalse(c.Keys.Find("vn").MayUpdate, "no update right unless given");
            Assert.IsFalse(Parse(ConfigFiles.Devkit4Relay).Keys.Find("prov.ha-tinh").MayUpdate);

            StationConfig bad = Parse(ConfigFiles.Devkit4Relay.Substring(0, at) + " \"update\": 1," + ConfigFiles.Devkit4Relay.Substring(at));
            Assert.IsFalse(bad.Valid);
            Assert.IsTrue(Describe(bad).IndexOf("keys[1].update") >= 0, Describe(bad));
        }

        [TestMethod]
        public void Parse_Board8Relay_TwoAmplifiersFourLinesTwoSources()
        {
            StationConfig c = Parse(ConfigFiles.Board8Relay);
            Assert.IsTrue(c.Valid, Describe(c));
            RelayLayout relays = c.Station.Relays;
            Assert.AreEqual(2, relays.Amplifiers.Length);
            Assert.AreEqual(4, relays.Lines.Length);
            Assert.AreEqual(2, relays.Sources.Length);
            Assert.AreEqual(33, relays.Amplifiers[1].Pin);
            Assert.AreEqual(1, relays.Lines[2].Amplifier);
            Assert.AreEqual(13, relays.Lines[3].Pin);
            Assert.AreEqual(18, relays.Sources[1].Pin);
            Assert.AreEqual(0xF, relays.AllLinesMask);
            Assert.AreEqual("board-8relay", c.Device.Board);
            Assert.AreEqual(23.0, c.Station.Faults.BatteryLowV);
            Assert.AreEqual(36.3, c.Device.Battery.Convert(1.0));
        }

        [TestMethod]
        public void Parse_Minimal_DefaultsApplied()
        {
            string text = "{\"version\":1,\"board\":\"custom\",\"station\":{\"id\":\"s1\"},\"wifi\":{\"ssid\":\"open-net\"},"
                + "\"broker\":{\"host\":\"10.0.0.2\",\"port\":1883,\"tls\":false},"
                + "\"keys\":[{\"issuer\":\"vn\",\"level\":\"national\",\"key\":\"" + Key('a') + "\"}],"
                + "\"relays\":{\"amplifiers\":[{\"pin\":16}],\"lines\":[{\"pin\":17,\"amplifier\":0}],\"sources\":[{\"pin\":18}]}}";
            StationConfig c = Parse(text);
            Assert.IsTrue(c.Valid, Describe(c));
            Assert.IsTrue(c.NetworkUsable);
            Assert.AreEqual("cr/v1", c.Protocol.Prefix);
            Assert.AreEqual(0, c.Protocol.Groups.Length);
            Assert.AreEqual(420, c.Station.UtcOffsetMinutes);
            Assert.AreEqual(string.Empty, c.Device.WifiPassword);
            Assert.IsFalse(c.Device.BrokerTls);
            Assert.IsTrue(c.Station.Relays.Sources[0].ActiveLow, "relays default to active-low");
            Assert.IsFalse(c.Device.AmpCurrent.Present);
            Assert.IsFalse(c.Device.Mains.Present);
            Assert.AreEqual(1500, c.Station.Relays.WarmUpMs);
            Assert.AreEqual(0, c.Keys.At(0).Scopes.Length);
        }

        [TestMethod]
        public void Parse_InlineCaPem_Accepted()
        {
            string pem = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n";
            string text = ConfigFiles.Variant(ConfigFiles.Devkit4Relay, "\"ca_file\": \"ca.pem\"", "\"ca_pem\": \"" + pem + "\"");
            StationConfig c = Parse(text);
            Assert.IsTrue(c.Valid, Describe(c));
            Assert.IsNull(c.Device.CaCertificateFile);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----\nMIIB\n", c.Device.CaCertificatePem);
        }

        [TestMethod]
        public void Parse_EscapedStrings_Decoded()
        {
            string text = ConfigFiles.Variant(ConfigFiles.Devkit4Relay, "\"UBND-AnBinh\"", "\"UBND \\u0110\\u1ea1i\"");
            StationConfig c = Parse(text);
            Assert.IsTrue(c.Valid, Describe(c));
            Assert.AreEqual("UBND \u0110\u1ea1i", c.Device.WifiSsid);
        }

        internal static string Key(char c)
        {
            return new string(c, 64);
        }
    }
}
