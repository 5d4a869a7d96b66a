// Stand-ins for package nanoFramework.M2Mqtt (+ nanoFramework.M2Mqtt.Core): only what Device/M2MqttTransport.cs uses,
// with the namespaces and signatures of nanoframework/nanoFramework.m2mqtt. Never executed (see README.md).
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        TLSv1_2,
    }

    // The event delegates are nested in the interface, as in nanoFramework.M2Mqtt.Core's IMqttClient.
    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }

    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            throw new NotImplementedException();
        }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public bool IsConnected => throw new NotImplementedException();

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) =>
            throw new NotImplementedException();

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw new NotImplementedException();

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) =>
            throw new NotImplementedException();

        public void Disconnect() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
    }

    public enum MqttReasonCode : byte
    {
        Success = 0x00,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public string Topic => throw new NotImplementedException();

        public byte[] Message => throw new NotImplementedException();

        public bool Retain => throw new NotImplementedException();
    }
}
