namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// What only the device adapters need from the configuration: network, broker, time servers and sensors.
    /// Core never reads these; they are here so that the file is parsed and validated in one tested place.
    /// </summary>
    public sealed class DeviceSettings
    {
        /// <summary>Board profile name, e.g. "devkit-4relay".</summary>
        public string Board;

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid;

        /// <summary>Wi-Fi password ("" for an open network).</summary>
        public string WifiPassword = string.Empty;

        /// <summary>Broker host name or address.</summary>
        public string BrokerHost;

        /// <summary>Broker TCP port (1883 plain, 8883 TLS by convention).</summary>
        public int BrokerPort = 8883;

        /// <summary>Connect with TLS, verifying the broker against the CA certificate.</summary>
        public bool BrokerTls = true;

        /// <summary>CA certificate in PEM, when given inline; null otherwise.</summary>
        public string CaCertificatePem;

        /// <summary>CA certificate file on I:\ (e.g. "ca.pem"), when given by name; null otherwise.</summary>
        public string CaCertificateFile;

        /// <summary>Broker user name, or null.</summary>
        public string Username;

        /// <summary>Broker password, or null.</summary>
        public string Password;

        /// <summary>Keep-alive when the file sets none (also the simulator's): 60 s, the broker notices a dead station after 90 s.</summary>
        public const int DefaultKeepAliveSeconds = 60;

        /// <summary>MQTT keep-alive, seconds.</summary>
        public int KeepAliveSeconds = DefaultKeepAliveSeconds;

        /// <summary>Primary SNTP server.</summary>
        public string SntpServer1 = "vn.pool.ntp.org";

        /// <summary>Secondary SNTP server.</summary>
        public string SntpServer2 = "pool.ntp.org";

        /// <summary>Total amplifier supply current, amperes.</summary>
        public readonly AnalogSensorConfig AmpCurrent = new AnalogSensorConfig();

        /// <summary>Backup battery voltage, volts.</summary>
        public readonly AnalogSensorConfig Battery = new AnalogSensorConfig();

        /// <summary>Mains-present input.</summary>
        public readonly MainsInputConfig Mains = new MainsInputConfig();
    }
}
