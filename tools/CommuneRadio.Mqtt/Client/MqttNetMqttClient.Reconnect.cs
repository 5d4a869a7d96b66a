using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>Losing and regaining the connection of <see cref="MqttNetMqttClient"/>.</summary>
    public sealed partial class MqttNetMqttClient
    {
        private const int ResubscribeBatchSize = 64;

        private MQTTnet.IMqttClient CreateInner()
        {
            MQTTnet.IMqttClient inner = Factory.CreateMqttClient();
            inner.ApplicationMessageReceivedAsync += e => OnMessageReceivedAsync(e);
            inner.DisconnectedAsync += e =>
            {
                // Raised by MQTTnet on a worker after every ended connection and failed attempt.
                if (e.ClientWasConnected)
                {
                    MarkLost(inner, MqttNetErrors.ReasonFor(e.Exception), e.Exception);
                }

                return Task.CompletedTask;
            };
            return inner;
        }

        // One connect attempt with ConnectTimeout; the broker's refusal becomes MqttConnectionRefusedException.
        private static async Task<bool> ConnectOnceAsync(MQTTnet.IMqttClient inner, MQTTnet.MqttClientOptions innerOptions, CommuneRadio.Mqtt.MqttClientOptions options, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            MqttClientConnectResult result;
            try
            {
                result = await inner.ConnectAsync(innerOptions, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not InvalidOperationException)
            {
                // MQTTnet wraps everything after the TCP connect, cancellation included, in MqttConnectingFailedException.
                cancellationToken.ThrowIfCancellationRequested();
                if (timeout.IsCancellationRequested)
                {
                    throw new TimeoutException($"No accepted connection to {options.Host}:{options.Port} within {options.ConnectTimeout}.", ex);
                }

                throw MqttNetErrors.ForConnect(ex, $"{options.Host}:{options.Port}");
            }

            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new MqttConnectionRefusedException(MqttNetOptions.ToReturnCode(result.ResultCode));
            }

            return result.IsSessionPresent;
        }

        // The first to notice a lost connection (MQTTnet's event, or a publish that failed on it) reports
        // it once and starts the reconnect loop; later notices of the same loss change nothing.
        private void MarkLost(MQTTnet.IMqttClient source, MqttDisconnectReason reason, Exception? error)
        {
            CancellationTokenSource run;
            CommuneRadio.Mqtt.MqttClientOptions options;
            MQTTnet.MqttClientOptions innerOptions;
            bool reconnect;
            TaskCompletionSource stopped;
            lock (_gate)
            {
                // A stale event (an earlier client, or a connection already replaced) is ignored.
                if (source != _inner || _run is null || !_connected || _reconnecting || source.IsConnected)
                {
                    return;
                }

                run = _run;
                options = _options!;
                innerOptions = _innerOptions!;
                reconnect = options.Reconnect.Enabled;
                _connected = false;
                stopped = _online;
                if (reconnect)
                {
                    _reconnecting = true;
                    _online = NewSignal();
                }
                else
                {
                    _run = null;
                    _subscriptions.Clear();
                }
            }

            if (!reconnect)
            {
                run.Cancel();
                Fail(stopped, $"The connection was lost ({reason}).");
            }

            RaiseStateChanged(MqttConnectionState.Disconnected, reason, error);
            if (reconnect)
            {
                _ = ReconnectLoopAsync(source, innerOptions, options, run);
            }
        }

        private async Task ReconnectLoopAsync(MQTTnet.IMqttClient inner, MQTTnet.MqttClientOptions innerOptions, CommuneRadio.Mqtt.MqttClientOptions options, CancellationTokenSource run)
        {
            for (int attempt = 0; !run.IsCancellationRequested; attempt++)
            {
                TimeSpan delay = MqttBackoff.ComputeDelay(options.Reconnect, attempt, Random.Shared.NextDouble());
                try
                {
                    await Task.Delay(delay, options.TimeProvider, run.Token).ConfigureAwait(false);
                    bool sessionPresent = await ConnectOnceAsync(inner, innerOptions, options, run.Token).ConfigureAwait(false);
                    if (!sessionPresent)
                    {
                        await ResubscribeAsync(inner, options, run.Token).ConfigureAwait(false);
                    }

                    TaskCompletionSource online;
                    lock (_gate)
                    {
                        if (_run != run)
                        {
                            break;
                        }

                        if (!inner.IsConnected)
                        {
                            // Lost again while resubscribing: the next attempt follows the backoff.
                            continue;
                        }

                        _connected = true;
                        _reconnecting = false;
                        online = _online;
                    }

                    online.TrySetResult();
                    RaiseStateChanged(MqttConnectionState.Connected, MqttDisconnectReason.None, null, sessionPresent);
                    return;
                }
                catch (OperationCanceledException) when (run.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (ex is MqttException or TimeoutException or IOException or SocketException or AuthenticationException
                    or InvalidOperationException or OperationCanceledException or ObjectDisposedException or MQTTnet.Exceptions.MqttCommunicationException)
                {
                    // Broker still down, refusing or unreachable, or MQTTnet still closing the old
                    // connection (InvalidOperationException): wait longer and try again.
                }
            }

            // Stopped by DisconnectAsync/AbortAsync while an attempt was under way: do not keep its connection.
            if (inner.IsConnected)
            {
                try
                {
                    await inner.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (MqttNetErrors.IsConnectionFailure(ex) || ex is OperationCanceledException)
                {
                    // Gone already.
                }
            }
        }

        private async Task ResubscribeAsync(MQTTnet.IMqttClient inner, CommuneRadio.Mqtt.MqttClientOptions options, CancellationToken cancellationToken)
        {
            var restore = new List<MqttTopicSubscription>();
            lock (_gate)
            {
                foreach (KeyValuePair<string, MqttQualityOfService> subscription in _subscriptions)
                {
                    restore.Add(new MqttTopicSubscription(subscription.Key, subscription.Value));
                }
            }

            for (int i = 0; i < restore.Count; i += ResubscribeBatchSize)
            {
                await SubscribeOnAsync(inner, restore.GetRange(i, Math.Min(ResubscribeBatchSize, restore.Count - i)), options, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
