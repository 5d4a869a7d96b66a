using System;
using System.Runtime.CompilerServices;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Tests.Core.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Measure
{
    /// <summary>
    /// What one accepted command leaves behind in a station (docs/benchmarks.md, "Per command kind"): no reference to its
    /// payload once it is answered, and a bounded number of bytes allocated through <see cref="StationEndpoint.HandleMessage"/>
    /// (exact per thread; the limits pin the figures of the per-command table with a small margin, so a regression shows).
    /// </summary>
    [TestClass]
    public sealed class CommandAllocationTests
    {
        private const string Emergency = "{\"duration\":600,\"lines\":[0,1,2,3],\"source\":1}";

        public TestContext TestContext { get; set; }

        [TestMethod]
        public void HandleMessage_EmergencyStartAnswered_PayloadNotKeptAlive()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 3 * 3600000L, true);
            Assert.AreEqual("accepted", Outcome(h.Send(h.Province("status", "{}"))));

            WeakReference payload = SendAndForget(h, h.Province("emergency.start", Emergency));

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.IsFalse(payload.IsAlive, "the station still references the command's payload after answering it");
        }

        [TestMethod]
        public void HandleMessage_RefusedForItsSignature_PayloadNotKeptAlive()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 3 * 3600000L, true);
            CommandBuilder b = h.Province("emergency.start", Emergency);
            b.Key = EndpointHarness.OtherCommuneKey;

            WeakReference payload = SendAndForget(h, b);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.IsFalse(payload.IsAlive, "the station still references a refused command's payload");
        }

        [TestMethod]
        [DataRow("emergency.start", Emergency, 600)]
        [DataRow("status", "{}", 960)]
        [DataRow("time", "{\"utc_ms\":1795400000000}", 400)]
        public void HandleMessage_Accepted_AllocationWithinLimit(string cmd, string args, int limit)
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 3 * 3600000L, true);
            Assert.AreEqual("accepted", Outcome(h.Send(h.Province("status", "{}"))), "first command (JIT, lazily made state)");
            h.ResultText();
            byte[] payload = h.Province(cmd, args).Build();

            long before = GC.GetAllocatedBytesForCurrentThread();
            h.Endpoint.HandleMessage("cr/v1/g/prov.ht/cmd", payload, false, h.Station.Now);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;

            StringAssert.Contains(h.ResultText(), "\"accepted\"");
            TestContext.WriteLine(cmd + " through HandleMessage (no store): " + bytes + " bytes");
            Assert.IsTrue(bytes <= limit, cmd + ": " + bytes + " bytes > " + limit);
        }

        [TestMethod]
        public void EnvelopeParserParse_AcceptedCommand_AllocatesNothing()
        {
            EndpointHarness h = new EndpointHarness(StationHarness.MondayMidnightUtc + 3 * 3600000L, true);
            CommandBuilder b = h.Province("emergency.start", Emergency);
            byte[] payload = b.Build();
            EnvelopeParser parser = new EnvelopeParser();
            CommandEnvelope env = new CommandEnvelope();
            Assert.IsTrue(parser.Parse(payload, payload.Length, "g/prov.ht", h.Endpoint.Keys, env), "warm-up parse");

            long before = GC.GetAllocatedBytesForCurrentThread();
            bool parsed = parser.Parse(payload, payload.Length, "g/prov.ht", h.Endpoint.Keys, env);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.IsTrue(parsed);
            Assert.AreEqual(b.Id, env.Id, "the id is still readable from the payload");
            Assert.AreEqual(0L, bytes, "the envelope pass (the id is a place in the payload)");
        }

        // In its own frame, so that no local of the test keeps the payload alive.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference SendAndForget(EndpointHarness h, CommandBuilder b)
        {
            byte[] payload = b.Build();
            h.Send(b.To, payload, false);
            return new WeakReference(payload);
        }

        private static string Outcome(string result)
        {
            return result != null && result.Contains("\"accepted\"") ? "accepted" : result;
        }
    }
}
