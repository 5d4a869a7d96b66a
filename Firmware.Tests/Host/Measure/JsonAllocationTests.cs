using System;
using System.Text;
using CommuneRadio.Core.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Measure
{
    /// <summary>
    /// Host-measured heap use of the Core JSON reader and writer (GC.GetAllocatedBytesForCurrentThread is
    /// exact per thread). Scanning a command and writing a reply into a reused writer must allocate nothing;
    /// only TryGetString (and ToArray, Hex.ToHex) allocate, and only when called.
    /// </summary>
    [TestClass]
    public sealed class JsonAllocationTests
    {
        public TestContext TestContext { get; set; }

        // A ~1 KB signed command: an envelope, a body with a schedule of 6 items, and a hex signature.
        private static byte[] Command()
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("{\"v\":1,\"id\":\"cmd-20261123-0042\",\"ts\":1795400000123,\"issuer\":\"commune-xa-an-binh\",");
            sb.Append("\"body\":{\"op\":\"set-schedule\",\"items\":[");
            for (int i = 0; i < 6; i++)
            {
                sb.Append(i == 0 ? string.Empty : ",");
                sb.Append("{\"id\":\"slot-000" + i + "-morning\",\"kind\":\"weekly\",\"days\":127,\"start\":" + (21600 + i * 600));
                sb.Append(",\"duration\":600,\"lines\":[1,2,3,4],\"class\":\"normal\",\"tag\":\"tin t\\u1ee9c\"}");
            }

            sb.Append("]},\"sig\":\"");
            sb.Append("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}");
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        // What a command handler does before it decides to decode anything: match names, read integers,
        // skip what it does not know, and take the body's raw span for the signature check.
        private static long Scan(JsonReader r, byte[] command)
        {
            r.Reset(command, 0, command.Length);
            long sum = 0;
            int start;
            int length;
            while (r.Read())
            {
                if (r.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (r.ValueEquals("body") && r.Depth == 1)
                {
                    if (!r.TryGetValueSpan(out start, out length))
                    {
                        return -1;
                    }

                    sum += length;
                }
                else if (r.ValueEquals("start") || r.ValueEquals("ts") || r.ValueEquals("v"))
                {
                    long v;
                    if (r.Read() && r.TryGetInt64(out v))
                    {
                        sum += v;
                    }
                }
                else if (r.ValueEquals("lines") || r.ValueEquals("sig"))
                {
                    r.TrySkip();
                }
            }

            return r.Error == JsonError.None ? sum : -1;
        }

        [TestMethod]
        public void Scan_OneKilobyteCommand_AllocatesZeroBytes()
        {
            byte[] command = Command();
            JsonReader r = new JsonReader(16);
            long expected = Scan(r, command);
            Assert.IsTrue(expected > 0, "the command parses");

            const int Runs = 1000;
            long before = GC.GetAllocatedBytesForCurrentThread();
            long total = 0;
            for (int i = 0; i < Runs; i++)
            {
                total += Scan(r, command);
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            TestContext.WriteLine("scan of a " + command.Length + "-byte command (Read/ValueEquals/TryGetInt64/TrySkip/TryGetValueSpan): "
                + (bytes / Runs) + " bytes allocated per scan (" + bytes + " over " + Runs + ")");
            Assert.AreEqual(expected * Runs, total);
            Assert.IsTrue(command.Length >= 900 && command.Length <= 1400, command.Length + " bytes");
            Assert.AreEqual(0L, bytes);
        }

        [TestMethod]
        public void Write_StatusReplyIntoReusedWriter_AllocatesZeroBytes()
        {
            JsonWriter w = new JsonWriter(1024);
            byte[] digest = { 0xDE, 0xAD, 0xBE, 0xEF };
            const string Id = "cmd-20261123-0042";
            const string Detail = "l\u1ecbch \u0111\u00e3 c\u1eadp nh\u1eadt \"ok\"";

            const int Runs = 1000;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Runs; i++)
            {
                w.Reset();
                w.WriteStartObject();
                w.WriteString("id", Id);
                w.WriteBoolean("accepted", true);
                w.WriteNumber("ts", 1795400000123L + i);
                w.WriteString("detail", Detail);
                w.WriteHexString("digest", digest, 0, digest.Length);
                w.WriteStartArray("lines");
                for (int line = 1; line <= 4; line++)
                {
                    w.WriteNumber(line);
                }

                w.WriteEndArray();
                w.WriteNull("error");
                w.WriteEndObject();
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            TestContext.WriteLine("status reply of " + w.Length + " bytes into a reused writer: " + (bytes / Runs) + " bytes allocated per reply");
            Assert.IsTrue(w.IsComplete);
            Assert.AreEqual(0L, bytes);
        }
    }
}
