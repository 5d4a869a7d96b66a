using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// The <c>time</c> beacon (docs/protocol.md §3.2): <c>utc_ms</c> must be a positive integer — 0 is what
    /// <c>ClockSetRequestUtcMs</c> means by "no request", and a negative time is before 1970 — and it asks the
    /// platform to set its clock only while the station's clock is not synced.
    /// </summary>
    [TestClass]
    public class TimeBeaconTests
    {
        [TestMethod]
        [DataRow("0")]
        [DataRow("-1")]
        [DataRow("-1763850000000")]
        [DataRow("-9223372036854775808")]
        public void Time_UtcMsZeroOrNegative_RefusedInvalidFieldNoClockRequest(string utcMs)
        {
            EndpointHarness h = new EndpointHarness(0, false);
            h.Station.Run(1000);
            EndpointSnapshot before = new EndpointSnapshot(h);
            CommandBuilder b = h.Province("time", "{\"utc_ms\":" + utcMs + "}");
            Assert.AreEqual(EndpointHarness.Refused(b.Id, "invalid-field", "args.utc_ms"), h.Send(b));
            before.Count(0, 1);
            Assert.IsNull(before.Difference());
            Assert.AreEqual(0L, h.Endpoint.ClockSetRequestUtcMs);
        }

        [TestMethod]
        [DataRow("1.5")]
        [DataRow("\"1763850000000\"")]
        [DataRow("null")]
        [DataRow("9223372036854775808")]
        public void Time_UtcMsNotAnInteger_RefusedInvalidField(string utcMs)
        {
            EndpointHarness h = new EndpointHarness(0, false);
            CommandBuilder b = h.Province("time", "{\"utc_ms\":" + utcMs + "}");
            Assert.AreEqual(EndpointHarness.Refused(b.Id, "invalid-field", "args.utc_ms"), h.Send(b));
            Assert.AreEqual(0L, h.Endpoint.ClockSetRequestUtcMs);
        }

        [TestMethod]
        public void Time_UtcMsOne_AcceptedAsTheSmallestTime()
        {
            EndpointHarness h = new EndpointHarness(0, false);
            CommandBuilder b = h.Province("time", "{\"utc_ms\":1}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(1L, h.Endpoint.ClockSetRequestUtcMs);
        }

        [TestMethod]
        public void Time_MissingUtcMs_RefusedInvalidField()
        {
            EndpointHarness h = new EndpointHarness(0, false);
            CommandBuilder b = h.Province("time", "{}");
            Assert.AreEqual(EndpointHarness.Refused(b.Id, "invalid-field", "args.utc_ms"), h.Send(b));
        }

        [TestMethod]
        public void Time_ClockSynced_AcceptedButNoClockRequest()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 9 * 3600000L, true);
            CommandBuilder b = h.National("time", "{\"utc_ms\":1763850000000}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(0L, h.Endpoint.ClockSetRequestUtcMs, "SNTP already set the clock: a beacon never steps it");
        }

        [TestMethod]
        public void Time_NationalWithoutClock_RequestsItsValue()
        {
            EndpointHarness h = new EndpointHarness(0, false);
            CommandBuilder b = h.National("time", "{\"utc_ms\":1795400000123}");
            Assert.AreEqual(EndpointHarness.Accepted(b.Id), h.Send(b));
            Assert.AreEqual(1795400000123L, h.Endpoint.ClockSetRequestUtcMs);
        }
    }
}
