using CommuneRadio.Mqtt.Client;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Mqtt.Tests.Client
{
    [TestClass]
    public sealed class MqttTopicRulesTests
    {
        [TestMethod]
        [DataRow("cr/v1/st/7/state", true)]
        [DataRow("/", true)]
        [DataRow("", false)]
        [DataRow("cr/+/state", false)]
        [DataRow("cr/#", false)]
        [DataRow("cr/\0", false)]
        public void IsValidTopicName_Examples_MatchSpecification(string topic, bool valid)
        {
            Assert.AreEqual(valid, MqttTopicRules.IsValidTopicName(topic));
        }

        [TestMethod]
        [DataRow("cr/v1/g/+/cmd", true)]
        [DataRow("cr/#", true)]
        [DataRow("#", true)]
        [DataRow("+", true)]
        [DataRow("+/+/#", true)]
        [DataRow("", false)]
        [DataRow("cr/v1#", false)]
        [DataRow("cr/#/x", false)]
        [DataRow("cr/a+", false)]
        [DataRow("cr/+a/b", false)]
        public void IsValidFilter_Examples_MatchSpecification(string filter, bool valid)
        {
            Assert.AreEqual(valid, MqttTopicRules.IsValidFilter(filter));
        }
    }
}
