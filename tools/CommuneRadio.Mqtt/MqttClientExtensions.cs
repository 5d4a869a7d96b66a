using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt
{
    /// <summary>Single-filter and text-payload shortcuts over <see cref="IMqttClient"/>.</summary>
    public static class MqttClientExtensions
    {
        /// <summary>Publishes a UTF-8 text payload.</summary>
        public static Task PublishAsync(this IMqttClient client, string topic, string payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(payload);
            return client.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), qos, retain, cancellationToken);
        }

        /// <summary>Subscribes to one filter and returns its SUBACK code.</summary>
        public static async Task<MqttSubscribeReturnCode> SubscribeAsync(this IMqttClient client, string filter, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            IReadOnlyList<MqttSubscribeReturnCode> codes = await client.SubscribeAsync(new[] { new MqttTopicSubscription(filter, qos) }, cancellationToken).ConfigureAwait(false);
            return codes[0];
        }

        /// <summary>Unsubscribes from one filter.</summary>
        public static Task UnsubscribeAsync(this IMqttClient client, string filter, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            return client.UnsubscribeAsync(new[] { filter }, cancellationToken);
        }
    }
}
