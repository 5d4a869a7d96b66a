namespace CommuneRadio.Mqtt
{
    /// <summary>Outcome of an accepted CONNECT.</summary>
    public sealed class MqttConnectResult
    {
        /// <summary>Creates a result.</summary>
        public MqttConnectResult(bool sessionPresent)
        {
            SessionPresent = sessionPresent;
        }

        /// <summary>True when the broker resumed a stored persistent session.</summary>
        public bool SessionPresent { get; }
    }
}
