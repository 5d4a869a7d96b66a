using System;
using System.Collections;
using System.Text;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Tests.Core.Support;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Core.Protocol
{
    /// <summary>
    /// Fuzz: 2 × 60,000 random and mutated payloads against a station with a schedule and a programme on
    /// air, once with a valid clock and once without. After every message: no exception, the schedule
    /// (digest, count, version), the relays, the programme on air, the keys and the settings unchanged;
    /// on a command topic exactly one result, a refusal; elsewhere nothing at all.
    /// <para>Families: mutations of signed commands that are refused when intact (truncated, bit-flipped,
    /// bytes inserted or deleted, duplicated members, huge numbers, hostile fragments); commands correctly
    /// signed by a key with no right on this station, whose args (mutated or hostile) therefore reach the
    /// args parser and must still end refused; hostile JSON (1000-level nesting, 10 KB strings, invalid UTF-8,
    /// lone surrogates, NUL); random bytes of 0…13,000 (over the 12,288 limit).</para>
    /// <para>The only command that may be accepted is the intact "status" base, when a mutation left its
    /// signed body bytes alone (whitespace outside the body, members reordered) and its counter is still fresh:
    /// then the body bytes found in the payload must equal the signed ones. Deterministic: payload i of a run
    /// is rebuilt from seed run × 1,000,003 + i, printed with its hex on failure.</para>
    /// </summary>
    // Partial: the host build adds [TestCategory("Slow")] (Firmware.Tests/Host/Categories/SlowTests.cs).
    [TestClass]
    public partial class CommandFuzzTests
    {
        private const int PayloadsPerRun = 60000;
        private const string StationTopic = "cr/v1/st/ht-ab-001/cmd";

        private static readonly string[] CommandTopics = { StationTopic, "cr/v1/g/vn/cmd", "cr/v1/g/prov.ht/cmd", "cr/v1/g/com.ht.ab/cmd" };
        private static readonly string[] OtherTopics = { "cr/v1/st/ht-ab-001/result", "cr/v1/st/ht-ab-002/cmd", "cr/v1/g/com.ht.xy/cmd", "cr/v1/g/vn/cmd/x", "CR/V1/ST/HT-AB-001/CMD", string.Empty };

        private static EndpointHarness _h;
        private static FuzzBases _bases;
        private static PayloadFuzzer _fuzz;
        private static EndpointSnapshot _before;
        private static long _signedCounter;
        private static int _accepted;
        private static Hashtable _reasons;

        [TestMethod]
        public void Bases_Intact_EachRefusedForItsReason()
        {
            EndpointHarness h = FuzzBases.Station(true);
            FuzzBases bases = new FuzzBases(h);
            for (int i = 0; i < bases.Count; i++)
            {
                string result = h.Send(bases.To[i], bases.Payloads[i], false);
                string expected = bases.Reasons[i] == null ? EndpointHarness.Accepted(bases.Ids[i]) : "\"reason\":\"" + bases.Reasons[i] + "\"";
                Assert.Contains(expected, result, "base " + i + " " + bases.Bodies[i]);
            }
        }

        [TestMethod]
        public void HandleMessage_FuzzedPayloadsClockValid_OneRefusalEachAndNothingChanges()
        {
            Run(1, true);
        }

        [TestMethod]
        public void HandleMessage_FuzzedPayloadsClockNotValid_OneRefusalEachAndNothingChanges()
        {
            Run(2, false);
        }

        private static void Run(int run, bool synced)
        {
            _h = FuzzBases.Station(synced);
            Assert.AreEqual(synced, _h.Station.Core.Clock.Valid, "clock state of the fuzzed station");
            Assert.IsNotNull(_h.Station.Core.OnAir, "a programme is on air");
            Assert.IsTrue(_h.Station.Core.Relays.Delivering, "the relays deliver it");
            Assert.AreEqual(4, _h.Station.Core.Schedule.Count, "schedule items");
            _bases = new FuzzBases(_h);
            _fuzz = new PayloadFuzzer();
            _signedCounter = 5000000;
            _accepted = 0;
            _reasons = new Hashtable();
            _h.Station.Core.Effects.Clear();
            _before = new EndpointSnapshot(_h);

            int commandMessages = 0;
            long bytes = 0;
            long started = DateTime.UtcNow.Ticks;
            for (int i = 0; i < PayloadsPerRun; i++)
            {
                uint seed = (uint)(run * 1000003 + i);
                _fuzz.Seed(seed);
                string family;
                string topic;
                byte[] payload = Generate(out family, out topic);
                bool retained = _fuzz.Next(20) == 0;
                bool command = _h.Endpoint.Topics.AddresseeOf(topic) != null;
                commandMessages += command ? 1 : 0;
                bytes += payload.Length;
                string failure = Deliver(topic, payload, retained, command);
                // The guard keeps the message (a hex dump) from being built for every payload.
                if (failure != null)
                {
                    Assert.IsNull(failure, "seed " + seed + " (payload " + i + " of run " + run + "), family " + family + ", topic '" + topic + "', retained " + retained + ": " + failure + "\npayload " + PayloadFuzzer.HexHead(payload, 200));
                }
            }

            long ms = (DateTime.UtcNow.Ticks - started) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("fuzz run " + run + " (clock " + (synced ? "valid" : "not valid") + "): " + PayloadsPerRun + " payloads (" + commandMessages + " on command topics, " + bytes / 1024 + " KB) in " + ms + " ms; " + _accepted + " accepted (intact status body), the rest refused");
            OutputHelper.WriteLine("refusals by reason: " + Histogram());
            Assert.IsTrue(commandMessages > PayloadsPerRun * 9 / 10, "most payloads go to command topics");
            Assert.IsTrue(_reasons.Count >= 15, "the payloads reach at least 15 different refusals: " + Histogram());
        }

        private static byte[] Generate(out string family, out string topic)
        {
            PayloadFuzzer f = _fuzz;
            int b = f.Next(_bases.Count);
            topic = "cr/v1/" + _bases.To[b] + "/cmd";
            int kind = f.Next(100);
            byte[] payload;
            if (kind < 35)
            {
                family = "mutated-base-" + b;
                payload = f.Mutate(_bases.Payloads[b]);
            }
            else if (kind < 55)
            {
                family = "signed-unauthorised";
                payload = SignedUnauthorised(out topic);
            }
            else if (kind < 75)
            {
                family = "hostile-json";
                payload = Hostile(b);
            }
            else if (kind < 90)
            {
                family = "random-bytes";
                payload = f.RandomBytes(13000);
            }
            else
            {
                family = "intact-or-reordered-base-" + b;
                payload = f.Next(2) == 0 ? _bases.Payloads[b] : _bases.Reordered(b);
            }

            int where = f.Next(100);
            if (where < 4)
            {
                topic = CommandTopics[f.Next(CommandTopics.Length)];
            }
            else if (where < 10)
            {
                topic = OtherTopics[f.Next(OtherTopics.Length)];
            }

            return payload;
        }

        // Signed by com.ht.xy (scoped to another commune) with a fresh counter: signature, addressee and replay
        // checks pass, so the args parser reads whatever the args are; authorisation then refuses it.
        private static byte[] SignedUnauthorised(out string topic)
        {
            PayloadFuzzer f = _fuzz;
            string to = f.Next(3) == 0 ? "g/com.ht.ab" : "st/ht-ab-001";
            topic = "cr/v1/" + to + "/cmd";
            int c = f.Next(FuzzBases.Commands.Length);
            long now = _h.Station.Utc / 1000;
            string head = "{\"v\":1,\"id\":\"f-" + _signedCounter + "\",\"iss\":\"com.ht.xy\",\"to\":\"" + to + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) +
                ",\"ctr\":" + (++_signedCounter) + ",\"cmd\":\"" + FuzzBases.Commands[c] + "\",\"args\":";
            byte[] args = PayloadFuzzer.Ascii(FuzzBases.Args[c]);
            int how = f.Next(10);
            args = how < 5 ? f.Mutate(args) : how < 8 ? f.ReplaceValue(args, HostileJson.Fragment(f)) : how < 9 ? HostileJson.Fragment(f) : args;
            byte[] body = PayloadFuzzer.Concat(PayloadFuzzer.Ascii(head), PayloadFuzzer.Concat(args, PayloadFuzzer.Ascii("}")));
            if (f.Next(5) == 0)
            {
                body = f.Mutate(body);
            }

            return f.Wrap(body, EndpointHarness.OtherCommuneKey);
        }

        private static byte[] Hostile(int b)
        {
            PayloadFuzzer f = _fuzz;
            switch (f.Next(4))
            {
                case 0:
                    return HostileJson.Fragment(f);
                case 1:
                    return PayloadFuzzer.Concat(PayloadFuzzer.Concat(PayloadFuzzer.Ascii("{\"body\":"), HostileJson.Fragment(f)), PayloadFuzzer.Ascii(",\"sig\":\"" + FuzzBases.ZeroSig + "\"}"));
                case 2:
                    return f.ReplaceValue(_bases.Payloads[b], HostileJson.Fragment(f));
                default:
                    return f.Mutate(f.ReplaceValue(_bases.Payloads[b], HostileJson.Fragment(f)));
            }
        }

        // Hands one message to the endpoint and returns what is wrong afterwards, or null.
        private static string Deliver(string topic, byte[] payload, bool retained, bool command)
        {
            StationEndpoint e = _h.Endpoint;
            try
            {
                e.HandleMessage(topic, payload, retained, _h.Station.Now);
            }
            catch (Exception ex)
            {
                return "threw " + ex.GetType().FullName + ": " + ex.Message;
            }

            int results = 0;
            int others = 0;
            string result = null;
            while (e.Outbox.Count > 0)
            {
                OutgoingMessage m = e.Outbox.Dequeue();
                if (m.Topic == e.Topics.Result)
                {
                    results++;
                    result = Encoding.UTF8.GetString(m.Payload, 0, m.Payload.Length);
                }
                else
                {
                    others++;
                }
            }

            if (!command)
            {
                return results + others == 0 ? _before.Difference() : "a message on a non-command topic was answered";
            }

            if (results != 1)
            {
                return results + " results";
            }

            if (result.IndexOf("\"result\":\"refused\"") >= 0)
            {
                Count(result);
                _before.Count(0, 1);
                return others == 0 ? _before.Difference() : "a refusal queued " + others + " other messages: " + result;
            }

            // Accepted: only the status base may be, and only with its signed body bytes untouched.
            if (retained || !BodyIs(payload, _bases.StatusBody))
            {
                return "accepted: " + result;
            }

            _accepted++;
            _before.Count(1, 0);
            return _before.Difference();
        }

        private static void Count(string result)
        {
            int at = result.IndexOf("\"reason\":\"") + 10;
            string reason = result.Substring(at, result.IndexOf('"', at) - at);
            _reasons[reason] = _reasons.Contains(reason) ? (int)_reasons[reason] + 1 : 1;
        }

        private static string Histogram()
        {
            StringBuilder sb = new StringBuilder();
            foreach (DictionaryEntry e in _reasons)
            {
                sb.Append(e.Key).Append(' ').Append((int)e.Value).Append(", ");
            }

            return sb.ToString();
        }

        private static bool BodyIs(byte[] payload, byte[] body)
        {
            JsonReader r = new JsonReader(payload, 0, payload.Length, EnvelopeParser.MaxDepth);
            int start;
            int length;
            while (r.Read())
            {
                if (r.TokenType == JsonTokenType.PropertyName && r.Depth == 1 && r.ValueEquals("body"))
                {
                    if (!r.TryGetValueSpan(out start, out length) || length != body.Length)
                    {
                        return false;
                    }

                    for (int i = 0; i < length; i++)
                    {
                        if (payload[start + i] != body[i])
                        {
                            return false;
                        }
                    }

                    return true;
                }
            }

            return false;
        }
    }
}
