using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Security
{
    [TestClass]
    public class KeyringTests
    {
        private const string Station = "st/ht-ab-001";

        private static readonly string[] Groups = new string[] { "g/com.ha-tinh.an-binh", "g/prov.ha-tinh" };

        private static IssuerKey Key(string issuer, IssuerLevel level, string[] scopes)
        {
            return new IssuerKey(issuer, level, new byte[32], scopes, false);
        }

        [TestMethod]
        public void Put_SameIssuerAgain_ReplacesTheEntry()
        {
            Keyring ring = new Keyring();
            IssuerKey first = Key("a", IssuerLevel.Commune, new string[0]);
            IssuerKey second = Key("a", IssuerLevel.Province, new string[0]);
            Assert.IsTrue(ring.Put(first));
            Assert.IsTrue(ring.Put(Key("b", IssuerLevel.Commune, new string[0])));
            Assert.IsTrue(ring.Put(second));
            Assert.AreEqual(2, ring.Count);
            Assert.AreSame(second, ring.Find("a"));
            Assert.AreSame(second, ring.At(0));
        }

        [TestMethod]
        public void Put_WhenFull_NewIssuerRefused_KnownIssuerStillReplaced()
        {
            Keyring ring = new Keyring();
            for (int i = 0; i < Keyring.Capacity; i++)
            {
                Assert.IsTrue(ring.Put(Key("i" + i, IssuerLevel.Commune, new string[0])), "issuer " + i);
            }

            Assert.IsFalse(ring.Put(Key("one-too-many", IssuerLevel.Commune, new string[0])));
            Assert.AreEqual(Keyring.Capacity, ring.Count);
            Assert.IsNull(ring.Find("one-too-many"));
            IssuerKey rotated = Key("i7", IssuerLevel.Province, new string[0]);
            Assert.IsTrue(ring.Put(rotated));
            Assert.AreSame(rotated, ring.Find("i7"));
            Assert.AreEqual(Keyring.Capacity, ring.Count);
        }

        [TestMethod]
        public void Covers_ScopesAndGroups_PerProtocol()
        {
            IssuerKey commune = Key("c", IssuerLevel.Commune, new string[] { "g/com.ha-tinh.an-binh" });
            IssuerKey other = Key("o", IssuerLevel.Commune, new string[] { "g/com.ha-tinh.ky-anh" });
            IssuerKey national = Key("vn", IssuerLevel.National, new string[0]);

            Assert.IsTrue(Keyring.Covers(commune, "g/com.ha-tinh.an-binh", Station, Groups), "its own group");
            Assert.IsTrue(Keyring.Covers(commune, Station, Station, Groups), "a station of its group, directly");
            Assert.IsFalse(Keyring.Covers(commune, "g/prov.ha-tinh", Station, Groups), "a wider group it has no scope for");
            Assert.IsFalse(Keyring.Covers(other, Station, Station, Groups), "a station outside its group");
            Assert.IsFalse(Keyring.Covers(other, "g/com.ha-tinh.an-binh", Station, Groups), "another commune's group");
            Assert.IsTrue(Keyring.Covers(national, Station, Station, new string[0]), "national covers all");
        }
    }
}
