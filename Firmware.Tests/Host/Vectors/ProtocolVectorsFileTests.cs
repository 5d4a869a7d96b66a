using System;
using System.IO;
using System.Text.Json;
using CommuneRadio.Tests.Core.Protocol;
using CommuneRadio.Tests.Core.Support;
using CommuneRadio.Tests.Subset;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Vectors
{
    /// <summary>
    /// Host-only: the vectors embedded in the portable <see cref="SignatureVectorTests"/> (a device cannot read
    /// the repository) are exactly those of docs/protocol-vectors.json, which the host tools' tests read.
    /// </summary>
    [TestClass]
    public sealed class ProtocolVectorsFileTests
    {
        private const string VectorsFile = "docs/protocol-vectors.json";

        [TestMethod]
        public void EmbeddedVectors_ComparedWithFile_Equal()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine(VectorsFile)));
            JsonElement vectors = doc.RootElement.GetProperty("vectors");
            ProtocolVector[] embedded = SignatureVectorTests.Vectors;
            Assert.AreEqual(vectors.GetArrayLength(), embedded.Length, "vector count; copy the file's vectors into SignatureVectorTests");
            int i = 0;
            foreach (JsonElement v in vectors.EnumerateArray())
            {
                ProtocolVector e = embedded[i++];
                string name = v.GetProperty("name").GetString();
                Assert.AreEqual(name, e.Name, "vector " + (i - 1));
                Assert.AreEqual(v.GetProperty("topic").GetString(), e.Topic, name);
                Assert.AreEqual(v.GetProperty("key").GetString(), e.Key, name);
                Assert.AreEqual(v.GetProperty("body").GetString(), e.Body, name);
                Assert.AreEqual(v.GetProperty("sig").GetString(), e.Sig, name);
                Assert.AreEqual(v.GetProperty("envelope").GetString(), e.Envelope, name);
                Assert.AreEqual(v.GetProperty("compact").GetBoolean(), e.Compact, name);
                Assert.AreEqual(v.GetProperty("accept").GetBoolean(), e.Accept, name);
                JsonElement from;
                Assert.AreEqual(v.TryGetProperty("tampered_from", out from) ? from.GetString() : null, e.TamperedFrom, name);
            }
        }

        [TestMethod]
        public void File_EveryVectorMember_Known()
        {
            // A member added to the file but not to ProtocolVector would otherwise go unchecked on the device.
            string[] known = { "name", "topic", "key", "body", "sig", "envelope", "compact", "accept", "tampered_from" };
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine(VectorsFile)));
            foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
            {
                foreach (JsonProperty p in v.EnumerateObject())
                {
                    Assert.AreNotEqual(-1, Array.IndexOf(known, p.Name), "unknown member " + p.Name);
                }
            }
        }
    }
}
