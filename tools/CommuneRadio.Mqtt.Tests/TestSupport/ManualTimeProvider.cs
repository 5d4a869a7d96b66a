using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>
    /// A clock that moves only when the test calls <see cref="Advance"/>, firing due timers on the
    /// caller's thread. <see cref="WaitForArmedTimerAsync"/> lets a test wait until the code under
    /// test has re-armed its timer, so time never jumps past a tick unseen.
    /// </summary>
    internal sealed class ManualTimeProvider : TimeProvider
    {
        private readonly object _gate = new object();
        private readonly List<ManualTimer> _timers = new List<ManualTimer>();
        private TaskCompletionSource _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _now);

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(GetTimestamp());

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            lock (_gate)
            {
                _timers.Add(timer);
            }

            timer.Change(dueTime, period);
            return timer;
        }

        /// <summary>Completes when at least one timer is armed.</summary>
        public Task WaitForArmedTimerAsync()
        {
            lock (_gate)
            {
                return _timers.Any(t => t.DueAt is not null) ? Task.CompletedTask : _armed.Task;
            }
        }

        /// <summary>
        /// Advances <paramref name="count"/> ticks, each only after the code under test armed its
        /// next timer, then waits for the timer after the last tick to be armed.
        /// </summary>
        public async Task AdvanceTicksAsync(TimeSpan tick, int count)
        {
            for (int i = 0; i < count; i++)
            {
                await WaitForArmedTimerAsync().WaitAsync(TimeSpan.FromSeconds(10));
                Advance(tick);
            }

            await WaitForArmedTimerAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        /// <summary>Moves the clock forward and fires every timer that came due, in due order.</summary>
        public void Advance(TimeSpan delta)
        {
            long target = GetTimestamp() + delta.Ticks;
            while (true)
            {
                ManualTimer? next;
                lock (_gate)
                {
                    next = _timers.Where(t => t.DueAt is { } due && due <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                    if (next is null)
                    {
                        Interlocked.Exchange(ref _now, target);
                        return;
                    }

                    Interlocked.Exchange(ref _now, Math.Max(GetTimestamp(), next.DueAt!.Value));
                    next.DueAt = next.Period is { } period ? next.DueAt + period : null;
                }

                next.Fire();
            }
        }

        private void Armed()
        {
            TaskCompletionSource armed;
            lock (_gate)
            {
                armed = _armed;
                _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            armed.TrySetResult();
        }

        private void Remove(ManualTimer timer)
        {
            lock (_gate)
            {
                _timers.Remove(timer);
            }
        }

        private sealed class ManualTimer : ITimer
        {
            private readonly ManualTimeProvider _owner;
            private readonly TimerCallback _callback;
            private readonly object? _state;

            public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
            {
                _owner = owner;
                _callback = callback;
                _state = state;
            }

            public long? DueAt { get; set; }

            public long? Period { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (_owner._gate)
                {
                    DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _owner.GetTimestamp() + dueTime.Ticks;
                    Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period.Ticks;
                }

                if (DueAt is not null)
                {
                    _owner.Armed();
                }

                return true;
            }

            public void Fire() => _callback(_state);

            public void Dispose() => _owner.Remove(this);

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
