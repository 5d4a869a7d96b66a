using System;
using CommuneRadio.Mqtt.Client;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    [TestClass]
    public sealed class MqttClientOptionsValidatorTests
    {
        [TestMethod]
        public void Validate_Defaults_Accepted()
        {
            MqttClientOptionsValidator.Validate(new MqttClientOptions());
        }

        [TestMethod]
        public void Validate_PasswordWithoutUsername_Throws()
        {
            Assert.ThrowsExactly<ArgumentException>(() => MqttClientOptionsValidator.Validate(new MqttClientOptions { Password = "p" }));
        }

        [TestMethod]
        public void Validate_KeepAliveAbove65535Seconds_Throws()
        {
            Assert.ThrowsExactly<ArgumentException>(() => MqttClientOptionsValidator.Validate(new MqttClientOptions { KeepAlive = TimeSpan.FromSeconds(65536) }));
        }

        [TestMethod]
        public void Validate_WillTopicWithWildcard_Throws()
        {
            var options = new MqttClientOptions { Will = new MqttLastWill("a/+", ReadOnlyMemory<byte>.Empty) };

            Assert.ThrowsExactly<ArgumentException>(() => MqttClientOptionsValidator.Validate(options));
        }

        [TestMethod]
        public void Validate_ReconnectMaxBelowMin_Throws()
        {
            var options = new MqttClientOptions();
            options.Reconnect.MinDelay = TimeSpan.FromSeconds(2);
            options.Reconnect.MaxDelay = TimeSpan.FromSeconds(1);

            Assert.ThrowsExactly<ArgumentException>(() => MqttClientOptionsValidator.Validate(options));
        }
    }
}
