using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>
    /// docs/protocol.md §8 at every instant, through the command path: a whole transfer (begin, every chunk, commit) runs
    /// on a persistent station whose power fails at its k-th flash write — records (replay counters, the update record)
    /// and slot files alike, the write torn — for every k. The station then boots from what the flash holds and the
    /// sender resumes as radioctl does: begin again, then the chunks from the one each result asks for, then commit.
    /// Every run ends with the new version proven and the slot holding exactly the image; the running version is never
    /// touched before the commit.
    /// </summary>
    [TestClass]
    public class UpdatePowerCutTests
    {
        private static readonly UpdateImage Image = UpdateStation.Image("1.1.0");

        // Sends until the commit is accepted (true) or the power fails (false).
        private static bool Push(UpdateStation s)
        {
            string r = s.Begin(Image);
            if (s.Power.Off)
            {
                return false;
            }

            if (r.IndexOf("\"reason\":\"update-in-trial\"") > 0)
            {
                return true;
            }

            Assert.IsTrue(r.IndexOf("\"result\":\"accepted\"") > 0, r);
            for (int guard = 0; guard < 100 && r.IndexOf("\"state\":\"receiving\"") > 0; guard++)
            {
                r = s.Chunk(Image, UpdateStation.NextIndex(Image, r));
                if (s.Power.Off)
                {
                    return false;
                }

                Assert.IsTrue(r.IndexOf("\"result\":\"accepted\"") > 0 || r.IndexOf("\"reason\":\"storage-full\"") > 0, r);
            }

            Assert.IsTrue(r.IndexOf("\"state\":\"verified\"") > 0, r);
            r = s.Commit("1.1.0");
            return !s.Power.Off && r.IndexOf("\"result\":\"accepted\"") > 0;
        }

        private static bool SlotHolds(UpdateStation s, int slot)
        {
            for (int f = 0; f < Image.Files.Length; f++)
            {
                byte[] held = s.Files.Content(UpdateManager.SlotFile(slot, Image.Manifest.Names[f]));
                if (held == null || held.Length != Image.Files[f].Length)
                {
                    return false;
                }

                for (int i = 0; i < held.Length; i++)
                {
                    if (held[i] != Image.Files[f][i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        [TestMethod]
        public void Transfer_PowerCutAtEveryWrite_ResumesAndEndsWithTheImageProven()
        {
            UpdateStation whole = new UpdateStation();
            int bootWrites = whole.Power.Writes;
            Assert.IsTrue(Push(whole));
            int writes = whole.Power.Writes - bootWrites;
            Assert.IsTrue(writes > Image.ChunkCount * 2, "a counter, a chunk and the progress per chunk: " + writes);
            OutputHelper.WriteLine("a transfer of " + Image.ChunkCount + " chunks makes " + writes + " flash writes; the power is cut at each in turn");

            for (int k = 0; k <= writes; k++)
            {
                UpdateStation s = new UpdateStation();
                s.Power.WritesLeft = k;
                bool committed = Push(s);
                Assert.AreEqual(k == writes, committed, "cut at write " + k);
                s.Restart();
                if (k > 0)
                {
                    // Write 0 is the keyring's first ever (the begin's counter): torn, it has no previous copy to fall
                    // back to, and nothing of the command was applied. Every later torn record keeps its previous copy.
                    Assert.IsFalse(s.H.Boot.Corrupt, "cut at write " + k + ": a torn record keeps its previous copy");
                    Assert.IsTrue(s.H.Boot.KeysRestored, "cut at write " + k + ": the replay counters survive");
                }
                if (s.Manager.State != UpdateState.Trial)
                {
                    Assert.AreEqual(UpdateManager.BuiltIn, s.BootedSlot, "cut at write " + k + ": the running version untouched");
                    Assert.AreEqual("1.0.0", s.Manager.RunningVersion);
                    Assert.IsTrue(Push(s), "cut at write " + k + ": the resumed transfer");
                    s.Restart();
                }

                Assert.AreEqual(0, s.BootedSlot, "cut at write " + k);
                s.Manager.Healthy();
                Assert.AreEqual("1.1.0", s.Manager.RunningVersion, "cut at write " + k);
                Assert.IsTrue(SlotHolds(s, 0), "cut at write " + k);
            }
        }

        [TestMethod]
        public void Transfer_PowerCutMidway_ResumesAtTheNextChunkNotFromTheStart()
        {
            UpdateStation s = new UpdateStation();
            s.Begin(Image);
            s.Chunk(Image, 0);
            s.Chunk(Image, 1);
            s.Power.WritesLeft = 1;
            s.Chunk(Image, 2);
            Assert.IsTrue(s.Power.Off);
            s.Restart();
            string r = s.Begin(Image);
            Assert.AreEqual(2, UpdateStation.NextIndex(Image, r), r);
            Assert.AreEqual(1024L, s.Manager.ReceivedBytes);
        }
    }
}
