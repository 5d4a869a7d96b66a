using CommuneRadio.Core.Update;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Update
{
    [TestClass]
    public class UpdateManagerTests
    {
        private static UpdateImage Image(string version)
        {
            return new UpdateImage(version, 512, new int[] { 1300, 512, 77 }, version.Length * 31 + version[version.Length - 1]);
        }

        [TestMethod]
        public void Install_InOrder_NewSlotActiveAfterTrialProvesHealthy()
        {
            UpdateRig rig = new UpdateRig();
            Assert.AreEqual(UpdateManager.BuiltIn, rig.BootedSlot);
            UpdateImage image = Image("1.1.0");

            rig.Receive(image);
            Assert.AreEqual(UpdateReason.None, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));
            Assert.IsTrue(rig.Manager.RebootRequested);
            Assert.AreEqual(UpdateState.Trial, rig.Manager.State);
            Assert.AreEqual("1.0.0", rig.Manager.RunningVersion);

            rig.Restart();
            Assert.AreEqual(0, rig.BootedSlot);
            Assert.AreEqual("1.1.0", rig.Manager.RunningVersion);
            Assert.AreEqual("1.1.0", rig.Manager.PendingVersion);
            rig.Manager.Healthy();

            Assert.AreEqual(UpdateState.Idle, rig.Manager.State);
            Assert.AreEqual(UpdateOutcome.Committed, rig.Manager.LastOutcome);
            Assert.IsTrue(rig.Manager.EventPending);
            Assert.IsNull(rig.Manager.PendingVersion);
            Assert.IsTrue(rig.SlotHolds(0, image));
            rig.Restart();
            Assert.AreEqual(0, rig.BootedSlot, "the proven slot stays active");
            Assert.AreEqual("1.1.0", rig.Manager.RunningVersion);
            Assert.AreEqual(3, rig.Manager.FilesOf(0).Length);
        }

        [TestMethod]
        public void Install_Twice_AlternatesSlotsAndFreesTheOldOne()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage first = Image("1.1.0");
            UpdateImage second = Image("1.2.0");
            rig.Install(first);
            rig.Install(second);

            rig.Restart();
            Assert.AreEqual(1, rig.BootedSlot);
            Assert.IsTrue(rig.SlotHolds(1, second));
            Assert.IsNull(rig.Files.Content(UpdateManager.SlotFile(0, "App0.pe")), "the previous version's files are deleted once the new one proved itself");
        }

        [TestMethod]
        public void Chunk_DuplicateMissingOrForged_AcknowledgedOrRefusedProgressKept()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage image = Image("1.1.0");
            UpdateManager m = rig.Manager;
            Assert.AreEqual(UpdateReason.None, m.Begin(image.Manifest, "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.None, image.Send(m, 0));

            Assert.AreEqual(UpdateReason.AlreadyReceived, image.Send(m, 0), "duplicate");
            Assert.AreEqual(UpdateReason.OutOfOrder, image.Send(m, 2), "chunk 1 missing");
            Assert.AreEqual(0, m.NextFile);
            Assert.AreEqual(512, m.NextOffset);
            Assert.AreEqual(UpdateReason.WrongIssuer, m.Chunk("1.1.0", "commune", UpdateImage.Key, 0, 512, image.Files[0], 512, 512));
            Assert.AreEqual(UpdateReason.WrongVersion, m.Chunk("1.1.1", "province", UpdateImage.Key, 0, 512, image.Files[0], 512, 512));
            Assert.AreEqual(UpdateReason.InvalidChunk, m.Chunk("1.1.0", "province", UpdateImage.Key, 0, 512, image.Files[0], 512, 100), "short chunk");
            Assert.AreEqual(UpdateReason.InvalidChunk, m.Chunk("1.1.0", "province", UpdateImage.Key, 0, 100, image.Files[0], 100, 512), "unaligned");
            Assert.AreEqual(UpdateReason.InvalidChunk, m.Chunk("1.1.0", "province", UpdateImage.Key, 3, 0, image.Files[0], 0, 512), "no such file");
            Assert.AreEqual(512L, m.ReceivedBytes);

            for (int i = 1; i < image.ChunkCount; i++)
            {
                Assert.AreEqual(UpdateReason.None, image.Send(m, i));
            }

            Assert.AreEqual(UpdateState.Verified, m.State);
            Assert.AreEqual(UpdateReason.AlreadyReceived, image.Send(m, 1), "late duplicate after verification");
        }

        [TestMethod]
        public void Chunk_BytesOfAnotherBuild_ImageMismatchDiscardsTransferRunningUntouched()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage good = Image("1.1.0");
            UpdateImage other = new UpdateImage("1.1.0", 512, new int[] { 1300, 512, 77 }, 999);
            UpdateManager m = rig.Manager;
            Assert.AreEqual(UpdateReason.None, m.Begin(good.Manifest, "province", UpdateImage.Key));
            for (int i = 0; i < good.ChunkCount - 1; i++)
            {
                Assert.AreEqual(UpdateReason.None, (i == 2 ? other : good).Send(m, i));
            }

            Assert.AreEqual(UpdateReason.ImageMismatch, good.Send(m, good.ChunkCount - 1));
            Assert.AreEqual(UpdateState.Idle, m.State);
            Assert.AreEqual(UpdateOutcome.Discarded, m.LastOutcome);
            Assert.AreEqual(UpdateReason.ImageMismatch, m.LastReason);
            Assert.AreEqual(0, rig.Files.Count, "the received files are deleted");
            Assert.AreEqual(UpdateReason.NoUpdate, m.Commit("1.1.0", "province", UpdateImage.Key));
            Assert.AreEqual(UpdateManager.BuiltIn, rig.Restart() == null ? 0 : rig.BootedSlot);
        }

        [TestMethod]
        public void Commit_FlashCorruptedAfterVerification_FlashMismatchNothingCommitted()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage image = Image("1.1.0");
            rig.Receive(image);
            rig.Files.Corrupt(UpdateManager.SlotFile(0, "App1.pe"), 100);

            Assert.AreEqual(UpdateReason.FlashMismatch, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));
            Assert.AreEqual(UpdateState.Idle, rig.Manager.State);
            Assert.IsFalse(rig.Manager.RebootRequested);
            rig.Restart();
            Assert.AreEqual(UpdateManager.BuiltIn, rig.BootedSlot);
        }

        [TestMethod]
        public void Commit_BeforeEveryChunk_NotVerified()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage image = Image("1.1.0");
            Assert.AreEqual(UpdateReason.NoUpdate, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.None, rig.Manager.Begin(image.Manifest, "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.None, image.Send(rig.Manager, 0));

            Assert.AreEqual(UpdateReason.NotVerified, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.WrongIssuer, rig.Manager.Commit("1.1.0", "national", UpdateImage.Key));
            Assert.AreEqual(UpdateState.Receiving, rig.Manager.State);
        }

        [TestMethod]
        public void Begin_BadManifestRunningVersionOrTooLarge_RefusedNothingChanges()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage image = Image("1.1.0");
            UpdateManifest bad = image.ManifestWith(new string[] { "../App.pe", "b", "c" }, image.Manifest.Sizes, image.Manifest.ImageMac);
            Assert.AreEqual(UpdateReason.InvalidManifest, rig.Manager.Begin(bad, "province", UpdateImage.Key));
            Assert.AreEqual("args.files", bad.Check());
            Assert.AreEqual(UpdateReason.AlreadyRunning, rig.Manager.Begin(Image("1.0.0").Manifest, "province", UpdateImage.Key));
            rig.Files.CapacityBytes = 1000;
            Assert.AreEqual(UpdateReason.StorageFull, rig.Manager.Begin(image.Manifest, "province", UpdateImage.Key));
            Assert.AreEqual(UpdateState.Idle, rig.Manager.State);
            Assert.AreEqual(0, rig.Records.TotalWrites(), "a refused begin writes nothing");
        }

        [TestMethod]
        public void Chunk_DriveFillsMidTransfer_StorageFullThenResumesWhenThereIsRoom()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage image = Image("1.1.0");
            Assert.AreEqual(UpdateReason.None, rig.Manager.Begin(image.Manifest, "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.None, image.Send(rig.Manager, 0));
            rig.Files.CapacityBytes = 700;

            Assert.AreEqual(UpdateReason.StorageFull, image.Send(rig.Manager, 1));
            Assert.AreEqual(512, rig.Manager.NextOffset);
            rig.Files.CapacityBytes = 1024 * 1024;
            for (int i = 1; i < image.ChunkCount; i++)
            {
                Assert.AreEqual(UpdateReason.None, image.Send(rig.Manager, i));
            }

            Assert.AreEqual(UpdateState.Verified, rig.Manager.State);
        }

        [TestMethod]
        public void Begin_DuringTrial_RefusedAnotherVersionReplacesATransfer()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage first = Image("1.1.0");
            UpdateImage second = Image("1.2.0");
            Assert.AreEqual(UpdateReason.None, rig.Manager.Begin(first.Manifest, "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.None, first.Send(rig.Manager, 0));
            Assert.AreEqual(UpdateReason.None, rig.Manager.Begin(first.Manifest, "province", UpdateImage.Key), "the same version resumes");
            Assert.AreEqual(512, rig.Manager.NextOffset);

            rig.Receive(second);
            Assert.AreEqual(UpdateReason.None, rig.Manager.Commit("1.2.0", "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.InTrial, rig.Manager.Begin(first.Manifest, "province", UpdateImage.Key));
            Assert.AreEqual(UpdateReason.AlreadyReceived, rig.Manager.Commit("1.2.0", "province", UpdateImage.Key), "a repeated commit");
        }

        [TestMethod]
        public void Trial_NeverHealthy_RolledBackWhenProveTimeSpentAcrossReboots()
        {
            UpdateRig rig = new UpdateRig();
            rig.Settings.ProveWithinMs = 120000;
            rig.Settings.SaveTrialEveryMs = 10000;
            rig.Settings.MaxTrialBoots = 10;
            rig.Install(Image("1.1.0"));
            UpdateImage bad = Image("1.2.0");
            rig.Receive(bad);
            Assert.AreEqual(UpdateReason.None, rig.Manager.Commit("1.2.0", "province", UpdateImage.Key));

            rig.Restart();
            Assert.AreEqual(1, rig.BootedSlot);
            for (long t = 0; t <= 90000; t += 1000)
            {
                rig.Manager.Tick(t);
            }

            Assert.AreEqual(UpdateState.Trial, rig.Manager.State);
            rig.Restart();
            Assert.AreEqual(1, rig.BootedSlot, "90 s spent of 120: another boot on trial");
            for (long t = 0; t <= 40000 && !rig.Manager.RebootRequested; t += 1000)
            {
                rig.Manager.Tick(t);
            }

            Assert.IsTrue(rig.Manager.RebootRequested);
            Assert.AreEqual(UpdateOutcome.RolledBack, rig.Manager.LastOutcome);
            Assert.AreEqual(UpdateReason.NotHealthy, rig.Manager.LastReason);
            Assert.AreEqual("1.2.0", rig.Manager.LastVersion);
            rig.Restart();
            Assert.AreEqual(0, rig.BootedSlot);
            Assert.AreEqual("1.1.0", rig.Manager.RunningVersion);
            Assert.IsTrue(rig.Manager.EventPending, "the rollback is reported after the restart");
            rig.Manager.EventReported();
            rig.Restart();
            Assert.IsFalse(rig.Manager.EventPending);
        }

        [TestMethod]
        public void Trial_RebootsBeforeHealthy_RolledBackAfterMaxBootsNeverABootLoop()
        {
            UpdateRig rig = new UpdateRig();
            UpdateImage image = Image("1.1.0");
            rig.Receive(image);
            Assert.AreEqual(UpdateReason.None, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));

            for (int boot = 1; boot <= rig.Settings.MaxTrialBoots; boot++)
            {
                rig.Restart();
                Assert.AreEqual(0, rig.BootedSlot, "trial boot " + boot);
            }

            rig.Restart();
            Assert.AreEqual(UpdateManager.BuiltIn, rig.BootedSlot);
            Assert.AreEqual(UpdateReason.BootFailed, rig.Manager.LastReason);
            Assert.AreEqual("1.0.0", rig.Manager.RunningVersion);
            Assert.IsNull(rig.Files.Content(UpdateManager.SlotFile(0, "App0.pe")));
        }

        [TestMethod]
        public void LoadFailed_OnTrialSlot_RolledBackToActive()
        {
            UpdateRig rig = new UpdateRig();
            rig.Receive(Image("1.1.0"));
            Assert.AreEqual(UpdateReason.None, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));
            rig.Restart();

            Assert.AreEqual(UpdateManager.BuiltIn, rig.Manager.LoadFailed());
            Assert.AreEqual(UpdateReason.LoadFailed, rig.Manager.LastReason);
            Assert.IsTrue(rig.Manager.RebootRequested);
            rig.Restart();
            Assert.AreEqual(UpdateManager.BuiltIn, rig.BootedSlot);
        }

        [TestMethod]
        public void Attach_ApplicationAfterLoader_SeesTheTrialWithoutCountingABoot()
        {
            UpdateRig rig = new UpdateRig();
            rig.Receive(Image("1.1.0"));
            Assert.AreEqual(UpdateReason.None, rig.Manager.Commit("1.1.0", "province", UpdateImage.Key));
            rig.Restart();
            int writes = rig.Records.TotalWrites();

            UpdateManager app = new UpdateManager(new CommuneRadio.Core.Persistence.RecordStore(rig.Records), rig.Files, "1.0.0", rig.Settings);
            app.Attach(rig.BootedSlot);

            Assert.AreEqual(writes, rig.Records.TotalWrites(), "attaching writes nothing");
            Assert.AreEqual("1.1.0", app.RunningVersion);
            app.Healthy();
            Assert.AreEqual(UpdateOutcome.Committed, app.LastOutcome);
        }

        [TestMethod]
        public void Boot_RecordCorrupted_BuiltInApplication()
        {
            UpdateRig rig = new UpdateRig();
            rig.Install(Image("1.1.0"));
            rig.Records.Put("update.a", new byte[] { 1, 2, 3 });
            rig.Records.Put("update.b", new byte[] { 4, 5, 6 });

            rig.Restart();
            Assert.AreEqual(UpdateManager.BuiltIn, rig.BootedSlot);
            Assert.AreEqual("1.0.0", rig.Manager.RunningVersion);
        }
    }
}
