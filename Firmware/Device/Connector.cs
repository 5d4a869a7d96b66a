using System.Threading;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Runs the blocking network steps — join Wi-Fi, TLS connect to the broker — on their own thread, so the main
    /// loop keeps ticking (relay sequencing, on-time guard) during a 10–30 s TLS handshake. The main loop decides
    /// <i>when</i> (Core's ReconnectPolicy) and calls <see cref="Request"/>; it collects the outcome with
    /// <see cref="TakeResult"/>. No other logic here.
    /// </summary>
    public sealed class Connector
    {
        /// <summary>No attempt finished since the last <see cref="TakeResult"/>.</summary>
        public const int None = 0;

        /// <summary>Connected to the broker.</summary>
        public const int Connected = 1;

        /// <summary>Wi-Fi or broker connection failed.</summary>
        public const int Failed = 2;

        private readonly WifiNetwork _wifi;
        private readonly M2MqttTransport _transport;
        private readonly AutoResetEvent _go = new AutoResetEvent(false);
        private readonly object _lock = new object();
        private string _clientId;
        private string _willTopic;
        private byte[] _will;
        private bool _busy;
        private int _result;

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
        public bool Request(string clientId, string willTopic, byte[] will)
        {
            lock (_lock)
            {
                if (_busy)
                {
                    return false;
                }

                _busy = true;
                _clientId = clientId;
                _willTopic = willTopic;
                _will = will;
            }

            _go.Set();
            return true;
        }

        /// <summary>The outcome of the last attempt, once.</summary>
        public int TakeResult()
        {
            lock (_lock)
            {
                int r = _result;
                _result = None;
                return r;
            }
        }

        private void Run()
        {
            while (true)
            {
                _go.WaitOne();
                bool ok = _wifi.EnsureConnected(60000);
                if (ok)
                {
                    NetworkSeen = true;
                    ok = _transport.Connect(_clientId, _willTopic, _will);
                }

                lock (_lock)
                {
                    _result = ok ? Connected : Failed;
                    _busy = false;
                }
            }
        }
    }
}
