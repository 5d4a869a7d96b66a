using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>update.begin / update.chunk / update.commit through the command pass (docs/protocol.md §8).</summary>
    [TestClass]
    public class UpdateCommandTests
    {
        private const string Mac = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        private static string Accepted(string id, string progress)
        {
            string plain = EndpointHarness.Accepted(id);
            return plain.Substring(0, plain.Length - 1) + progress;
        }

        private static string Refused(string id, string reason, string field, string progress)
        {
            string plain = EndpointHarness.Refused(id, reason, field);
            return plain.Substring(0, plain.Length - 1) + progress;
        }

        [TestMethod]
        public void Transfer_ThroughCommands_VerifiedCommittedResultsCarryProgress()
        {
            UpdateStation s = new UpdateStation();
            UpdateImage image = UpdateStation.Image("1.1.0");
            Assert.AreEqual(UpdateState.Idle, s.Manager.State);

            string begin = s.Begin(image);
            StringAssertEndsWith(begin, UpdateStation.Progress("receiving", "1.0.0", "1.1.0", 0, 0));
            StringAssertStartsWith(begin, "{\"id\":\"c-" + s.H.Counter + "\",\"station\":\"ht-ab-001\",\"result\":\"accepted\"");
            Assert.AreEqual(Accepted("c-" + (s.H.Counter + 1), UpdateStation.Progress("receiving", "1.0.0", "1.1.0", 0, 512)), s.Chunk(image, 0));
            for (int i = 1; i < image.ChunkCount - 1; i++)
            {
                Assert.IsTrue(s.Chunk(image, i).IndexOf("\"result\":\"accepted\"") > 0, "chunk " + i);
            }

            Assert.AreEqual(Accepted("c-" + (s.H.Counter + 1), UpdateStation.Progress("verified", "1.0.0", "1.1.0", 0, 0)), s.Chunk(image, image.ChunkCount - 1));
            Assert.AreEqual(Accepted("c-" + (s.H.Counter + 1), UpdateStation.Progress("trial", "1.0.0", "1.1.0", 0, 0)), s.Commit("1.1.0"));
            Assert.IsTrue(s.Manager.RebootRequested);

            s.Restart();
            Assert.AreEqual(0, s.BootedSlot);
            s.Manager.Healthy();
            Assert.AreEqual("1.1.0", s.Manager.RunningVersion);
            Assert.AreEqual(UpdateOutcome.Committed, s.Manager.LastOutcome);
        }

        [TestMethod]
        public void Begin_IssuerWithoutUpdateRight_RefusedNotAuthorizedNothingStarted()
        {
            UpdateStation s = new UpdateStation();
            UpdateImage image = UpdateStation.Image("1.1.0");
            CommandBuilder commune = s.H.Commune("update.begin", UpdateStation.BeginArgs(image));
            Assert.AreEqual(Refused(commune.Id, "not-authorized", "cmd", UpdateStation.Progress("idle", "1.0.0", null, 0, 0)), s.H.Send(commune));
            CommandBuilder national = s.H.National("update.begin", UpdateStation.BeginArgs(image));
            Assert.AreEqual(Refused(national.Id, "not-authorized", "cmd", UpdateStation.Progress("idle", "1.0.0", null, 0, 0)), s.H.Send(national), "even a national key needs the right");
            Assert.AreEqual(UpdateState.Idle, s.Manager.State);
            Assert.AreEqual(0, s.Files.Count);
        }

        [TestMethod]
        public void Update_StationWithoutUpdateStorage_RefusedNoUpdateWithoutProgress()
        {
            UpdateStation s = new UpdateStation();
            s.H.Endpoint.Update = null;
            CommandBuilder b = s.H.Province("update.commit", "{\"version\":\"1.1.0\"}");
            Assert.AreEqual(EndpointHarness.Refused(b.Id, "no-update", null), s.H.Send(b));
        }

        [TestMethod]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"App.pe\",\"size\":1000}],\"chunk\":100,\"mac\":\"" + Mac + "\"}", "invalid-manifest", "args.chunk")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"a/b.pe\",\"size\":1000}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-manifest", "args.files")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"App.pe\",\"size\":0}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-manifest", "args.files")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-manifest", "args.files")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"A.pe\",\"size\":9},{\"name\":\"A.pe\",\"size\":9}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-manifest", "args.files")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"App.pe\",\"size\":\"1000\"}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-field", "args.files.size")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"size\":1000}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-field", "args.files.name")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"App.pe\",\"size\":1,\"crc\":1}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "unknown-field", "args.files.crc")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"App.pe\",\"size\":1000}],\"chunk\":512,\"mac\":\"abcd\"}", "invalid-field", "args.mac")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":[{\"name\":\"App.pe\",\"size\":1000}],\"chunk\":512}", "invalid-field", "args.mac")]
        [DataRow("{\"version\":\"1.1.0 beta\",\"files\":[{\"name\":\"App.pe\",\"size\":1000}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-field", "args.version")]
        [DataRow("{\"version\":\"1.0.0\",\"files\":[{\"name\":\"App.pe\",\"size\":1000}],\"chunk\":512,\"mac\":\"" + Mac + "\"}", "already-running", "args.version")]
        [DataRow("{\"version\":\"1.1.0\",\"files\":{\"name\":\"App.pe\"},\"chunk\":512,\"mac\":\"" + Mac + "\"}", "invalid-field", "args.files")]
        public void Begin_BadManifest_RefusedOnItsPath(string args, string reason, string field)
        {
            UpdateStation s = new UpdateStation();
            CommandBuilder b = s.H.Province("update.begin", args);
            Assert.AreEqual(Refused(b.Id, reason, field, UpdateStation.Progress("idle", "1.0.0", null, 0, 0)), s.H.Send(b));
            Assert.AreEqual(UpdateState.Idle, s.Manager.State);
        }

        [TestMethod]
        public void Chunk_DuplicateReorderedMalformedOrForeign_AcknowledgedOrRefusedProgressKept()
        {
            UpdateStation s = new UpdateStation();
            s.H.Endpoint.Keys.Find("vn").MayUpdate = true;
            UpdateImage image = UpdateStation.Image("1.1.0");
            s.Begin(image);
            s.Chunk(image, 0);
            string at512 = UpdateStation.Progress("receiving", "1.0.0", "1.1.0", 0, 512);

            Assert.AreEqual(Accepted("c-" + (s.H.Counter + 1), at512), s.Chunk(image, 0), "a duplicate is acknowledged");
            Assert.AreEqual(Refused("c-" + (s.H.Counter + 1), "out-of-order", "args.offset", at512), s.Chunk(image, 2));
            Assert.AreEqual(Refused("c-" + (s.H.Counter + 1), "out-of-order", "args.file", at512), s.Chunk(image, 3));
            CommandBuilder b = s.H.Province("update.chunk", UpdateStation.ChunkArgs("1.1.0", 0, 100, "AAAA"));
            Assert.AreEqual(Refused(b.Id, "invalid-chunk", "args.offset", at512), s.H.Send(b));
            b = s.H.Province("update.chunk", UpdateStation.ChunkArgs("1.1.0", 0, 512, "AAAA"));
            Assert.AreEqual(Refused(b.Id, "invalid-chunk", "args.data", at512), s.H.Send(b), "3 bytes where 512 are due");
            b = s.H.Province("update.chunk", UpdateStation.ChunkArgs("1.1.0", 5, 0, "AAAA"));
            Assert.AreEqual(Refused(b.Id, "invalid-chunk", "args.file", at512), s.H.Send(b));
            b = s.H.Province("update.chunk", UpdateStation.ChunkArgs("1.1.0", 0, 512, "AA=A"));
            Assert.AreEqual(Refused(b.Id, "invalid-field", "args.data", at512), s.H.Send(b), "not base64");
            b = s.H.Province("update.chunk", UpdateStation.ChunkArgs("1.2.0", 0, 512, "AAAA"));
            Assert.AreEqual(Refused(b.Id, "wrong-version", "args.version", at512), s.H.Send(b));
            b = s.H.National("update.chunk", UpdateStation.ChunkArgs(image, 0, 512));
            Assert.AreEqual(Refused(b.Id, "wrong-issuer", "iss", at512), s.H.Send(b), "another issuer, even one with the right");

            b = s.H.Province("update.chunk", UpdateStation.ChunkArgs(image, 0, 512));
            b.Key = EndpointHarness.NationalKey;
            Assert.AreEqual(Refused(b.Id, "bad-signature", "sig", at512), s.H.Send(b), "forged: signed with another key");
            Assert.AreEqual(512L, s.Manager.ReceivedBytes, "a forged chunk counts for nothing");

            for (int i = 1; i < image.ChunkCount; i++)
            {
                Assert.IsTrue(s.Chunk(image, i).IndexOf("\"result\":\"accepted\"") > 0, "chunk " + i);
            }

            Assert.AreEqual(UpdateState.Verified, s.Manager.State);
        }

        [TestMethod]
        public void Chunk_AuthenticButNotTheImageMac_LastChunkImageMismatchDiscarded()
        {
            UpdateStation s = new UpdateStation();
            UpdateImage image = UpdateStation.Image("1.1.0");
            s.Begin(image);
            for (int i = 0; i < image.ChunkCount - 1; i++)
            {
                s.Chunk(image, i);
            }

            int file;
            int offset;
            image.Locate(image.ChunkCount - 1, out file, out offset);
            byte[] tampered = new byte[image.LengthAt(file, offset)];
            System.Array.Copy(image.Files[file], offset, tampered, 0, tampered.Length);
            tampered[5] ^= 1;
            CommandBuilder b = s.H.Province("update.chunk", UpdateStation.ChunkArgs("1.1.0", file, offset, System.Convert.ToBase64String(tampered)));
            Assert.AreEqual(Refused(b.Id, "image-mismatch", null, UpdateStation.Progress("idle", "1.0.0", null, 0, 0)), s.H.Send(b));
            Assert.AreEqual(UpdateOutcome.Discarded, s.Manager.LastOutcome);
            Assert.AreEqual(0, s.Files.Count, "the received files are deleted");
            Assert.IsTrue(s.Commit("1.1.0").IndexOf("\"reason\":\"no-update\"") > 0);
        }

        [TestMethod]
        public void Begin_StorageFull_RefusedRunningVersionUntouched()
        {
            UpdateStation s = new UpdateStation();
            s.Files.CapacityBytes = 1000;
            UpdateImage image = UpdateStation.Image("1.1.0");
            string r = s.Begin(image);
            Assert.AreEqual(Refused("c-" + s.H.Counter, "storage-full", "args.files", UpdateStation.Progress("idle", "1.0.0", null, 0, 0)), r);
            Assert.AreEqual(0, s.Files.Count);
            s.Restart();
            Assert.AreEqual(UpdateManager.BuiltIn, s.BootedSlot);
            Assert.AreEqual("1.0.0", s.Manager.RunningVersion);
        }

        [TestMethod]
        public void Chunk_DriveFullsMidway_RefusedStorageFullResumableRunningUntouched()
        {
            UpdateStation s = new UpdateStation();
            UpdateImage image = UpdateStation.Image("1.1.0");
            s.Begin(image);
            s.Chunk(image, 0);
            s.Files.CapacityBytes = 700;
            Assert.IsTrue(s.Chunk(image, 1).IndexOf("\"reason\":\"storage-full\"") > 0);
            Assert.AreEqual(512L, s.Manager.ReceivedBytes);
            s.Files.CapacityBytes = 1024 * 1024;
            for (int i = 1; i < image.ChunkCount; i++)
            {
                Assert.IsTrue(s.Chunk(image, i).IndexOf("\"result\":\"accepted\"") > 0, "chunk " + i);
            }

            Assert.AreEqual(UpdateState.Verified, s.Manager.State);
            Assert.AreEqual("1.0.0", s.Manager.RunningVersion);
        }

        [TestMethod]
        public void Commit_BeforeLastChunkOrWrongVersion_Refused()
        {
            UpdateStation s = new UpdateStation();
            UpdateImage image = UpdateStation.Image("1.1.0");
            s.Begin(image);
            s.Chunk(image, 0);
            string at512 = UpdateStation.Progress("receiving", "1.0.0", "1.1.0", 0, 512);
            Assert.AreEqual(Refused("c-" + (s.H.Counter + 1), "not-verified", null, at512), s.Commit("1.1.0"));
            Assert.AreEqual(Refused("c-" + (s.H.Counter + 1), "wrong-version", "args.version", at512), s.Commit("1.2.0"));
            Assert.IsFalse(s.Manager.RebootRequested);
        }

        [TestMethod]
        public void Emergency_MidTransfer_AcceptedRelaysOnTransferContinues()
        {
            UpdateStation s = new UpdateStation();
            UpdateImage image = UpdateStation.Image("1.1.0");
            s.Begin(image);
            s.Chunk(image, 0);
            s.Chunk(image, 1);

            CommandBuilder start = s.H.Province("emergency.start", "{\"duration\":600,\"lines\":[0,1],\"source\":1}");
            Assert.AreEqual(EndpointHarness.Accepted(start.Id), s.H.Send(start), "an emergency's result has no update member");
            Assert.IsTrue(s.Chunk(image, 2).IndexOf("\"result\":\"accepted\"") > 0, "chunks keep streaming");
            s.H.Station.Run(2500);
            Assert.IsTrue(s.H.Station.Core.Relays.Delivering, "speakers on within 3 s with a transfer half-way");
            for (int i = 3; i < image.ChunkCount; i++)
            {
                Assert.IsTrue(s.Chunk(image, i).IndexOf("\"result\":\"accepted\"") > 0, "chunk " + i);
            }

            Assert.AreEqual(UpdateState.Verified, s.Manager.State);
            Assert.IsTrue(s.H.Station.Core.Relays.Delivering);
        }

        private static void StringAssertEndsWith(string text, string end)
        {
            Assert.IsTrue(text != null && text.EndsWith(end), text + " should end with " + end);
        }

        private static void StringAssertStartsWith(string text, string start)
        {
            Assert.IsTrue(text != null && text.StartsWith(start), text + " should start with " + start);
        }
    }
}
