using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// The shared signature vectors of docs/protocol-vectors.json against the Core's own code (EnvelopeParser,
    /// Signature, StationEndpoint); the host tools' signer is tested against the same file, so the two sides
    /// agree byte for byte. The vectors are embedded below; the host-only ProtocolVectorsFileTests fails when
    /// this copy and the file differ.
    /// </summary>
    [TestClass]
    public class SignatureVectorTests
    {
        /// <summary>Every vector of docs/protocol-vectors.json, in file order.</summary>
        public static readonly ProtocolVector[] Vectors =
        {
            new ProtocolVector(
                "status-minimal",
                "cr/v1/st/ht-ab-001/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\":1,\"id\":\"c-1\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850060,\"ctr\":1,\"cmd\":\"status\",\"args\":{}}",
                "14bebc3d5d3d410e34d0138bab54162129428d51d96a19e46b9b68dfe571067a",
                "{\"body\":{\"v\":1,\"id\":\"c-1\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850060,\"ctr\":1,\"cmd\":\"status\",\"args\":{}},\"sig\":\"14bebc3d5d3d410e34d0138bab54162129428d51d96a19e46b9b68dfe571067a\"}",
                true,
                true,
                null),
            new ProtocolVector(
                "schedule-add-weekly",
                "cr/v1/g/com.ha-tinh.an-binh/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\":1,\"id\":\"c-20261123-0001\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"g/com.ha-tinh.an-binh\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1763850000123,\"cmd\":\"schedule.add\",\"args\":{\"item\":{\"id\":\"morning-news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}}",
                "d90eb41fdc22517cab7a8a0e4ff9a5f22312fad98348e8e1603788f2baf6ca50",
                "{\"body\":{\"v\":1,\"id\":\"c-20261123-0001\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"g/com.ha-tinh.an-binh\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1763850000123,\"cmd\":\"schedule.add\",\"args\":{\"item\":{\"id\":\"morning-news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}},\"sig\":\"d90eb41fdc22517cab7a8a0e4ff9a5f22312fad98348e8e1603788f2baf6ca50\"}",
                true,
                true,
                null),
            new ProtocolVector(
                "stop-empty-args",
                "cr/v1/g/prov.ha-tinh/cmd",
                "7e92aa0acdd8661438c461241872dd6b7b86c25d6873da43fff8a6614c281e2d",
                "{\"v\":1,\"id\":\"p-0007\",\"iss\":\"prov.ha-tinh\",\"to\":\"g/prov.ha-tinh\",\"iat\":1763853600,\"exp\":1763857200,\"ctr\":7,\"cmd\":\"stop\",\"args\":{}}",
                "511c4d16a6f94416b1c9a62c7bb3a19e609d10ce275f2c8bbc7961deebc9f32a",
                "{\"body\":{\"v\":1,\"id\":\"p-0007\",\"iss\":\"prov.ha-tinh\",\"to\":\"g/prov.ha-tinh\",\"iat\":1763853600,\"exp\":1763857200,\"ctr\":7,\"cmd\":\"stop\",\"args\":{}},\"sig\":\"511c4d16a6f94416b1c9a62c7bb3a19e609d10ce275f2c8bbc7961deebc9f32a\"}",
                true,
                true,
                null),
            new ProtocolVector(
                "schedule-sync-two-items",
                "cr/v1/g/vn/cmd",
                "f2cd3dd790c3ebf153c1ee96c6b2def5f32f1a7742e7a52a806d5c40fcf811dd",
                "{\"v\":1,\"id\":\"vn-sync-7\",\"iss\":\"vn\",\"to\":\"g/vn\",\"iat\":1763846400,\"exp\":1763932800,\"ctr\":1763846400000,\"cmd\":\"schedule.sync\",\"args\":{\"version\":7,\"items\":[{\"id\":\"notice-1124\",\"kind\":\"once\",\"date\":\"2026-11-24\",\"time\":\"17:10:30\",\"duration\":600,\"class\":\"priority\",\"lines\":[1],\"source\":1},{\"id\":\"sunday-music\",\"kind\":\"weekly\",\"days\":[\"sun\"],\"from\":\"2026-12-01\",\"until\":\"2027-01-31\",\"time\":\"07:00\",\"duration\":3600,\"class\":\"normal\",\"lines\":[0,2],\"source\":0}]}}",
                "3ab808947cc4c046c1dc058edadd38580aebfe4c64dfc6a750c806a3bffd3ad2",
                "{\"body\":{\"v\":1,\"id\":\"vn-sync-7\",\"iss\":\"vn\",\"to\":\"g/vn\",\"iat\":1763846400,\"exp\":1763932800,\"ctr\":1763846400000,\"cmd\":\"schedule.sync\",\"args\":{\"version\":7,\"items\":[{\"id\":\"notice-1124\",\"kind\":\"once\",\"date\":\"2026-11-24\",\"time\":\"17:10:30\",\"duration\":600,\"class\":\"priority\",\"lines\":[1],\"source\":1},{\"id\":\"sunday-music\",\"kind\":\"weekly\",\"days\":[\"sun\"],\"from\":\"2026-12-01\",\"until\":\"2027-01-31\",\"time\":\"07:00\",\"duration\":3600,\"class\":\"normal\",\"lines\":[0,2],\"source\":0}]}},\"sig\":\"3ab808947cc4c046c1dc058edadd38580aebfe4c64dfc6a750c806a3bffd3ad2\"}",
                true,
                true,
                null),
            new ProtocolVector(
                "whitespace-and-member-order",
                "cr/v1/g/prov.ha-tinh/cmd",
                "7e92aa0acdd8661438c461241872dd6b7b86c25d6873da43fff8a6614c281e2d",
                "{\n  \"cmd\": \"play\",\n  \"args\": { \"class\": \"priority\", \"duration\": 900, \"lines\": [ 0, 1 ], \"source\": 1 },\n  \"to\" : \"g/prov.ha-tinh\",\n\t\"v\": 1,\n  \"ctr\": 8, \"iss\": \"prov.ha-tinh\",\n  \"id\": \"p-0008\",\n  \"exp\": 1763857200, \"iat\": 1763853600\n}",
                "6471d058eaa6c76fe990a20382dfbf50e49978595b07ac2e33bb9db7409234e5",
                "{\"body\":{\n  \"cmd\": \"play\",\n  \"args\": { \"class\": \"priority\", \"duration\": 900, \"lines\": [ 0, 1 ], \"source\": 1 },\n  \"to\" : \"g/prov.ha-tinh\",\n\t\"v\": 1,\n  \"ctr\": 8, \"iss\": \"prov.ha-tinh\",\n  \"id\": \"p-0008\",\n  \"exp\": 1763857200, \"iat\": 1763853600\n},\"sig\":\"6471d058eaa6c76fe990a20382dfbf50e49978595b07ac2e33bb9db7409234e5\"}",
                false,
                true,
                null),
            new ProtocolVector(
                "string-escapes",
                "cr/v1/g/com.ha-tinh.an-binh/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\":1,\"id\":\"c-1763850000456\",\"iss\":\"com.ha-tinh.\\u0061n-binh\",\"to\":\"g\\/com.ha-tinh.an-binh\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1763850000456,\"cmd\":\"config.set\",\"args\":{\"telemetry_s\":300}}",
                "64dd0186dfd1e52ef31c2c838cfbea053eae3d85f199c222cba9b151190441ec",
                "{\"body\":{\"v\":1,\"id\":\"c-1763850000456\",\"iss\":\"com.ha-tinh.\\u0061n-binh\",\"to\":\"g\\/com.ha-tinh.an-binh\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1763850000456,\"cmd\":\"config.set\",\"args\":{\"telemetry_s\":300}},\"sig\":\"64dd0186dfd1e52ef31c2c838cfbea053eae3d85f199c222cba9b151190441ec\"}",
                false,
                true,
                null),
            new ProtocolVector(
                "envelope-sig-first-with-whitespace",
                "cr/v1/st/ht-ab-001/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\":1,\"id\":\"c-selftest\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":2,\"cmd\":\"relay.selftest\",\"args\":{}}",
                "42f734964b80681a80d5c53914700fb3e252848f235c6791aed320dba336464a",
                "{ \"sig\" : \"42f734964b80681a80d5c53914700fb3e252848f235c6791aed320dba336464a\" ,\r\n  \"body\" : {\"v\":1,\"id\":\"c-selftest\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":2,\"cmd\":\"relay.selftest\",\"args\":{}} }\n",
                false,
                true,
                null),
            new ProtocolVector(
                "status-minimal/space-after-colon",
                "cr/v1/st/ht-ab-001/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\": 1,\"id\":\"c-1\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850060,\"ctr\":1,\"cmd\":\"status\",\"args\":{}}",
                "4f40c4313ef1468bff120050f1f72c1c215ed6a8708aa8e5cec3f5ed1b87575e",
                "{\"body\":{\"v\": 1,\"id\":\"c-1\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"st/ht-ab-001\",\"iat\":1763850000,\"exp\":1763850060,\"ctr\":1,\"cmd\":\"status\",\"args\":{}},\"sig\":\"14bebc3d5d3d410e34d0138bab54162129428d51d96a19e46b9b68dfe571067a\"}",
                false,
                false,
                "status-minimal"),
            new ProtocolVector(
                "whitespace-and-member-order/tab-for-space",
                "cr/v1/g/prov.ha-tinh/cmd",
                "7e92aa0acdd8661438c461241872dd6b7b86c25d6873da43fff8a6614c281e2d",
                "{\n  \"cmd\": \"play\",\n  \"args\": { \"class\": \"priority\",\t\"duration\": 900, \"lines\": [ 0, 1 ], \"source\": 1 },\n  \"to\" : \"g/prov.ha-tinh\",\n\t\"v\": 1,\n  \"ctr\": 8, \"iss\": \"prov.ha-tinh\",\n  \"id\": \"p-0008\",\n  \"exp\": 1763857200, \"iat\": 1763853600\n}",
                "55ff34b221fa8cdb65286f0a03b55b08d65f529e1c99c43107fb25542b211859",
                "{\"body\":{\n  \"cmd\": \"play\",\n  \"args\": { \"class\": \"priority\",\t\"duration\": 900, \"lines\": [ 0, 1 ], \"source\": 1 },\n  \"to\" : \"g/prov.ha-tinh\",\n\t\"v\": 1,\n  \"ctr\": 8, \"iss\": \"prov.ha-tinh\",\n  \"id\": \"p-0008\",\n  \"exp\": 1763857200, \"iat\": 1763853600\n},\"sig\":\"6471d058eaa6c76fe990a20382dfbf50e49978595b07ac2e33bb9db7409234e5\"}",
                false,
                false,
                "whitespace-and-member-order"),
            new ProtocolVector(
                "string-escapes/escape-decoded",
                "cr/v1/g/com.ha-tinh.an-binh/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\":1,\"id\":\"c-1763850000456\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"g\\/com.ha-tinh.an-binh\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1763850000456,\"cmd\":\"config.set\",\"args\":{\"telemetry_s\":300}}",
                "254c34f57320547e41f692e71e6aa711baba291abf9bbd8f05959f2a0f13ca4d",
                "{\"body\":{\"v\":1,\"id\":\"c-1763850000456\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"g\\/com.ha-tinh.an-binh\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1763850000456,\"cmd\":\"config.set\",\"args\":{\"telemetry_s\":300}},\"sig\":\"64dd0186dfd1e52ef31c2c838cfbea053eae3d85f199c222cba9b151190441ec\"}",
                false,
                false,
                "string-escapes"),
            new ProtocolVector(
                "schedule-add-weekly/iat-exp-swapped",
                "cr/v1/g/com.ha-tinh.an-binh/cmd",
                "aa51a0e5ae9900db89c904d7d54f287c83358345641f59f7a2f65626d81d80ed",
                "{\"v\":1,\"id\":\"c-20261123-0001\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"g/com.ha-tinh.an-binh\",\"exp\":1763850600,\"iat\":1763850000,\"ctr\":1763850000123,\"cmd\":\"schedule.add\",\"args\":{\"item\":{\"id\":\"morning-news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}}",
                "63fbce77cce48cb3831bc0fa3d7e92e2ab8e627759a1fbe095a6e567ddfe60b4",
                "{\"body\":{\"v\":1,\"id\":\"c-20261123-0001\",\"iss\":\"com.ha-tinh.an-binh\",\"to\":\"g/com.ha-tinh.an-binh\",\"exp\":1763850600,\"iat\":1763850000,\"ctr\":1763850000123,\"cmd\":\"schedule.add\",\"args\":{\"item\":{\"id\":\"morning-news\",\"kind\":\"weekly\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"time\":\"05:30\",\"duration\":1800,\"class\":\"normal\",\"lines\":[0,1,2,3],\"source\":0}}},\"sig\":\"d90eb41fdc22517cab7a8a0e4ff9a5f22312fad98348e8e1603788f2baf6ca50\"}",
                false,
                false,
                "schedule-add-weekly")
        };

        private static readonly string[] Groups = { "vn", "prov.ha-tinh", "com.ha-tinh.an-binh" };

        [TestMethod]
        public void Vectors_Embedded_HaveEveryKindOfCase()
        {
            int tampered = 0;
            for (int i = 0; i < Vectors.Length; i++)
            {
                tampered += Vectors[i].Accept ? 0 : 1;
            }

            Assert.AreEqual(11, Vectors.Length);
            Assert.AreEqual(4, tampered);
        }

        [TestMethod]
        public void Compute_EveryVector_ExpectedHex()
        {
            for (int i = 0; i < Vectors.Length; i++)
            {
                ProtocolVector v = Vectors[i];
                byte[] body = Encoding.UTF8.GetBytes(v.Body);
                Assert.AreEqual(v.Sig, Hex.ToHex(Signature.Compute(KeyOf(v), body, 0, body.Length)), v.Name);
            }
        }

        [TestMethod]
        public void EnvelopeParser_EveryVector_FindsTheExactBodyAndSig()
        {
            EnvelopeParser parser = new EnvelopeParser();
            CommandEnvelope env = new CommandEnvelope();
            for (int i = 0; i < Vectors.Length; i++)
            {
                ProtocolVector v = Vectors[i];
                byte[] payload = Encoding.UTF8.GetBytes(v.Envelope);
                Assert.IsTrue(parser.Parse(payload, payload.Length, null, KeyringOf(v), env), v.Name);
                Assert.AreEqual(v.Body, Encoding.UTF8.GetString(payload, env.BodyStart, env.BodyLength), v.Name);
                string sent = v.Accept ? v.Sig : Named(v.TamperedFrom).Sig;
                Assert.AreEqual(sent, Encoding.UTF8.GetString(payload, env.SigStart, env.SigLength), v.Name);
                Assert.IsNotNull(env.Issuer, v.Name);
            }
        }

        [TestMethod]
        public void Verify_ValidVectors_EnvelopeSigOverParsedBodyAccepted()
        {
            EnvelopeParser parser = new EnvelopeParser();
            CommandEnvelope env = new CommandEnvelope();
            for (int i = 0; i < Vectors.Length; i++)
            {
                ProtocolVector v = Vectors[i];
                if (v.Accept)
                {
                    byte[] payload = Encoding.UTF8.GetBytes(v.Envelope);
                    parser.Parse(payload, payload.Length, null, KeyringOf(v), env);
                    Assert.IsTrue(Signature.Verify(env.Issuer.Key, payload, env.BodyStart, env.BodyLength, payload, env.SigStart, env.SigLength), v.Name);
                }
            }
        }

        [TestMethod]
        public void Verify_TamperedVectors_RefusedAndTheirOwnSigDiffers()
        {
            EnvelopeParser parser = new EnvelopeParser();
            CommandEnvelope env = new CommandEnvelope();
            for (int i = 0; i < Vectors.Length; i++)
            {
                ProtocolVector v = Vectors[i];
                if (!v.Accept)
                {
                    byte[] payload = Encoding.UTF8.GetBytes(v.Envelope);
                    parser.Parse(payload, payload.Length, null, KeyringOf(v), env);
                    Assert.IsFalse(Signature.Verify(env.Issuer.Key, payload, env.BodyStart, env.BodyLength, payload, env.SigStart, env.SigLength), v.Name);
                    Assert.AreNotEqual(Named(v.TamperedFrom).Body, v.Body, v.Name);
                    Assert.AreNotEqual(Named(v.TamperedFrom).Sig, v.Sig, v.Name);
                }
            }
        }

        [TestMethod]
        public void Endpoint_ValidVectors_Accepted()
        {
            for (int i = 0; i < Vectors.Length; i++)
            {
                ProtocolVector v = Vectors[i];
                if (v.Accept)
                {
                    string result = Send(v);
                    Assert.StartsWith("{\"id\":\"", result, v.Name);
                    Assert.EndsWith("\",\"station\":\"ht-ab-001\",\"result\":\"accepted\"}", result, v.Name);
                }
            }
        }

        [TestMethod]
        public void Endpoint_TamperedVectors_RefusedAsBadSignature()
        {
            for (int i = 0; i < Vectors.Length; i++)
            {
                ProtocolVector v = Vectors[i];
                if (!v.Accept)
                {
                    Assert.EndsWith(",\"result\":\"refused\",\"reason\":\"bad-signature\",\"field\":\"sig\"}", Send(v), v.Name);
                }
            }
        }

        /// <summary>
        /// The vector's payload on its topic, to a fresh station "ht-ab-001" whose clock is not synced (so the
        /// vectors' different issue times are not checked, §4.3); returns the result's text.
        /// </summary>
        private static string Send(ProtocolVector v)
        {
            StationHarness station = StationHarness.Create(1763850000000);
            StationEndpoint endpoint = new StationEndpoint(station.Core, new ProtocolSettings("cr/v1", "ht-ab-001", Groups), KeyringOf(v));
            station.Boot(false);
            endpoint.HandleMessage(v.Topic, Encoding.UTF8.GetBytes(v.Envelope), false, station.Now);
            string result = "no result";
            while (endpoint.Outbox.Count > 0)
            {
                OutgoingMessage m = endpoint.Outbox.Dequeue();
                if (m.Topic == "cr/v1/st/ht-ab-001/result")
                {
                    result = Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length);
                }
            }

            return result;
        }

        /// <summary>
        /// The three issuers of the vectors, each with this vector's key: the vector's "iss" picks its entry,
        /// and the signature must verify under the vector's key whichever it is.
        /// </summary>
        private static Keyring KeyringOf(ProtocolVector v)
        {
            byte[] key = KeyOf(v);
            Keyring keys = new Keyring();
            keys.Put(new IssuerKey("com.ha-tinh.an-binh", IssuerLevel.Commune, key, new[] { "g/com.ha-tinh.an-binh" }, false));
            keys.Put(new IssuerKey("prov.ha-tinh", IssuerLevel.Province, key, new[] { "g/prov.ha-tinh" }, true));
            keys.Put(new IssuerKey("vn", IssuerLevel.National, key, new[] { "g/vn" }, true));
            return keys;
        }

        private static byte[] KeyOf(ProtocolVector v)
        {
            byte[] key;
            Assert.IsTrue(Hex.TryParse(v.Key, out key), v.Name);
            Assert.AreEqual(32, key.Length, v.Name);
            return key;
        }

        private static ProtocolVector Named(string name)
        {
            ProtocolVector found = null;
            for (int i = 0; i < Vectors.Length && found == null; i++)
            {
                if (Vectors[i].Name == name)
                {
                    found = Vectors[i];
                }
            }

            Assert.IsNotNull(found, "no vector " + name);
            return found;
        }
    }
}
