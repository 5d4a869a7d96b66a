using System;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// The simulator's <see cref="ITransport"/>: one <see cref="IMqttClient"/> (MQTTnet 5 behind CommuneRadio.Mqtt) with the
/// client's own reconnect switched off, so the station runtime decides when to attempt (Core's ReconnectPolicy, as on
/// the device) and each <see cref="Connect"/> is exactly one attempt. Broker address, TLS, credentials and timeouts come
/// from <see cref="SimulatedStationOptions.Broker"/>; client id, clean session, keep-alive and the will from the runtime's
/// <see cref="ConnectOptions"/>. Like the device's M2Mqtt adapter it never waits for an acknowledgement on the caller's
/// thread: a publish or subscribe is handed to the client and its failure counted.
/// Callbacks (attempt finished, connection state) run on the client's threads and only set flags under a lock.
/// </summary>
public sealed class MqttClientTransport : ITransport
{
    private readonly object _gate = new();
    private readonly MqttClientOptions _broker;
    private bool _attempting;
    private ConnectOutcome _outcome;
    private bool _closed;
    private Task _lastAttempt = Task.CompletedTask;
    private Task _lastSubscription = Task.CompletedTask;
    private long _publishFailures;
    private long _subscribeFailures;

    /// <summary>Wraps <paramref name="client"/>, connecting to <paramref name="broker"/>.</summary>
    public MqttClientTransport(IMqttClient client, MqttClientOptions broker)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        Client.ConnectionStateChanged += OnConnectionStateChanged;
    }

    /// <summary>The client (messages arrive on its <see cref="IMqttClient.MessageReceived"/>; shutdown goes through it).</summary>
    public IMqttClient Client { get; }

    /// <inheritdoc/>
    public bool IsConnected => Client.IsConnected;

    /// <summary>The last attempt: completes when its outcome is set (faulted with the client's error when it failed).</summary>
    public Task LastAttempt
    {
        get
        {
            lock (_gate)
            {
                return _lastAttempt;
            }
        }
    }

    /// <summary>The last subscribe: completes on SUBACK.</summary>
    public Task LastSubscription
    {
        get
        {
            lock (_gate)
            {
                return _lastSubscription;
            }
        }
    }

    /// <summary>Publishes that failed (lost with the connection, or refused by the client).</summary>
    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    /// <summary>Subscribes that failed.</summary>
    public long SubscribeFailures => Interlocked.Read(ref _subscribeFailures);

    /// <inheritdoc/>
    public bool Connect(ConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            if (_attempting)
            {
                return false;
            }

            _attempting = true;
        }

        // A background attempt's error is in its outcome (and in LastAttempt for StartAsync): observed, not rethrown.
        Task attempt = AttemptAsync(ClientOptions(options));
        attempt.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        lock (_gate)
        {
            _lastAttempt = attempt;
        }

        return true;
    }

    /// <inheritdoc/>
    public ConnectOutcome TakeOutcome()
    {
        lock (_gate)
        {
            ConnectOutcome o = _outcome;
            _outcome = ConnectOutcome.None;
            return o;
        }
    }

    /// <inheritdoc/>
    public bool TakeClosed()
    {
        lock (_gate)
        {
            bool closed = _closed;
            _closed = false;
            return closed;
        }
    }

    /// <inheritdoc/>
    public bool Subscribe(string[] topics)
    {
        if (!Client.IsConnected)
        {
            return false;
        }

        var filters = new MqttTopicSubscription[topics.Length];
        for (int i = 0; i < filters.Length; i++)
        {
            filters[i] = new MqttTopicSubscription(topics[i], MqttQualityOfService.AtLeastOnce);
        }

        Task task = Client.SubscribeAsync(filters);
        lock (_gate)
        {
            _lastSubscription = task;
        }

        return !FailedAtOnce(task, publish: false);
    }

    /// <inheritdoc/>
    public bool Publish(OutgoingMessage message)
    {
        if (!Client.IsConnected)
        {
            return false;
        }

        Task task;
        try
        {
            task = Client.PublishAsync(message.Topic, message.Payload, message.Qos == 1 ? MqttQualityOfService.AtLeastOnce : MqttQualityOfService.AtMostOnce, message.Retain);
        }
        catch (MqttException)
        {
            Interlocked.Increment(ref _publishFailures);
            return false;
        }

        // Failed at once (not connected after all): the message stays in the outbox. Failed later: gone, as on the device.
        return !FailedAtOnce(task, publish: true);
    }

    private async Task AttemptAsync(MqttClientOptions options)
    {
        try
        {
            await Client.ConnectAsync(options).ConfigureAwait(false);
        }
        catch
        {
            Finish(ConnectOutcome.Failed);
            throw;
        }

        Finish(ConnectOutcome.Connected);
    }

    private void Finish(ConnectOutcome outcome)
    {
        lock (_gate)
        {
            _outcome = outcome;
            _attempting = false;
            if (outcome == ConnectOutcome.Connected)
            {
                _closed = false;
            }
        }
    }

    private void OnConnectionStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (e.State == MqttConnectionState.Disconnected)
        {
            lock (_gate)
            {
                _closed = true;
            }
        }
    }

    private MqttClientOptions ClientOptions(ConnectOptions o) => new()
    {
        Host = _broker.Host,
        Port = _broker.Port,
        Username = _broker.Username,
        Password = _broker.Password,
        Tls = _broker.Tls,
        ConnectTimeout = _broker.ConnectTimeout,
        AckTimeout = _broker.AckTimeout,
        PublishRetryInterval = _broker.PublishRetryInterval,
        TimeProvider = _broker.TimeProvider,
        ClientId = o.ClientId,
        CleanSession = o.CleanSession,
        KeepAlive = TimeSpan.FromSeconds(o.KeepAliveSeconds),
        Will = new MqttLastWill(o.WillTopic, o.WillPayload, o.WillQos == 1 ? MqttQualityOfService.AtLeastOnce : MqttQualityOfService.AtMostOnce, o.WillRetain),
        Reconnect = new MqttReconnectPolicy { Enabled = false },
    };

    // True when the task already failed (counted now); a later failure is counted by a continuation.
    private bool FailedAtOnce(Task task, bool publish)
    {
        if (task.IsCompletedSuccessfully)
        {
            return false;
        }

        if (task.IsCompleted)
        {
            _ = task.Exception;
            CountFailure(publish);
            return true;
        }

        task.ContinueWith(
            t =>
            {
                _ = t.Exception;
                CountFailure(publish);
            },
            CancellationToken.None,
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return false;
    }

    private void CountFailure(bool publish)
    {
        if (publish)
        {
            Interlocked.Increment(ref _publishFailures);
        }
        else
        {
            Interlocked.Increment(ref _subscribeFailures);
        }
    }
}
