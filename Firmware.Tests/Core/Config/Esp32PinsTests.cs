using CommuneRadio.Core.Config;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Config
{
    [TestClass]
    public class Esp32PinsTests
    {
        [TestMethod]
        public void RelayProblem_SafeOutputs_None()
        {
            int[] safe = { 4, 13, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33 };
            for (int i = 0; i < safe.Length; i++)
            {
                Assert.IsNull(Esp32Pins.RelayProblem(safe[i]), "GPIO " + safe[i].ToString());
            }
        }

        [TestMethod]
        public void RelayProblem_EveryOtherPin_Refused()
        {
            int refused = 0;
            for (int gpio = -1; gpio <= 40; gpio++)
            {
                if (Esp32Pins.RelayProblem(gpio) != null)
                {
                    refused++;
                }
            }

            Assert.AreEqual(42 - 14, refused);
        }

        [TestMethod]
        public void Adc1Pin_Channels_MapToEsp32Gpio()
        {
            Assert.AreEqual(36, Esp32Pins.Adc1Pin(0));
            Assert.AreEqual(39, Esp32Pins.Adc1Pin(3));
            Assert.AreEqual(32, Esp32Pins.Adc1Pin(4));
            Assert.AreEqual(34, Esp32Pins.Adc1Pin(6));
            Assert.AreEqual(35, Esp32Pins.Adc1Pin(7));
            Assert.AreEqual(-1, Esp32Pins.Adc1Pin(8));
        }
    }
}
