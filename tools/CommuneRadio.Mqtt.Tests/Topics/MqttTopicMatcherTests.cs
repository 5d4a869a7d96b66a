using System;
using CommuneRadio.Mqtt.Topics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Topics
{
    [TestClass]
    public sealed class MqttTopicMatcherTests
    {
        [TestMethod]
        [DataRow("sensor/+/temp", "sensor/7/temp", true)]
        [DataRow("sensor/+/temp", "sensor/7/8/temp", false)]
        [DataRow("sensor/+/temp", "sensor/7/hum", false)]
        [DataRow("sensor/+", "sensor/", true)]
        [DataRow("sensor/+", "sensor", false)]
        [DataRow("sensor/#", "sensor", true)]
        [DataRow("sensor/#", "sensor/7/temp", true)]
        [DataRow("sensor/#", "sensors/7", false)]
        [DataRow("sensor/7/+", "sensor/7", false)]
        [DataRow("#", "sensor/7", true)]
        [DataRow("#", "/", true)]
        [DataRow("#", "$SYS/uptime", false)]
        [DataRow("+/uptime", "$SYS/uptime", false)]
        [DataRow("$SYS/#", "$SYS/uptime", true)]
        [DataRow("+/+", "/finance", true)]
        [DataRow("/+", "/finance", true)]
        [DataRow("+", "/finance", false)]
        [DataRow("Sensor/#", "sensor/7", false)]
        [DataRow("a/b", "a/b", true)]
        [DataRow("a/b", "a/b/", false)]
        [DataRow("+/+/+", "a//c", true)]
        public void Matches_WorkedExample_ReturnsExpected(string filter, string topic, bool expected)
        {
            Assert.AreEqual(expected, MqttTopicMatcher.Matches(filter, topic));
        }

        [TestMethod]
        [DataRow("#", true)]
        [DataRow("a/#", true)]
        [DataRow("+", true)]
        [DataRow("+/a/+", true)]
        [DataRow("/", true)]
        [DataRow("", false)]
        [DataRow("a/#/b", false)]
        [DataRow("a#", false)]
        [DataRow("a/b#", false)]
        [DataRow("a+", false)]
        [DataRow("a/+b", false)]
        [DataRow("##", false)]
        public void IsValidFilter_Example_ReturnsExpected(string filter, bool expected)
        {
            Assert.AreEqual(expected, MqttTopicMatcher.IsValidFilter(filter));
        }

        [TestMethod]
        [DataRow("a/b", true)]
        [DataRow("/", true)]
        [DataRow("", false)]
        [DataRow("a/+", false)]
        [DataRow("a/#", false)]
        [DataRow("a\0b", false)]
        public void IsValidTopicName_Example_ReturnsExpected(string topic, bool expected)
        {
            Assert.AreEqual(expected, MqttTopicMatcher.IsValidTopicName(topic));
        }

        [TestMethod]
        public void Matches_InvalidFilter_ThrowsArgumentException()
        {
            Assert.ThrowsExactly<ArgumentException>(() => MqttTopicMatcher.Matches("a/#/b", "a/x/b"));
        }

        [TestMethod]
        public void Matches_WildcardInTopic_ThrowsArgumentException()
        {
            Assert.ThrowsExactly<ArgumentException>(() => MqttTopicMatcher.Matches("a/+", "a/+"));
        }
    }
}
