using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Server.Storage;

namespace CommuneRadio.Server.Ingest;

/// <summary>
/// The bounded in-memory queue between the MQTT connection and the database, and its one writer. Messages are
/// written in batches (one transaction each) in arrival order; when a write fails (database locked, disk full,
/// file gone) the batch stays at the head of the queue and is retried with a growing pause, so a briefly
/// unavailable database loses nothing until <see cref="Capacity"/> messages wait. Then a new message waits up
/// to the given time for room and is dropped if none came: counted in <see cref="DroppedCount"/> per kind.
/// Queries go through <see cref="Read{T}"/>, which serialises them with the writer on the one connection.
/// </summary>
public sealed class WriteBuffer : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(2);
    private readonly object _gate = new();
    private readonly object _storeGate = new();
    private readonly Queue<Item> _queue = new();
    private readonly Dictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private readonly IFleetStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private long _written;
    private long _failures;
    private string? _lastError;
    private bool _abandoned;

    /// <summary>Starts the writer over <paramref name="store"/> with room for <paramref name="capacity"/> messages.</summary>
    public WriteBuffer(IFleetStore store, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Capacity = capacity;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>How many messages may wait for the database.</summary>
    public int Capacity { get; }

    /// <summary>Messages waiting now.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Messages written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Failed write attempts since start (each retried).</summary>
    public long WriteFailures => Interlocked.Read(ref _failures);

    /// <summary>The last write error, or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Messages dropped because the buffer stayed full, by kind ("event", "health", …).</summary>
    public IReadOnlyDictionary<string, long> DroppedCount
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_dropped, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/>, waiting up to <paramref name="waitForRoom"/> while the buffer is full.
    /// Returns the task that completes when it is committed, or null when it was dropped (and counted).
    /// </summary>
    public Task? Add(StationMessage message, TimeSpan waitForRoom)
    {
        ArgumentNullException.ThrowIfNull(message);
        long deadline = Environment.TickCount64 + (long)waitForRoom.TotalMilliseconds;
        lock (_gate)
        {
            while (_queue.Count >= Capacity && !_abandoned)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    _dropped[message.Kind] = _dropped.GetValueOrDefault(message.Kind) + 1;
                    return null;
                }

                Monitor.Wait(_gate, (int)left);
            }

            if (_abandoned)
            {
                return null;
            }

            var pending = new Item(message);
            _queue.Enqueue(pending);
            Monitor.PulseAll(_gate);
            return pending.Committed.Task;
        }
    }

    /// <summary>Runs <paramref name="query"/> on the store, serialised with the writer.</summary>
    public T Read<T>(Func<IFleetStore, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_storeGate)
        {
            return query(_store);
        }
    }

    /// <summary>
    /// Stops the writer at once without writing what waits (as a killed process would): waiting messages are
    /// lost here, which is why the connection must be closed first, so they were never acknowledged.
    /// </summary>
    public async Task AbandonAsync()
    {
        lock (_gate)
        {
            _abandoned = true;
            foreach (Item p in _queue)
            {
                p.Committed.TrySetCanceled();
            }

            _queue.Clear();
            Monitor.PulseAll(_gate);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Writes what waits (up to <paramref name="timeout"/>), then stops the writer.</summary>
    public async Task FlushAndStopAsync(TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Pending > 0 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        await AbandonAsync().ConfigureAwait(false);
    }

    /// <summary>Flushes (5 s at most) and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAndStopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        TimeSpan pause = TimeSpan.FromMilliseconds(50);
        var batch = new List<Item>(MaxBatch);
        var messages = new List<StationMessage>(MaxBatch);
        while (!_stop.IsCancellationRequested)
        {
            batch.Clear();
            messages.Clear();
            lock (_gate)
            {
                while (_queue.Count == 0 && !_abandoned)
                {
                    Monitor.Wait(_gate, 200);
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                }

                foreach (Item p in _queue)
                {
                    if (batch.Count == MaxBatch)
                    {
                        break;
                    }

                    batch.Add(p);
                    messages.Add(p.Message);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                lock (_storeGate)
                {
                    _store.Write(messages);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The batch stays at the head of the queue: retried, in order, after a pause.
                Interlocked.Increment(ref _failures);
                Volatile.Write(ref _lastError, ex.Message);
                try
                {
                    await Task.Delay(pause, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
                continue;
            }

            pause = TimeSpan.FromMilliseconds(50);
            Interlocked.Add(ref _written, batch.Count);
            lock (_gate)
            {
                for (int i = 0; i < batch.Count && _queue.Count > 0; i++)
                {
                    _queue.Dequeue();
                }

                Monitor.PulseAll(_gate);
            }

            foreach (Item p in batch)
            {
                p.Committed.TrySetResult();
            }
        }
    }

    private sealed class Item
    {
        public Item(StationMessage message)
        {
            Message = message;
        }

        public StationMessage Message { get; }

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
