namespace CommuneRadio.Core.Protocol
{
    /// <summary>Who a station is on the wire and the protocol limits (docs/protocol.md §1, §7).</summary>
    public sealed class ProtocolSettings
    {
        /// <summary>Creates settings for a station.</summary>
        public ProtocolSettings(string prefix, string station, string[] groups)
        {
            Prefix = prefix;
            Station = station;
            Groups = groups;
        }

        /// <summary>Topic prefix, e.g. "cr/v1".</summary>
        public string Prefix;

        /// <summary>Station id.</summary>
        public string Station;

        /// <summary>Groups the station belongs to, e.g. {"vn", "prov.ha-tinh", "com.ha-tinh.an-binh"}.</summary>
        public string[] Groups;

        /// <summary>Largest command payload accepted, bytes.</summary>
        public int MaxPayloadBytes = 12288;

        /// <summary>How far in the future a command's issue time may be (clock differences), seconds.</summary>
        public int FutureSkewSeconds = 120;

        /// <summary>Seconds each line is driven during a relay self-test.</summary>
        public int SelfTestSecondsPerLine = 3;

        /// <summary>Messages held for the transport.</summary>
        public int OutboxCapacity = 32;

        /// <summary>Firmware version reported in the state message.</summary>
        public string FirmwareVersion = "0.1.0";
    }
}
