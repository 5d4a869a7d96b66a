using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Packets;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>Subscriptions (kept for resubscribe) and events of <see cref="MqttNetMqttClient"/>.</summary>
    public sealed partial class MqttNetMqttClient
    {
        /// <inheritdoc/>
        public Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeAsync(IReadOnlyList<MqttTopicSubscription> subscriptions, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(subscriptions);
            if (subscriptions.Count == 0)
            {
                throw new ArgumentException("At least one subscription is needed.", nameof(subscriptions));
            }

            foreach (MqttTopicSubscription subscription in subscriptions)
            {
                if (!MqttTopicRules.IsValidFilter(subscription.Filter))
                {
                    throw new ArgumentException($"'{subscription.Filter}' is not a valid topic filter.", nameof(subscriptions));
                }

                if (subscription.QoS is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
                {
                    throw new ArgumentException("Only QoS 0 and 1 can be requested.", nameof(subscriptions));
                }
            }

            MQTTnet.IMqttClient inner;
            CommuneRadio.Mqtt.MqttClientOptions options;
            lock (_gate)
            {
                if (!_connected)
                {
                    throw new MqttNotConnectedException();
                }

                inner = _inner;
                options = _options!;
            }

            return SubscribeOnAsync(inner, subscriptions, options, cancellationToken);
        }

        /// <inheritdoc/>
        public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(topicFilters);
            if (topicFilters.Count == 0)
            {
                throw new ArgumentException("At least one filter is needed.", nameof(topicFilters));
            }

            var request = new MqttClientUnsubscribeOptions();
            foreach (string filter in topicFilters)
            {
                if (!MqttTopicRules.IsValidFilter(filter))
                {
                    throw new ArgumentException($"'{filter}' is not a valid topic filter.", nameof(topicFilters));
                }

                request.TopicFilters.Add(filter);
            }

            MQTTnet.IMqttClient inner;
            CommuneRadio.Mqtt.MqttClientOptions options;
            lock (_gate)
            {
                if (!_connected)
                {
                    throw new MqttNotConnectedException();
                }

                inner = _inner;
                options = _options!;

                // Forgotten first: a reconnect meanwhile must not restore them.
                foreach (string filter in topicFilters)
                {
                    _subscriptions.Remove(filter);
                }
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AckTimeout);
            try
            {
                await inner.UnsubscribeAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (MqttNetErrors.IsConnectionFailure(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw AckFailure(ex, "UNSUBACK", options);
            }
        }

        private async Task<IReadOnlyList<MqttSubscribeReturnCode>> SubscribeOnAsync(MQTTnet.IMqttClient inner, IReadOnlyList<MqttTopicSubscription> subscriptions, CommuneRadio.Mqtt.MqttClientOptions options, CancellationToken cancellationToken)
        {
            var request = new MqttClientSubscribeOptions();
            foreach (MqttTopicSubscription subscription in subscriptions)
            {
                request.TopicFilters.Add(new MqttTopicFilter { Topic = subscription.Filter, QualityOfServiceLevel = MqttNetOptions.ToMqttNet(subscription.QoS) });
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AckTimeout);
            MqttClientSubscribeResult result;
            try
            {
                result = await inner.SubscribeAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (MqttNetErrors.IsConnectionFailure(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw AckFailure(ex, "SUBACK", options);
            }

            // Items come in the order of the request (MqttClientSubscribeResultFactory pairs them by index).
            var codes = new List<MqttSubscribeReturnCode>(subscriptions.Count);
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                int code = (int)item.ResultCode;
                codes.Add(code <= 2 ? (MqttSubscribeReturnCode)code : MqttSubscribeReturnCode.Failure);
            }

            lock (_gate)
            {
                for (int i = 0; i < subscriptions.Count && i < codes.Count; i++)
                {
                    if (codes[i] != MqttSubscribeReturnCode.Failure)
                    {
                        _subscriptions[subscriptions[i].Filter] = subscriptions[i].QoS;
                    }
                }
            }

            return codes;
        }

        private static Exception AckFailure(Exception ex, string ack, CommuneRadio.Mqtt.MqttClientOptions options) =>
            ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationTimedOutException
                ? new TimeoutException($"No {ack} within {options.AckTimeout}.", ex)
                : new MqttNotConnectedException($"The connection was lost before {ack}.", ex);

        // MQTTnet calls this on the connection's message loop, one message at a time, and sends the PUBACK
        // of a QoS 1 message after it returns (AutoAcknowledge): a process that dies in a handler leaves the
        // message unacknowledged and the broker redelivers it.
        private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
        {
            EventHandler<MqttMessageReceivedEventArgs>? handlers = MessageReceived;
            if (handlers is null)
            {
                return Task.CompletedTask;
            }

            MqttApplicationMessage message = e.ApplicationMessage;
            var args = new MqttMessageReceivedEventArgs(new MqttReceivedMessage(
                message.Topic, OwnedPayload(message.Payload), MqttNetOptions.FromMqttNet(message.QualityOfServiceLevel), message.Retain, message.Dup));
            if (handlers.HasSingleTarget)
            {
                InvokeHandler(handlers, args);
            }
            else
            {
                foreach (Delegate handler in handlers.GetInvocationList())
                {
                    InvokeHandler((EventHandler<MqttMessageReceivedEventArgs>)handler, args);
                }
            }

            return Task.CompletedTask;
        }

        private void RaiseStateChanged(MqttConnectionState state, MqttDisconnectReason reason, Exception? error, bool sessionPresent = false)
        {
            EventHandler<MqttConnectionStateChangedEventArgs>? handlers = ConnectionStateChanged;
            if (handlers is null)
            {
                return;
            }

            var args = new MqttConnectionStateChangedEventArgs(state, reason, sessionPresent, error);
            foreach (Delegate handler in handlers.GetInvocationList())
            {
                InvokeHandler((EventHandler<MqttConnectionStateChangedEventArgs>)handler, args);
            }
        }

        // MQTTnet decodes each PUBLISH payload into a fresh array of exactly its length
        // (MqttBufferReader.ReadRemainingData): that array is handed on instead of a third copy.
        private static byte[] OwnedPayload(ReadOnlySequence<byte> payload)
        {
            if (payload.IsEmpty)
            {
                return Array.Empty<byte>();
            }

            if (payload.IsSingleSegment && MemoryMarshal.TryGetArray(payload.First, out ArraySegment<byte> segment)
                && segment.Offset == 0 && segment.Count == segment.Array!.Length)
            {
                return segment.Array;
            }

            return payload.ToArray();
        }

        // A throwing application handler must not tear down the connection or skip other handlers
        // (nor the PUBACK: MQTTnet skips it when the handler throws). No closure: this runs per message.
        private void InvokeHandler<TArgs>(EventHandler<TArgs> handler, TArgs args)
        {
#pragma warning disable CA1031 // Handler errors belong to the application; the client keeps running.
            try
            {
                handler(this, args);
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }
}
