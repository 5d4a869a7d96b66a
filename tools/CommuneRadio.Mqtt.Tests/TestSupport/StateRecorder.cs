using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>Records ConnectionStateChanged events and lets a test await the n-th of a kind.</summary>
    internal sealed class StateRecorder
    {
        private readonly object _gate = new object();
        private readonly List<MqttConnectionStateChangedEventArgs> _events = new List<MqttConnectionStateChangedEventArgs>();
        private readonly List<(MqttConnectionState State, int Count, TaskCompletionSource<MqttConnectionStateChangedEventArgs> Completion)> _waiters = new();

        public StateRecorder(IMqttClient client)
        {
            client.ConnectionStateChanged += (_, e) => Add(e);
        }

        public IReadOnlyList<MqttConnectionStateChangedEventArgs> Events
        {
            get
            {
                lock (_gate)
                {
                    return _events.ToList();
                }
            }
        }

        public int Count(MqttConnectionState state) => Events.Count(e => e.State == state);

        /// <summary>Waits until <paramref name="count"/> events of <paramref name="state"/> were seen; returns the last.</summary>
        public async Task<MqttConnectionStateChangedEventArgs> WaitForAsync(MqttConnectionState state, int count, TimeSpan timeout)
        {
            var completion = new TaskCompletionSource<MqttConnectionStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                List<MqttConnectionStateChangedEventArgs> seen = _events.Where(e => e.State == state).ToList();
                if (seen.Count >= count)
                {
                    return seen[count - 1];
                }

                _waiters.Add((state, count, completion));
            }

            return await completion.Task.WaitAsync(timeout);
        }

        private void Add(MqttConnectionStateChangedEventArgs e)
        {
            var done = new List<TaskCompletionSource<MqttConnectionStateChangedEventArgs>>();
            lock (_gate)
            {
                _events.Add(e);
                int seen = _events.Count(x => x.State == e.State);
                foreach (var waiter in _waiters.ToList())
                {
                    if (waiter.State == e.State && seen >= waiter.Count)
                    {
                        done.Add(waiter.Completion);
                        _waiters.Remove(waiter);
                    }
                }
            }

            foreach (var completion in done)
            {
                completion.TrySetResult(e);
            }
        }
    }
}
