using System;
using System.Text;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Runtime;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using System.Security.Cryptography.X509Certificates;

namespace CommuneRadio.Device
{
    /// <summary>
    /// The device's <see cref="ITransport"/>: MQTT 3.1.1 over nanoFramework.M2Mqtt 5.1.217, TLS with the configured CA
    /// certificate, user name and password from the configuration file; client id, clean session, keep-alive and the
    /// retained last will come from the runtime's <see cref="ConnectOptions"/>, as in the simulator. Thin: when to connect
    /// is decided by the runtime (Core's <c>ReconnectPolicy</c>) on the main loop; <see cref="Connect"/> hands the attempt
    /// to the <see cref="Connector"/> thread, where <see cref="ConnectNow"/> blocks (Wi-Fi, TLS handshake). The client's
    /// threads only enqueue messages and flag a lost connection; everything else runs on the main loop.
    /// <para>
    /// Oversized publishes (docs/protocol.md §7): M2Mqtt 3.1.1 has no size limit and no hook before it allocates a
    /// received PUBLISH — <c>MqttMsgPublish.Parse</c> takes the whole remaining length into one array, then copies the
    /// payload into a second (nanoFramework.m2mqtt, M2Mqtt/Messages/MqttMsgPublish.cs lines 352–353 and 446, commit
    /// 8208787). On a heap of about 100 KB a 64 KiB publish therefore fails with OutOfMemoryException, which the receive
    /// thread catches without closing (M2Mqtt/MqttClient.cs lines 1554–1584): the rest of the packet is read as if it
    /// were new packets. The broker's <c>max_packet_size</c> (what radioctl writes) keeps such packets away. What does
    /// arrive (a payload that fitted in memory but is over the protocol's limit) is acknowledged by M2Mqtt before this
    /// callback (MqttClient.cs lines 1956–1968) and handed on without its bytes: the endpoint answers <c>too-large</c>
    /// once, and the inbox never holds a large array.
    /// </para>
    /// </summary>
    public sealed class M2MqttTransport : ITransport
    {
        private readonly DeviceSettings _settings;
        private readonly X509Certificate _ca;
        private readonly MessageQueue _inbox;
        private readonly int _maxPayloadBytes;
        private readonly object _lock = new object();
        private readonly Connector _connector;
        private MqttClient _client;
        private bool _closed;

        /// <summary>
        /// Creates a transport joining <paramref name="wifi"/>; <paramref name="caPem"/> is null for a plain connection.
        /// Payloads over <paramref name="maxPayloadBytes"/> (the endpoint's limit) are handed on without their bytes.
        /// </summary>
        public M2MqttTransport(DeviceSettings settings, string caPem, MessageQueue inbox, WifiNetwork wifi, int maxPayloadBytes)
        {
            _settings = settings;
            _inbox = inbox;
            _maxPayloadBytes = maxPayloadBytes;
            _ca = settings.BrokerTls && caPem != null ? new X509Certificate(caPem) : null;
            _connector = new Connector(wifi, this);
        }

        /// <summary>Set once Wi-Fi first came up (the SNTP client is started then).</summary>
        public bool NetworkSeen
        {
            get { return _connector.NetworkSeen; }
        }

        /// <summary>Starts the connector thread.</summary>
        public void Start()
        {
            _connector.Start();
        }

        /// <summary>Starts one attempt on the connector thread; false while one is under way.</summary>
        public bool Connect(ConnectOptions options)
        {
            return _connector.Request(options);
        }

        /// <summary>The outcome of the last attempt, once.</summary>
        public ConnectOutcome TakeOutcome()
        {
            return _connector.TakeResult();
        }

        /// <summary>True while the client reports a connection.</summary>
        public bool IsConnected
        {
            get
            {
                MqttClient c = _client;
                return c != null && c.IsConnected;
            }
        }

        /// <summary>
        /// Connects with <paramref name="options"/> (connector thread; blocks); true on CONNACK success. Never throws: a
        /// refused, timed-out or failed TLS connection is just false. A new client each time: M2Mqtt's own session state
        /// is per client object, and the broker keeps the session (clean session off) by the client id.
        /// </summary>
        public bool ConnectNow(ConnectOptions options)
        {
            Close();
            try
            {
                MqttClient client = new MqttClient(_settings.BrokerHost, _settings.BrokerPort, _settings.BrokerTls, _ca, null,
                    _settings.BrokerTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.MqttMsgPublishReceived += OnPublish;
                client.ConnectionClosed += OnClosed;
                string will = Encoding.UTF8.GetString(options.WillPayload, 0, options.WillPayload.Length);

                // nanoframework/nanoFramework.m2mqtt v5.1.217, M2Mqtt/MqttClient.cs: Connect(string clientId, string username,
                // string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic,
                // string willMessage, bool cleanSession, ushort keepAlivePeriod) returns the CONNACK's MqttReasonCode.
                MqttReasonCode code = client.Connect(options.ClientId, _settings.Username, _settings.Password,
                    options.WillRetain, options.WillQos == 0 ? MqttQoSLevel.AtMostOnce : MqttQoSLevel.AtLeastOnce, true,
                    options.WillTopic, will, options.CleanSession, (ushort)options.KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    client.Dispose();
                    return false;
                }

                lock (_lock)
                {
                    _closed = false;
                    _client = client;
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Subscribes to the command topics at QoS 1; false when not connected or the client refused.</summary>
        public bool Subscribe(string[] topics)
        {
            MqttClient c = _client;
            if (c == null || !c.IsConnected)
            {
                return false;
            }

            MqttQoSLevel[] qos = new MqttQoSLevel[topics.Length];
            for (int i = 0; i < qos.Length; i++)
            {
                qos[i] = MqttQoSLevel.AtLeastOnce;
            }

            try
            {
                c.Subscribe(topics, qos);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>
        /// Hands one message to the client; false when it could not (the caller keeps it in the outbox). M2Mqtt's Publish
        /// only enqueues into its in-flight queue and returns the message id (MqttClient.cs, Publish(string, byte[], string,
        /// ArrayList, MqttQoSLevel, bool)); it throws when that queue is full.
        /// </summary>
        public bool Publish(OutgoingMessage m)
        {
            MqttClient c = _client;
            if (c == null || !c.IsConnected)
            {
                return false;
            }

            try
            {
                c.Publish(m.Topic, m.Payload, null, null, m.Qos == 0 ? MqttQoSLevel.AtMostOnce : MqttQoSLevel.AtLeastOnce, m.Retain);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>True once after the connection was lost (client thread flag, read by the main loop).</summary>
        public bool TakeClosed()
        {
            lock (_lock)
            {
                bool closed = _closed;
                _closed = false;
                return closed;
            }
        }

        /// <summary>Drops the current client, if any.</summary>
        public void Close()
        {
            MqttClient c;
            lock (_lock)
            {
                c = _client;
                _client = null;
            }

            if (c == null)
            {
                return;
            }

            try
            {
                c.MqttMsgPublishReceived -= OnPublish;
                c.ConnectionClosed -= OnClosed;
                if (c.IsConnected)
                {
                    c.Disconnect();
                }

                c.Dispose();
            }
            catch (Exception)
            {
                // A half-open socket may throw on close; the client is abandoned either way.
            }
        }

        // Client thread: no logic, only the hand-over. An oversized payload is dropped here (a null payload is the
        // endpoint's too-large), so its array can be collected at once instead of waiting in the inbox.
        private void OnPublish(object sender, MqttMsgPublishEventArgs e)
        {
            byte[] payload = e.Message;
            _inbox.Enqueue(new ReceivedMessage(e.Topic, payload != null && payload.Length > _maxPayloadBytes ? null : payload, e.Retain));
        }

        private void OnClosed(object sender, EventArgs e)
        {
            lock (_lock)
            {
                _closed = true;
            }
        }
    }
}
