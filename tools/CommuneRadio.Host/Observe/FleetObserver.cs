using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Observe;

/// <summary>
/// The server's side of the wire, for the demo, tests and tools: one MQTT client that subscribes to every
/// station's results, events and state under a prefix (<c>P/st/+/result|event|state</c>), keeps what arrives,
/// and publishes signed commands. Thread-safe; waits are polling-free (signalled on every message).
/// </summary>
public sealed class FleetObserver : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly string _prefix;
    private readonly IMqttClient _client;
    private readonly List<PlayEventRecord> _events = new();
    private readonly List<CommandResultRecord> _results = new();
    private readonly Dictionary<string, CommandAnswers> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _online = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates an observer for topics under <paramref name="prefix"/> (connect with <see cref="StartAsync"/>).</summary>
    public FleetObserver(string prefix, IMqttClient? client = null)
    {
        _prefix = prefix;
        _client = client ?? MqttClientFactory.Create();
        _client.MessageReceived += OnMessage;
    }

    /// <summary>Events received so far, in arrival order.</summary>
    public IReadOnlyList<PlayEventRecord> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>Results received so far, in arrival order.</summary>
    public IReadOnlyList<CommandResultRecord> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.ToArray();
            }
        }
    }

    /// <summary>
    /// The results of one command, in arrival order: a copy of what arrived so far for that id only, so a wait
    /// on thousands of answers does not copy every result of the session on every check.
    /// </summary>
    public IReadOnlyList<CommandResultRecord> ResultsFor(string commandId)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        lock (_gate)
        {
            return _answers.TryGetValue(commandId, out CommandAnswers? answers) ? answers.All.ToArray() : Array.Empty<CommandResultRecord>();
        }
    }

    /// <summary>How many stations answered command <paramref name="commandId"/> (each counted once: its first answer), or only those that accepted it.</summary>
    public int AnsweredCount(string commandId, bool acceptedOnly = false)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        lock (_gate)
        {
            return !_answers.TryGetValue(commandId, out CommandAnswers? answers) ? 0 : acceptedOnly ? answers.Accepted : answers.ByStation.Count;
        }
    }

    /// <summary>The last state each station published (or its will): true = online.</summary>
    public IReadOnlyDictionary<string, bool> Online
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, bool>(_online, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Connects and subscribes (QoS 1). Retained states arrive at once.</summary>
    public async Task StartAsync(MqttClientOptions options, CancellationToken cancellationToken = default)
    {
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await _client.SubscribeAsync(
            new[]
            {
                new MqttTopicSubscription(_prefix + "/st/+/result", MqttQualityOfService.AtLeastOnce),
                new MqttTopicSubscription(_prefix + "/st/+/event", MqttQualityOfService.AtLeastOnce),
                new MqttTopicSubscription(_prefix + "/st/+/state", MqttQualityOfService.AtLeastOnce),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes a signed command (QoS 1, not retained) and returns the wall-clock time just before sending.</summary>
    public async Task<long> PublishAsync(SignedCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        long sentUtcMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await _client.PublishAsync(command.Topic, command.Payload, MqttQualityOfService.AtLeastOnce, false, cancellationToken).ConfigureAwait(false);
        return sentUtcMs;
    }

    /// <summary>Publishes raw bytes (for tests: retained or tampered commands).</summary>
    public Task PublishRawAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken = default) =>
        _client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, retain, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds (checked after every message); false on timeout.</summary>
    public async Task<bool> WaitUntilAsync(Func<FleetObserver, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                signal = _changed.Task;
            }

            if (condition(this))
            {
                return true;
            }

            try
            {
                await signal.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return condition(this);
            }
        }
    }

    /// <summary>Disconnects.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
        catch (MqttException)
        {
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnMessage(object? sender, MqttMessageReceivedEventArgs e)
    {
        string topic = e.Message.Topic;
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        try
        {
            using JsonDocument doc = JsonDocument.Parse(e.Message.Payload);
            JsonElement r = doc.RootElement;
            lock (_gate)
            {
                if (topic.EndsWith("/event", StringComparison.Ordinal))
                {
                    _events.Add(new PlayEventRecord(
                        Str(r, "station")!, Str(r, "kind")!, Str(r, "programme") ?? string.Empty, Str(r, "class")!, Str(r, "reason")!, r.GetProperty("at").GetInt64(), now));
                }
                else if (topic.EndsWith("/result", StringComparison.Ordinal))
                {
                    var record = new CommandResultRecord(Str(r, "station")!, Str(r, "id"), Str(r, "result") == "accepted", Str(r, "reason"), now);
                    _results.Add(record);
                    if (record.Id is not null)
                    {
                        if (!_answers.TryGetValue(record.Id, out CommandAnswers? answers))
                        {
                            answers = new CommandAnswers();
                            _answers.Add(record.Id, answers);
                        }

                        answers.Add(record);
                    }
                }
                else if (topic.EndsWith("/state", StringComparison.Ordinal))
                {
                    // P/st/{id}/state: the id is the second segment from the end (the will carries no station member).
                    string[] parts = topic.Split('/');
                    _online[parts[^2]] = r.GetProperty("online").GetBoolean();
                }

                TaskCompletionSource signal = _changed;
                _changed = NewSignal();
                signal.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not a station message of protocol v1: an observer ignores what it cannot read.
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // The answers to one command id: all of them in arrival order, and each station's first.
    private sealed class CommandAnswers
    {
        public List<CommandResultRecord> All { get; } = new();

        public Dictionary<string, CommandResultRecord> ByStation { get; } = new(StringComparer.Ordinal);

        public int Accepted { get; private set; }

        public void Add(CommandResultRecord record)
        {
            All.Add(record);
            if (ByStation.TryAdd(record.Station, record) && record.Accepted)
            {
                Accepted++;
            }
        }
    }
}
