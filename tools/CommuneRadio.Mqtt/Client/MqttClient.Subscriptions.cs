using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Mqtt.Packets;
using CommuneRadio.Mqtt.Topics;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>SUBSCRIBE and UNSUBSCRIBE of <see cref="MqttClient"/>, and the subscriptions kept for resubscribe.</summary>
    public sealed partial class MqttClient
    {
        /// <inheritdoc/>
        public async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(IReadOnlyList<MqttTopicSubscription> subscriptions, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(subscriptions);
            if (subscriptions.Count == 0)
            {
                throw new ArgumentException("At least one subscription is needed.", nameof(subscriptions));
            }

            foreach (MqttTopicSubscription subscription in subscriptions)
            {
                if (!MqttTopicMatcher.IsValidFilter(subscription.Filter))
                {
                    throw new ArgumentException($"'{subscription.Filter}' is not a valid topic filter.", nameof(subscriptions));
                }

                if (subscription.QoS is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
                {
                    throw new ArgumentException("Only QoS 0 and 1 can be requested.", nameof(subscriptions));
                }
            }

            MqttConnection connection;
            MqttClientOptions options;
            lock (_gate)
            {
                connection = _connection ?? throw new MqttNotConnectedException();
                options = _options!;
            }

            return await SubscribeOnAsync(connection, subscriptions, options, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc/>
        public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(topicFilters);
            if (topicFilters.Count == 0)
            {
                throw new ArgumentException("At least one filter is needed.", nameof(topicFilters));
            }

            foreach (string filter in topicFilters)
            {
                if (!MqttTopicMatcher.IsValidFilter(filter))
                {
                    throw new ArgumentException($"'{filter}' is not a valid topic filter.", nameof(topicFilters));
                }
            }

            MqttConnection connection;
            MqttClientOptions options;
            MqttPendingAck ack;
            ushort id;
            lock (_gate)
            {
                connection = _connection ?? throw new MqttNotConnectedException();
                options = _options!;
                id = _state.AllocatePacketId();
                ack = new MqttPendingAck(connection, MqttPacketType.UnsubAck);
                _state.PendingAcks[id] = ack;

                // Forgotten at once so a reconnect in the middle never restores it.
                foreach (string filter in topicFilters)
                {
                    _state.Subscriptions.Remove(filter);
                }
            }

            try
            {
                await connection.SendAsync(MqttPacketEncoder.Encode(new MqttUnsubscribePacket(id, topicFilters)), cancellationToken).ConfigureAwait(false);
                await ack.Completion.Task.WaitAsync(options.AckTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                RemoveAck(id, ack);
            }
        }

        private async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeOnAsync(MqttConnection connection, IReadOnlyList<MqttTopicSubscription> subscriptions, MqttClientOptions options, CancellationToken cancellationToken)
        {
            MqttPendingAck ack;
            ushort id;
            lock (_gate)
            {
                id = _state.AllocatePacketId();
                ack = new MqttPendingAck(connection, MqttPacketType.SubAck);
                _state.PendingAcks[id] = ack;
            }

            try
            {
                await connection.SendAsync(MqttPacketEncoder.Encode(new MqttSubscribePacket(id, subscriptions)), cancellationToken).ConfigureAwait(false);
                var subAck = (MqttSubAckPacket)await ack.Completion.Task.WaitAsync(options.AckTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                if (subAck.ReturnCodes.Count != subscriptions.Count)
                {
                    throw new MqttProtocolException($"SUBACK has {subAck.ReturnCodes.Count} codes for {subscriptions.Count} filters.");
                }

                lock (_gate)
                {
                    for (int i = 0; i < subscriptions.Count; i++)
                    {
                        if (subAck.ReturnCodes[i] == MqttSubscribeReturnCode.Failure)
                        {
                            _state.Subscriptions.Remove(subscriptions[i].Filter);
                        }
                        else if (_run is not null)
                        {
                            _state.Subscriptions[subscriptions[i].Filter] = subscriptions[i].QoS;
                        }
                    }
                }

                return subAck.ReturnCodes;
            }
            finally
            {
                RemoveAck(id, ack);
            }
        }
    }
}
