using System.Threading;
using CommuneRadio.Core.Runtime;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Runs the blocking network steps of one connection attempt — join Wi-Fi, TLS connect to the broker — on their own
    /// thread, so the main loop keeps ticking (relay sequencing, on-time guard) during a 10–30 s TLS handshake. The
    /// runtime decides <i>when</i> (Core's ReconnectPolicy) through <see cref="M2MqttTransport.Connect"/>, which calls
    /// <see cref="Request"/>; the outcome is collected with <see cref="TakeResult"/>. No other logic here.
    /// </summary>
    public sealed class Connector
    {
        private readonly WifiNetwork _wifi;
        private readonly M2MqttTransport _transport;
        private readonly AutoResetEvent _go = new AutoResetEvent(false);
        private readonly object _lock = new object();
        private ConnectOptions _options;
        private bool _busy;
        private ConnectOutcome _result;

        /// <summary>Set once Wi-Fi first came up (the SNTP client is started then).</summary>
        public bool NetworkSeen { get; private set; }

        /// <summary>Creates the connector thread (started by <see cref="Start"/>).</summary>
        public Connector(WifiNetwork wifi, M2MqttTransport transport)
        {
            _wifi = wifi;
            _transport = transport;
        }

        /// <summary>Starts the thread.</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        /// <summary>Asks for one attempt; ignored while one is running. True when accepted.</summary>
        public bool Request(ConnectOptions options)
        {
            lock (_lock)
            {
                if (_busy)
                {
                    return false;
                }

                _busy = true;
                _options = options;
            }

            _go.Set();
            return true;
        }

        /// <summary>The outcome of the last attempt, once.</summary>
        public ConnectOutcome TakeResult()
        {
            lock (_lock)
            {
                ConnectOutcome r = _result;
                _result = ConnectOutcome.None;
                return r;
            }
        }

        private void Run()
        {
            while (true)
            {
                _go.WaitOne();
                ConnectOptions options;
                lock (_lock)
                {
                    options = _options;
                }

                bool ok = _wifi.EnsureConnected(60000);
                if (ok)
                {
                    NetworkSeen = true;
                    ok = _transport.ConnectNow(options);
                }

                lock (_lock)
                {
                    _result = ok ? ConnectOutcome.Connected : ConnectOutcome.Failed;
                    _busy = false;
                }
            }
        }
    }
}
