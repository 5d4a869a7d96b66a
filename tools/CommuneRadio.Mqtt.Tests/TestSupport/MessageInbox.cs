using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>Records a client's received messages and lets a test await one with a bounded timeout.</summary>
    internal sealed class MessageInbox
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
        private readonly object _gate = new object();
        private readonly List<MqttReceivedMessage> _messages = new List<MqttReceivedMessage>();
        private readonly List<(Func<MqttReceivedMessage, bool> Match, TaskCompletionSource<MqttReceivedMessage> Completion)> _waiters = new();

        public MessageInbox(IMqttClient client)
        {
            client.MessageReceived += (_, e) => Add(e.Message);
        }

        public IReadOnlyList<MqttReceivedMessage> Messages
        {
            get
            {
                lock (_gate)
                {
                    return _messages.ToList();
                }
            }
        }

        public Task<MqttReceivedMessage> WaitForAsync(string topic, TimeSpan? timeout = null) => WaitForAsync(m => m.Topic == topic, timeout);

        public async Task<MqttReceivedMessage> WaitForAsync(Func<MqttReceivedMessage, bool> match, TimeSpan? timeout = null)
        {
            var completion = new TaskCompletionSource<MqttReceivedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                MqttReceivedMessage? existing = _messages.FirstOrDefault(match);
                if (existing is not null)
                {
                    return existing;
                }

                _waiters.Add((match, completion));
            }

            try
            {
                return await completion.Task.WaitAsync(timeout ?? DefaultTimeout);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"No matching message within {timeout ?? DefaultTimeout}; received: {string.Join(", ", Messages.Select(m => m.Topic + "=" + m.GetPayloadText()))}", ex);
            }
        }

        private void Add(MqttReceivedMessage message)
        {
            List<TaskCompletionSource<MqttReceivedMessage>> done = new();
            lock (_gate)
            {
                _messages.Add(message);
                foreach (var waiter in _waiters.ToList())
                {
                    if (waiter.Match(message))
                    {
                        done.Add(waiter.Completion);
                        _waiters.Remove(waiter);
                    }
                }
            }

            foreach (TaskCompletionSource<MqttReceivedMessage> completion in done)
            {
                completion.TrySetResult(message);
            }
        }
    }
}
