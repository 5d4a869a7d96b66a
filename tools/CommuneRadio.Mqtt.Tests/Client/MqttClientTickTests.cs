using System;
using CommuneRadio.Mqtt.Client;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    [TestClass]
    public sealed class MqttClientTickTests
    {
        [TestMethod]
        public void ComputeTick_OneSecondKeepAlive_IsQuarterSecond()
        {
            Assert.AreEqual(TimeSpan.FromMilliseconds(250), MqttClient.ComputeTick(TimeSpan.FromSeconds(1), null));
        }

        [TestMethod]
        public void ComputeTick_LongIntervals_CappedAtFiveSeconds()
        {
            Assert.AreEqual(TimeSpan.FromSeconds(5), MqttClient.ComputeTick(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)));
        }

        [TestMethod]
        public void ComputeTick_ShortRetry_UsesRetryAndFloor()
        {
            Assert.AreEqual(TimeSpan.FromMilliseconds(100), MqttClient.ComputeTick(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
        }

        [TestMethod]
        public void ComputeTick_KeepAliveDisabled_UsesRetry()
        {
            Assert.AreEqual(TimeSpan.FromSeconds(2), MqttClient.ComputeTick(TimeSpan.Zero, TimeSpan.FromSeconds(8)));
        }
    }
}
