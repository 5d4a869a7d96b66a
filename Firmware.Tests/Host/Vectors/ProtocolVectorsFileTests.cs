using System;
using System.IO;
using System.Text.Json;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Tests.Core.Protocol;
using CommuneRadio.Tests.Core.Scheduling;
using CommuneRadio.Tests.Core.Support;
using CommuneRadio.Tests.Subset;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Vectors
{
    /// <summary>
    /// Host-only: the vectors embedded in the portable <see cref="SignatureVectorTests"/> and
    /// <see cref="ScheduleDigestVectorTests"/> (a device cannot read the repository) are exactly those of
    /// docs/protocol-vectors.json, which the host tools' tests read.
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
        public void EmbeddedDigests_ComparedWithFile_Equal()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine(VectorsFile)));
            JsonElement digests = doc.RootElement.GetProperty("digests");
            DigestVector[] embedded = ScheduleDigestVectorTests.Vectors;
            Assert.AreEqual(digests.GetArrayLength(), embedded.Length, "digest vector count; copy the file's digests into ScheduleDigestVectorTests");
            int i = 0;
            foreach (JsonElement v in digests.EnumerateArray())
            {
                DigestVector e = embedded[i++];
                string name = v.GetProperty("name").GetString();
                Assert.AreEqual(name, e.Name, "digest vector " + (i - 1));
                Assert.AreEqual(v.GetProperty("canonical").GetString(), e.Canonical, name);
                Assert.AreEqual(v.GetProperty("digest").GetString(), e.Digest, name);
                JsonElement items = v.GetProperty("items");
                Assert.AreEqual(items.GetArrayLength(), e.Items.Length, name);
                int k = 0;
                foreach (JsonElement item in items.EnumerateArray())
                {
                    Assert.AreEqual(ItemText(item), ItemText(e.Items[k++]), name);
                }
            }
        }

        [TestMethod]
        public void File_EveryDigestItemMember_Known()
        {
            // Exactly the canonical line's members, so a member added to the file cannot go unchecked.
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine(VectorsFile)));
            foreach (JsonElement v in doc.RootElement.GetProperty("digests").EnumerateArray())
            {
                foreach (JsonProperty p in v.EnumerateObject())
                {
                    Assert.AreNotEqual(-1, Array.IndexOf(new[] { "name", "items", "canonical", "digest" }, p.Name), "unknown member " + p.Name);
                }

                foreach (JsonElement item in v.GetProperty("items").EnumerateArray())
                {
                    string[] names = new string[0];
                    foreach (JsonProperty p in item.EnumerateObject())
                    {
                        Array.Resize(ref names, names.Length + 1);
                        names[^1] = p.Name;
                    }

                    Assert.AreEqual(string.Join(",", DigestItemMembers), string.Join(",", names));
                }
            }
        }

        private static readonly string[] DigestItemMembers = { "id", "kind", "day", "days", "start", "duration", "from", "until", "class", "level", "issuer", "lines", "source" };

        private static string ItemText(JsonElement item)
        {
            string[] parts = new string[DigestItemMembers.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                JsonElement m = item.GetProperty(DigestItemMembers[i]);
                parts[i] = m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return string.Join("|", parts);
        }

        private static string ItemText(ScheduleItem i)
        {
            return string.Join("|", i.Id, (int)i.Kind, i.Day, i.DaysMask, i.StartSecond, i.DurationSeconds, i.ValidFromDay, i.ValidUntilDay, (int)i.Class, (int)i.Level, i.Issuer, i.Lines, i.Source);
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
