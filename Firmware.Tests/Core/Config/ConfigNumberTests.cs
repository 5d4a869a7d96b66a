using CommuneRadio.Core.Config;
using CommuneRadio.Tests.Core.Json;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Config
{
    [TestClass]
    public class ConfigNumberTests
    {
        private static double Parse(string s)
        {
            byte[] b = JsonBytes.Raw(s);
            double v;
            Assert.IsTrue(ConfigNumber.TryParse(b, 0, b.Length, out v), s);
            return v;
        }

        private static bool Refused(string s)
        {
            byte[] b = JsonBytes.Raw(s);
            double v;
            return !ConfigNumber.TryParse(b, 0, b.Length, out v);
        }

        [TestMethod]
        public void TryParse_Decimals_ExactAsLiterals()
        {
            Assert.AreEqual(12.375, Parse("12.375"));
            Assert.AreEqual(-6.19, Parse("-6.19"));
            Assert.AreEqual(0.0025, Parse("2.5e-3"));
            Assert.AreEqual(0.0025, Parse("0.0025"));
            Assert.AreEqual(1500.0, Parse("1.5E+3"));
            Assert.AreEqual(0.0, Parse("-0"));
            Assert.AreEqual(36.3, Parse("36.3"));
            Assert.AreEqual(7.0, Parse("7"));
        }

        [TestMethod]
        public void TryParse_HugeOrTinyOrNotANumber_Refused()
        {
            Assert.IsTrue(Refused("1e31"));
            Assert.IsTrue(Refused("1e-40"));
            Assert.IsTrue(Refused(""));
            Assert.IsTrue(Refused("-"));
            Assert.IsTrue(Refused("1x"));
            Assert.IsTrue(Refused("1e"));
        }
    }
}
