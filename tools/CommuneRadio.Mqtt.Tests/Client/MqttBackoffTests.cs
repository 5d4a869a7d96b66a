using System;
using CommuneRadio.Mqtt.Client;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    [TestClass]
    public sealed class MqttBackoffTests
    {
        private static readonly MqttReconnectPolicy Policy = new MqttReconnectPolicy
        {
            MinDelay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
        };

        [TestMethod]
        [DataRow(0, 500.0)]
        [DataRow(1, 1000.0)]
        [DataRow(3, 4000.0)]
        [DataRow(6, 30000.0)]
        [DataRow(1000, 30000.0)]
        public void ComputeDelay_RandomNearOne_ReachesCap(int attempt, double capMilliseconds)
        {
            TimeSpan delay = MqttBackoff.ComputeDelay(Policy, attempt, 1.0);

            Assert.AreEqual(capMilliseconds, delay.TotalMilliseconds, 0.001);
        }

        [TestMethod]
        public void ComputeDelay_RandomZero_IsZero()
        {
            Assert.AreEqual(TimeSpan.Zero, MqttBackoff.ComputeDelay(Policy, 5, 0.0));
        }

        [TestMethod]
        public void ComputeDelay_RandomHalf_IsHalfTheCap()
        {
            Assert.AreEqual(2000, MqttBackoff.ComputeDelay(Policy, 3, 0.5).TotalMilliseconds, 0.001);
        }
    }
}
