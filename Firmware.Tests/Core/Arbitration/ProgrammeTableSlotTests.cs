using CommuneRadio.Core.Arbitration;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Arbitration
{
    [TestClass]
    public class ProgrammeTableSlotTests
    {
        private static Programme P(string id, ProgrammeKind kind)
        {
            Programme p = new Programme();
            p.Id = id;
            p.Kind = kind;
            return p;
        }

        [TestMethod]
        public void Add_UpToCapacity_ThenRefused()
        {
            ProgrammeTable t = new ProgrammeTable(2);
            Assert.IsFalse(t.IsFull);
            Assert.IsTrue(t.Add(P("a", ProgrammeKind.Immediate)));
            Assert.IsFalse(t.IsFull);
            Assert.IsTrue(t.Add(P("b", ProgrammeKind.Immediate)));
            Assert.IsTrue(t.IsFull);
            Assert.IsFalse(t.Add(P("c", ProgrammeKind.Immediate)));
            Assert.AreEqual(2, t.Count);
            Assert.AreEqual(-1, t.IndexOf("c", ProgrammeKind.Immediate));
        }

        [TestMethod]
        public void RemoveAt_Middle_KeepsOrderAndFreesTheSlot()
        {
            ProgrammeTable t = new ProgrammeTable(3);
            Programme a = P("a", ProgrammeKind.Immediate);
            Programme b = P("b", ProgrammeKind.Scheduled);
            Programme c = P("c", ProgrammeKind.Emergency);
            t.Add(a);
            t.Add(b);
            t.Add(c);
            t.RemoveAt(1);
            Assert.AreEqual(2, t.Count);
            Assert.AreSame(a, t.At(0));
            Assert.AreSame(c, t.At(1));
            Assert.IsNull(t.At(2));
            Assert.AreEqual(1, t.IndexOf("c", ProgrammeKind.Emergency));
            Assert.AreEqual(-1, t.IndexOf("b", ProgrammeKind.Scheduled));
            Assert.IsTrue(t.Add(b));
            Assert.AreEqual(2, t.IndexOf("b", ProgrammeKind.Scheduled));
        }

        [TestMethod]
        public void IndexOf_SameIdOtherKind_NotFound()
        {
            ProgrammeTable t = new ProgrammeTable(4);
            t.Add(P("news", ProgrammeKind.Scheduled));
            t.Add(P("news", ProgrammeKind.Immediate));
            Assert.AreEqual(0, t.IndexOf("news", ProgrammeKind.Scheduled));
            Assert.AreEqual(1, t.IndexOf("news", ProgrammeKind.Immediate));
            Assert.AreEqual(-1, t.IndexOf("news", ProgrammeKind.Emergency));
        }
    }
}
