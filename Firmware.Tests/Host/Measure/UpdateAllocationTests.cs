using System;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Update;
using CommuneRadio.Tests.Core.Support;
using CommuneRadio.Tests.Core.Update;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Measure
{
    /// <summary>
    /// Heap use of one <c>update.chunk</c> in the Core (receive, extend the chain, write, save the progress), on
    /// storages that allocate nothing themselves so only the Core's share is counted; and the commit's read-back.
    /// The device heap is ~100 KB; a 4 KiB chunk must not cost a multiple of itself.
    /// </summary>
    [TestClass]
    public sealed class UpdateAllocationTests
    {
        public TestContext TestContext { get; set; }

        [TestMethod]
        public void Chunk_4KiB_AllocatesLittleMoreThanItsChainBuffer()
        {
            UpdateImage image = new UpdateImage("2.0.0", 4096, new int[] { 64 * 4096 }, 5);
            var files = new CountingFiles();
            var manager = new UpdateManager(new RecordStore(new NullStorage()), files, "1.0.0", new UpdateSettings());
            manager.Boot();
            Assert.AreEqual(UpdateReason.None, manager.Begin(image.Manifest, "province", UpdateImage.Key));
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(UpdateReason.None, image.Send(manager, i));
            }

            long peak = 0;
            long total = 0;
            const int Chunks = 40;
            for (int i = 4; i < 4 + Chunks; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Assert.AreEqual(UpdateReason.None, image.Send(manager, i));
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                peak = Math.Max(peak, bytes);
                total += bytes;
            }

            TestContext.WriteLine("update.chunk of 4,096 bytes (Core: order check, write, chain link, progress record): " + (total / Chunks) + " bytes allocated on average, " + peak + " at most");
            Assert.IsTrue(peak < 2048, peak + " bytes");
        }

        [TestMethod]
        public void Commit_256KiBImage_ReadBackAllocatesOneChunkBuffer()
        {
            UpdateImage image = new UpdateImage("2.0.0", 4096, new int[] { 60 * 4096, 4000 }, 9);
            var files = new CountingFiles();
            var manager = new UpdateManager(new RecordStore(new NullStorage()), files, "1.0.0", new UpdateSettings());
            manager.Boot();
            Assert.AreEqual(UpdateReason.None, manager.Begin(image.Manifest, "province", UpdateImage.Key));
            for (int i = 0; i < image.ChunkCount; i++)
            {
                Assert.AreEqual(UpdateReason.None, image.Send(manager, i));
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.AreEqual(UpdateReason.None, manager.Commit("2.0.0", "province", UpdateImage.Key));
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            TestContext.WriteLine("update.commit of a 249,760-byte image (read back and chain again, 62 chunks): " + bytes + " bytes allocated in all, " + (bytes / 62) + " per chunk");
            Assert.IsTrue(bytes < 62 * 1024 + 4096 + 8192, bytes + " bytes");
        }

        [TestMethod]
        [DataRow(4096)]
        [DataRow(8192)]
        public void ChunkCommand_ThroughTheWholeCommandPass_PeakAllocationMeasured(int chunk)
        {
            // A persistent station (counters and the update record written on every chunk) over storages that allocate
            // nothing themselves; the payload arrives as the transport's array and is built before measuring. Counted:
            // envelope parse, signature, counter record, args (base64 decoded in place), order check, chain link, slot
            // write, progress record, the result message with its progress and its outbox entry.
            var storage = new NullStorage();
            EndpointHarness h = EndpointHarness.Persistent(storage, StationHarness.MondayMidnightUtc + 9 * 3600000L, true, EndpointHarness.CommuneKey);
            h.Endpoint.Keys.Find("prov.ht").MayUpdate = true;
            var manager = new UpdateManager(new RecordStore(storage), new CountingFiles(), "1.0.0", new UpdateSettings());
            manager.Boot();
            h.Endpoint.Update = manager;
            UpdateImage image = new UpdateImage("2.0.0", chunk, new int[] { 48 * chunk }, 5);
            image.Manifest = image.ManifestWith(image.Manifest.Names, image.Manifest.Sizes, image.MacOf(EndpointHarness.ProvinceKey));
            Assert.IsTrue(h.Send(h.Province("update.begin", UpdateStation.BeginArgs(image))).Contains("\"accepted\"", StringComparison.Ordinal));
            var payloads = new byte[image.ChunkCount][];
            for (int i = 0; i < payloads.Length; i++)
            {
                int file;
                int offset;
                image.Locate(i, out file, out offset);
                payloads[i] = h.Province("update.chunk", UpdateStation.ChunkArgs(image, file, offset)).Build();
            }

            Assert.IsTrue(payloads[0].Length <= 12288, payloads[0].Length + " bytes: over the command limit");
            long peak = 0;
            long total = 0;
            long first = 0;
            int measured = 0;
            for (int i = 0; i < payloads.Length; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                h.Endpoint.HandleMessage("cr/v1/g/prov.ht/cmd", payloads[i], false, h.Station.Now);
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.IsNotNull(h.Endpoint.Outbox.Dequeue());
                first = i == 0 ? bytes : first;
                if (i >= 4)
                {
                    // The first chunks allocate the reused buffers (chunk buffer, chain scratch, record frames): counted apart.
                    peak = Math.Max(peak, bytes);
                    total += bytes;
                    measured++;
                }
            }

            Assert.AreEqual(UpdateState.Verified, manager.State);

            // The body's copy for the HMAC is the one allocation in proportion to the chunk: nanoFramework's HMACSHA256
            // takes one whole array (Signature.Verify, the same for every command). Everything else is small and fixed.
            int body = payloads[0].Length - "{\"body\":".Length - ",\"sig\":\"\"}".Length - 64;
            TestContext.WriteLine("update.chunk of " + chunk + " bytes (" + payloads[0].Length + "-byte payload, " + body + "-byte body) through the whole command pass: " +
                (total / measured) + " bytes allocated on average, " + peak + " at most: the body's copy for the HMAC + " + (peak - body) +
                " (the first chunk, " + (first - 1024 * 1024) + " bytes beyond the test storage's 1 MiB file, also allocated the reused " + UpdateManifest.MaxChunkSize + "-byte chunk buffer and the chain's " + (chunk + 37) + "-byte scratch)");
            Assert.IsTrue(peak < body + 1536, peak + " bytes");
        }

        /// <summary>Records that are accepted and forgotten (the record store's own frame buffer is the Core's).</summary>
        private sealed class NullStorage : IStorage
        {
            public byte[] Read(string name) => null;

            public bool Write(string name, byte[] data, int count) => true;

            public bool Delete(string name) => true;
        }

        /// <summary>Slot files in preallocated buffers: writing and reading allocate nothing.</summary>
        private sealed class CountingFiles : IUpdateStorage
        {
            private readonly System.Collections.Generic.Dictionary<string, byte[]> _files = new();
            private readonly System.Collections.Generic.Dictionary<string, int> _lengths = new();

            public bool WriteAt(string name, int offset, byte[] data, int start, int count)
            {
                if (!_files.TryGetValue(name, out byte[] file))
                {
                    file = new byte[1024 * 1024];
                    _files[name] = file;
                    _lengths[name] = 0;
                }

                Array.Copy(data, start, file, offset, count);
                _lengths[name] = Math.Max(_lengths[name], offset + count);
                return true;
            }

            public int ReadAt(string name, int offset, byte[] buffer, int start, int count)
            {
                int n = Math.Min(count, _lengths[name] - offset);
                Array.Copy(_files[name], offset, buffer, start, n);
                return n;
            }

            public int Length(string name) => _lengths.TryGetValue(name, out int n) ? n : -1;

            public bool Delete(string name)
            {
                _lengths.Remove(name);
                return true;
            }

            public long FreeBytes() => 4L * 1024 * 1024;
        }
    }
}
