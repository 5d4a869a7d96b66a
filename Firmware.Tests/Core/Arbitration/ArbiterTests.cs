using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Scheduling;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Arbitration
{
    /// <summary>
    /// The order of Arbiter.Beats: class, then issuer level; on a tie, what is on air
    /// stays; then a programme that already started; then the earlier arrival; then the ordinal id.
    /// </summary>
    [TestClass]
    public class ArbiterTests
    {
        private static Programme P(string id, BroadcastClass cls, IssuerLevel level)
        {
            Programme p = new Programme();
            p.Id = id;
            p.Class = cls;
            p.Level = level;
            p.State = ProgrammeState.Pending;
            return p;
        }

        [TestMethod]
        public void Beats_NoHolder_AnyChallengerWins()
        {
            Assert.IsTrue(Arbiter.Beats(P("a", BroadcastClass.Normal, IssuerLevel.Station), null));
        }

        [TestMethod]
        public void Beats_ClassBeforeLevel()
        {
            Programme priorityStation = P("a", BroadcastClass.Priority, IssuerLevel.Station);
            Programme normalNational = P("b", BroadcastClass.Normal, IssuerLevel.National);
            Assert.IsTrue(Arbiter.Beats(priorityStation, normalNational));
            Assert.IsFalse(Arbiter.Beats(normalNational, priorityStation));
            Assert.IsTrue(Arbiter.Rank(priorityStation) > Arbiter.Rank(normalNational));

            Programme normalProvince = P("c", BroadcastClass.Normal, IssuerLevel.Province);
            Assert.IsTrue(Arbiter.Beats(normalNational, normalProvince));
            Assert.IsFalse(Arbiter.Beats(normalProvince, normalNational));
        }

        [TestMethod]
        public void Beats_EqualRank_OnAirStays()
        {
            Programme onAir = P("z", BroadcastClass.Normal, IssuerLevel.Commune);
            onAir.State = ProgrammeState.OnAir;
            onAir.SinceMonotonicMs = 5000;
            Programme earlier = P("a", BroadcastClass.Normal, IssuerLevel.Commune);
            earlier.SinceMonotonicMs = 1000;
            earlier.EverStarted = true;
            Assert.IsFalse(Arbiter.Beats(earlier, onAir));
            Assert.IsTrue(Arbiter.Beats(onAir, earlier));
        }

        [TestMethod]
        public void Beats_EqualRankNoneOnAir_StartedThenEarlierThenId()
        {
            Programme started = P("z", BroadcastClass.Normal, IssuerLevel.Commune);
            started.State = ProgrammeState.Preempted;
            started.EverStarted = true;
            started.SinceMonotonicMs = 9000;
            Programme fresh = P("a", BroadcastClass.Normal, IssuerLevel.Commune);
            fresh.SinceMonotonicMs = 1000;
            Assert.IsTrue(Arbiter.Beats(started, fresh), "started before earlier");
            Assert.IsFalse(Arbiter.Beats(fresh, started));

            Programme later = P("a", BroadcastClass.Normal, IssuerLevel.Commune);
            later.SinceMonotonicMs = 2000;
            Assert.IsTrue(Arbiter.Beats(fresh, later), "earlier arrival");
            Assert.IsFalse(Arbiter.Beats(later, fresh));

            Programme b = P("b", BroadcastClass.Normal, IssuerLevel.Commune);
            b.SinceMonotonicMs = 1000;
            Assert.IsTrue(Arbiter.Beats(fresh, b), "ordinal id last");
            Assert.IsFalse(Arbiter.Beats(b, fresh));
            Assert.IsFalse(Arbiter.Beats(fresh, fresh), "a programme does not beat itself");
        }
    }
}
