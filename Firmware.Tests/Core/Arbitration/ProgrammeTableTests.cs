using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Scheduling;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Arbitration
{
    [TestClass]
    public class ProgrammeTableTests
    {
        [TestMethod]
        public void Take_NoneFinished_NewProgrammeEachTime()
        {
            ProgrammeTable table = new ProgrammeTable(2);
            Programme a = table.Take();
            Programme b = table.Take();
            Assert.IsNotNull(a);
            Assert.AreNotSame(a, b);
            Assert.AreEqual(PlayReason.Expired, a.WaitReason);
        }

        [TestMethod]
        public void Take_AfterRecycle_SameObjectResetToNew()
        {
            ProgrammeTable table = new ProgrammeTable(2);
            Programme p = table.Take();
            p.Kind = ProgrammeKind.Emergency;
            p.Id = "c-1";
            p.Scope = "g/prov.ht";
            p.Issuer = "prov.ht";
            p.Class = BroadcastClass.Emergency;
            p.Level = IssuerLevel.Province;
            p.Lines = 0xF;
            p.Source = 1;
            p.EndMonotonicMs = 5000;
            p.State = ProgrammeState.Preempted;
            p.EverStarted = true;
            p.Announced = true;
            p.WaitReason = PlayReason.Preempted;
            Assert.IsTrue(table.Add(p));
            table.RemoveAt(0);
            table.Recycle(p);

            Programme again = table.Take();

            Assert.AreSame(p, again);
            Assert.IsNull(again.Id);
            Assert.IsNull(again.Scope);
            Assert.IsNull(again.Issuer);
            Assert.IsNull(again.Entry);
            Assert.AreEqual(0, again.Lines);
            Assert.AreEqual(0L, again.EndMonotonicMs);
            Assert.IsFalse(again.EverStarted);
            Assert.IsFalse(again.Announced);
            Assert.AreEqual(PlayReason.Expired, again.WaitReason);
            Assert.AreEqual((int)new Programme().State, (int)again.State);
            Assert.AreEqual((int)new Programme().Kind, (int)again.Kind);
        }

        [TestMethod]
        public void Recycle_MoreThanCapacity_KeepsAtMostCapacity()
        {
            ProgrammeTable table = new ProgrammeTable(1);
            Programme a = new Programme();
            Programme b = new Programme();
            table.Recycle(a);
            table.Recycle(b);

            Assert.AreSame(a, table.Take());
            Assert.AreNotSame(b, table.Take(), "only one kept");
        }
    }
}
