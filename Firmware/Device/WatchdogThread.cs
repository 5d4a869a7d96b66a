using System;
using System.Threading;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Supervision;

namespace CommuneRadio.Device
{
    /// <summary>
    /// The device's <see cref="IWatchdog"/>, kicked by the runtime on every loop pass.
    /// Software watchdog (nanoFramework has no hardware watchdog API): a thread checks Core's
    /// <see cref="LoopWatchdog"/> every second and reboots with reason "watchdog" when the main loop stopped feeding
    /// it. The watchdog object is shared with the main loop, so both sides go through a lock (its fields are 64-bit,
    /// not atomic on a 32-bit MCU).
    /// <para>The reason is written from this thread while the main loop is stuck, possibly inside a storage write;
    /// RecordStore's two slots and CRC keep the previous good system record if the writes collide.</para>
    /// </summary>
    public sealed class WatchdogThread : IWatchdog
    {
        private readonly LoopWatchdog _watchdog;
        private readonly StationStore _store;
        private readonly object _lock = new object();

        /// <summary>Creates the watchdog thread (not started).</summary>
        public WatchdogThread(LoopWatchdog watchdog, StationStore store)
        {
            _watchdog = watchdog;
            _store = store;
        }

        /// <summary>Main loop (through the runtime's pass): it is alive.</summary>
        public void Kick(long monotonicMs)
        {
            lock (_lock)
            {
                _watchdog.Feed(monotonicMs);
            }
        }

        /// <summary>Starts checking.</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        private void Run()
        {
            while (true)
            {
                Thread.Sleep(1000);
                bool stalled;
                lock (_lock)
                {
                    stalled = _watchdog.IsStalled(Environment.TickCount64);
                }

                if (stalled)
                {
                    Console.WriteLine("watchdog: main loop stalled, rebooting");
                    PowerReboot.Reboot(_store, "watchdog");
                }
            }
        }
    }
}
