using CommuneRadio.Mqtt.Client;

namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// The one place host MQTT clients are made (operator link, observer, simulated stations, the
    /// benchmark's bare clients), so the implementation behind <see cref="IMqttClient"/> is chosen once.
    /// </summary>
    public static class MqttClientFactory
    {
        /// <summary>A new, disconnected client: MQTTnet behind <see cref="MqttNetMqttClient"/>.</summary>
        public static IMqttClient Create() => new MqttNetMqttClient();
    }
}
