using CommuneRadio.Core.Text;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Text
{
    [TestClass]
    public class OrdinalTests
    {
        [TestMethod]
        [DataRow("a", "b", -1)]
        [DataRow("b", "a", 1)]
        [DataRow("a-2", "a-10", 1)]
        [DataRow("abc", "abc", 0)]
        [DataRow("ab", "abc", -1)]
        [DataRow("Z", "a", -1)]
        [DataRow("", "a", -1)]
        public void Compare_ByCodeUnit_Sign(string a, string b, int sign)
        {
            int c = Ordinal.Compare(a, b);
            Assert.AreEqual(sign, c < 0 ? -1 : c > 0 ? 1 : 0);
        }

        [TestMethod]
        public void Compare_Nulls_SortFirst()
        {
            Assert.AreEqual(0, Ordinal.Compare(null, null));
            Assert.IsTrue(Ordinal.Compare(null, "a") < 0);
            Assert.IsTrue(Ordinal.Compare("a", null) > 0);
        }
    }
}
