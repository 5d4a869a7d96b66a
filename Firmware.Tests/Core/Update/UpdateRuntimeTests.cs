using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>The update in the station runtime (docs/protocol.md §6, §8), on a fake clock: restart, trial, proof, rollback.</summary>
    [TestClass]
    public class UpdateRuntimeTests
    {
        [TestMethod]
        public void GoodImage_CommitRestartsRelaysOffHealthProvesItCommittedEventAndHealthReportIt()
        {
            UpdateRuntimeStation s = new UpdateRuntimeStation();
            s.Run(1000);
            Assert.IsTrue(s.Runtime.IsConnected);
            Assert.IsTrue(s.Last("state").IndexOf("\"fw\":\"1.0.0\"") > 0);
            s.Send(s.H.Province("emergency.start", "{\"duration\":5,\"lines\":[0,1],\"source\":1}"));
            s.Run(6000);
            Assert.AreEqual(0, s.Relays.On, "the emergency ended");

            Assert.IsTrue(s.Push(UpdateStation.Image("1.1.0")));
            Assert.AreEqual("update-commit", s.RestartReason, "a restart once the commit's result was out");
            Assert.AreEqual(0, s.OutputsOnAtRestart);

            s.Restart();
            Assert.AreEqual(0, s.BootedSlot, "the new slot on trial");
            Assert.AreEqual("1.1.0", s.Manager.RunningVersion);
            Assert.AreEqual(UpdateState.Trial, s.Manager.State);
            s.Run(1500);
            Assert.AreEqual(UpdateState.Idle, s.Manager.State, "the first health after the connect proved it");
            Assert.AreEqual(UpdateOutcome.Committed, s.Manager.LastOutcome);
            s.Run(500);
            Assert.AreEqual(1, s.Count("event", "\"kind\":\"update-committed\",\"version\":\"1.1.0\",\"reason\":\"none\""));
            Assert.IsTrue(s.Last("state").IndexOf("\"fw\":\"1.1.0\"") > 0, s.Last("state"));
            Assert.IsFalse(s.Manager.EventPending, "reported once the event queue holding it was on flash");
            s.H.Endpoint.RequestStatus();
            s.Run(250);
            string health = s.Last("health");
            Assert.IsTrue(health.EndsWith(",\"update\":{\"running\":\"1.1.0\",\"state\":\"idle\",\"pending\":null,\"last\":{\"outcome\":\"committed\",\"reason\":\"none\",\"version\":\"1.1.0\"}}}"), health);

            s.Restart();
            s.Run(2000);
            Assert.AreEqual(1, s.Count("event", "update-committed"), "reported once, not again after a restart");
            Assert.AreEqual(0, s.BootedSlot);
        }

        [TestMethod]
        public void BadImage_NeverConnectsOnTrial_RolledBackAfterProveTimeRestartsIntoOldVersionReports()
        {
            UpdateRuntimeStation s = new UpdateRuntimeStation();
            s.Settings.ProveWithinMs = 60000;
            s.Settings.SaveTrialEveryMs = 10000;
            s.Run(1000);
            Assert.IsTrue(s.Push(UpdateStation.Image("1.1.0")));
            s.Restart();
            Assert.AreEqual("1.1.0", s.Manager.RunningVersion);

            // The bad version never connects (its transport fails every attempt): it cannot prove itself.
            s.Transport.FailConnects = true;
            s.Run(30000);
            Assert.IsNull(s.RestartReason, "still within the prove time");
            Assert.AreEqual(UpdateState.Trial, s.Manager.State);
            s.Restart();
            s.Transport.FailConnects = true;
            Assert.AreEqual(0, s.BootedSlot, "a second boot of the trial, its time counted across the reboot");
            s.Run(39000);
            Assert.AreEqual(UpdateState.Trial, s.Manager.State, "20 s counted before the restart (saved every 10 s), 39 s since: not yet 60 s");
            s.Run(2000);
            Assert.AreEqual(UpdateState.Idle, s.Manager.State, "rolled back at 60 s on trial");
            Assert.AreEqual("update-rollback", s.RestartReason, "at once: no connection could take anything out first");
            Assert.AreEqual(0, s.OutputsOnAtRestart);
            Assert.AreEqual(UpdateOutcome.RolledBack, s.Manager.LastOutcome);
            Assert.AreEqual(UpdateReason.NotHealthy, s.Manager.LastReason);

            s.Restart();
            Assert.AreEqual(UpdateManager.BuiltIn, s.BootedSlot);
            Assert.AreEqual("1.0.0", s.Manager.RunningVersion);
            s.Run(1500);
            Assert.AreEqual(1, s.Count("event", "\"kind\":\"update-rolled-back\",\"version\":\"1.1.0\",\"reason\":\"not-healthy\""));
            s.H.Endpoint.RequestStatus();
            s.Run(250);
            Assert.IsTrue(s.Last("health").IndexOf("\"update\":{\"running\":\"1.0.0\",\"state\":\"idle\",\"pending\":null,\"last\":{\"outcome\":\"rolled-back\",\"reason\":\"not-healthy\",\"version\":\"1.1.0\"}}") > 0, s.Last("health"));
            Assert.IsNull(s.Files.Content(UpdateManager.SlotFile(0, "App0.pe")), "the bad version's files are deleted");
        }

        [TestMethod]
        public void Commit_DuringEmergency_RestartWaitsUntilTheEmergencyIsOver()
        {
            UpdateRuntimeStation s = new UpdateRuntimeStation();
            s.Run(1000);
            s.Send(s.H.Province("emergency.start", "{\"duration\":20,\"lines\":[0,1],\"source\":1}"));
            s.Run(3000);
            Assert.AreNotEqual(0, s.Relays.On, "speakers on");

            Assert.IsTrue(s.Push(UpdateStation.Image("1.1.0")), "a whole transfer while the emergency plays");
            Assert.IsNull(s.RestartReason);
            Assert.AreNotEqual(0, s.Relays.On, "the emergency keeps the speakers");
            s.Run(10000);
            Assert.IsNull(s.RestartReason, "no restart while the emergency is on air");
            s.Run(15000);
            Assert.AreEqual("update-commit", s.RestartReason);
            Assert.AreEqual(0, s.OutputsOnAtRestart);
        }

        [TestMethod]
        public void Commit_ResultStuckInOutbox_RestartAfterTheGraceTime()
        {
            UpdateRuntimeStation s = new UpdateRuntimeStation();
            s.Run(1000);
            UpdateImage image = UpdateStation.Image("1.1.0");
            s.Send(s.H.Province("update.begin", UpdateStation.BeginArgs(image)));
            for (int i = 0; i < image.ChunkCount; i++)
            {
                int file;
                int offset;
                image.Locate(i, out file, out offset);
                s.Send(s.H.Province("update.chunk", UpdateStation.ChunkArgs(image, file, offset)));
            }

            s.Transport.RefusePublish = true;
            s.Send(s.H.Province("update.commit", "{\"version\":\"1.1.0\"}"));
            Assert.AreEqual(UpdateState.Trial, s.Manager.State);
            s.Run(9500);
            Assert.IsNull(s.RestartReason, "waiting for the result to go out");
            s.Run(750);
            Assert.AreEqual("update-commit", s.RestartReason, "not for ever: 10 s at most");
        }

        [TestMethod]
        public void Healthy_NotOnTrial_NoRestartNoEvent()
        {
            UpdateRuntimeStation s = new UpdateRuntimeStation();
            s.Run(3000);
            s.H.Endpoint.RequestStatus();
            s.Run(500);
            Assert.IsNull(s.RestartReason);
            Assert.AreEqual(0, s.Count("event", "update-"));
            Assert.IsTrue(s.Last("health").IndexOf("\"update\":{\"running\":\"1.0.0\",\"state\":\"idle\",\"pending\":null,\"last\":null}") > 0, s.Last("health"));
        }
    }
}
