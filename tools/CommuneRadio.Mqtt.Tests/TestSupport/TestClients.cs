using System;
using System.Threading.Tasks;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt.Client;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>Connected clients for integration tests, with fast reconnect settings.</summary>
    internal static class TestClients
    {
        public static MqttClientOptions Options(MosquittoBroker broker, string clientId, Action<MqttClientOptions>? configure = null)
        {
            MqttClientOptions options = broker.CreateClientOptions(clientId);
            options.ConnectTimeout = TimeSpan.FromSeconds(5);
            options.AckTimeout = TimeSpan.FromSeconds(5);
            options.Reconnect.MinDelay = TimeSpan.FromMilliseconds(100);
            options.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(500);
            configure?.Invoke(options);
            return options;
        }

        public static async Task<MqttNetMqttClient> ConnectAsync(MosquittoBroker broker, string clientId, Action<MqttClientOptions>? configure = null)
        {
            var client = new MqttNetMqttClient();
            await client.ConnectAsync(Options(broker, clientId, configure));
            return client;
        }
    }
}
