using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Update
{
    /// <summary>One station's flash (records and slot files) on a power supply; each <see cref="Restart"/> is a reboot.</summary>
    public sealed class UpdateRig
    {
        public readonly PowerSupply Power = new PowerSupply();
        public readonly MemoryStorage Records = new MemoryStorage();
        public readonly MemoryUpdateStorage Files;
        public readonly UpdateSettings Settings = new UpdateSettings();
        public UpdateManager Manager;
        public int BootedSlot;

        public UpdateRig()
        {
            Files = new MemoryUpdateStorage(Power);
            Restart();
        }

        /// <summary>A reboot: the power comes back, a new manager reads the flash and the loader asks which slot to load.</summary>
        public UpdateManager Restart()
        {
            Power.Restore();
            Manager = new UpdateManager(new RecordStore(new PoweredStorage(Records, Power)), Files, "1.0.0", Settings);
            BootedSlot = Manager.Boot();
            return Manager;
        }

        /// <summary>Begin and every chunk, all accepted: the transfer is verified.</summary>
        public void Receive(UpdateImage image)
        {
            Assert.AreEqual(UpdateReason.None, Manager.Begin(image.Manifest, "province", UpdateImage.Key));
            for (int i = 0; i < image.ChunkCount; i++)
            {
                Assert.AreEqual(UpdateReason.None, image.Send(Manager, i), "chunk " + i);
            }

            Assert.AreEqual(UpdateState.Verified, Manager.State);
        }

        /// <summary>Receive, commit, reboot into the trial and report healthy: the new version is active.</summary>
        public void Install(UpdateImage image)
        {
            Receive(image);
            Assert.AreEqual(UpdateReason.None, Manager.Commit(image.Version, "province", UpdateImage.Key));
            Restart();
            Manager.Healthy();
            Assert.AreEqual(image.Version, Manager.RunningVersion);
        }

        /// <summary>The slot file as the loader would read it equals the image's file.</summary>
        public bool SlotHolds(int slot, UpdateImage image)
        {
            for (int f = 0; f < image.Files.Length; f++)
            {
                byte[] held = Files.Content(UpdateManager.SlotFile(slot, image.Manifest.Names[f]));
                if (held == null || held.Length != image.Files[f].Length)
                {
                    return false;
                }

                for (int i = 0; i < held.Length; i++)
                {
                    if (held[i] != image.Files[f][i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
