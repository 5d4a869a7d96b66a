using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CommuneRadio.Host.Protocol;
using CommuneRadio.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Protocol;

/// <summary>
/// <see cref="CommandSigner"/> against the shared vectors in docs/protocol-vectors.json, which the firmware
/// tests check against the Core's own signature code: the two sides agree byte for byte.
/// </summary>
[TestClass]
public sealed class CommandSignerTests
{
    private static readonly byte[] Key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public static IEnumerable<object[]> AllVectors => ProtocolVectors.Rows(ProtocolVectors.All);

    public static IEnumerable<object[]> CompactVectors => ProtocolVectors.Rows(ProtocolVectors.All.Where(v => v.Compact));

    public static IEnumerable<object[]> ValidVectors => ProtocolVectors.Rows(ProtocolVectors.Valid);

    public static IEnumerable<object[]> TamperedVectors => ProtocolVectors.Rows(ProtocolVectors.Tampered);

    [TestMethod]
    public void Vectors_File_HasEveryKindOfCase()
    {
        // The data-driven tests below would pass vacuously on an empty or truncated file.
        Assert.AreEqual(11, ProtocolVectors.All.Count);
        Assert.AreEqual(4, ProtocolVectors.All.Count(v => v.Compact));
        Assert.AreEqual(4, ProtocolVectors.Tampered.Count());
        Assert.AreEqual(ProtocolVectors.All.Count, ProtocolVectors.All.Select(v => v.Name).Distinct().Count());
    }

    [TestMethod]
    [DynamicData(nameof(CompactVectors))]
    public void SerializeBody_CompactVector_ExactBodyBytes(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(v.Body), CommandSigner.SerializeBody(MembersOf(v.Body)));
    }

    [TestMethod]
    [DynamicData(nameof(CompactVectors))]
    public void Sign_CompactVector_ExactEnvelope(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        Assert.AreEqual(v.Envelope, Encoding.UTF8.GetString(CommandSigner.Sign(MembersOf(v.Body), v.Key)));
    }

    [TestMethod]
    [DynamicData(nameof(AllVectors))]
    public void SignatureOf_Vector_ExpectedSig(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        Assert.AreEqual(v.Sig, CommandSigner.SignatureOf(Encoding.UTF8.GetBytes(v.Body), v.Key));
    }

    [TestMethod]
    [DynamicData(nameof(ValidVectors))]
    public void SignBody_ValidVector_EnvelopeMatchesUpToMemberOrderAndWhitespace(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        string signed = Encoding.UTF8.GetString(CommandSigner.SignBody(Encoding.UTF8.GetBytes(v.Body), v.Key));
        Assert.AreEqual("{\"body\":" + v.Body + ",\"sig\":\"" + v.Sig + "\"}", signed);
        if (v.Envelope.StartsWith("{\"body\":", StringComparison.Ordinal))
        {
            Assert.AreEqual(v.Envelope, signed);
        }
    }

    [TestMethod]
    [DynamicData(nameof(AllVectors))]
    public void TryReadEnvelope_Vector_FindsExactBodyAndSig(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        byte[] payload = Encoding.UTF8.GetBytes(v.Envelope);
        Assert.IsTrue(CommandSigner.TryReadEnvelope(payload, out Range body, out string sig));
        Assert.AreEqual(v.Body, Encoding.UTF8.GetString(payload[body]));
        string sent = v.Accept ? v.Sig : ProtocolVectors.Named(v.TamperedFrom!).Sig;
        Assert.AreEqual(sent, sig);
    }

    [TestMethod]
    [DynamicData(nameof(ValidVectors))]
    public void Verify_ValidVector_True(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        Assert.IsTrue(CommandSigner.Verify(Encoding.UTF8.GetBytes(v.Envelope), v.Key));
    }

    [TestMethod]
    [DynamicData(nameof(TamperedVectors))]
    public void Verify_TamperedVector_FalseAndItsOwnSigDiffers(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        ProtocolVector original = ProtocolVectors.Named(v.TamperedFrom!);
        Assert.IsFalse(CommandSigner.Verify(Encoding.UTF8.GetBytes(v.Envelope), v.Key));
        Assert.AreNotEqual(original.Body, v.Body);
        Assert.AreNotEqual(original.Sig, v.Sig);
        Assert.AreEqual(CommandSigner.SignatureOf(Encoding.UTF8.GetBytes(v.Body), v.Key), v.Sig);
    }

    [TestMethod]
    [DynamicData(nameof(ValidVectors))]
    public void Verify_ValidVectorUnderAnotherKey_False(string name)
    {
        ProtocolVector v = ProtocolVectors.Named(name);
        Assert.IsFalse(CommandSigner.Verify(Encoding.UTF8.GetBytes(v.Envelope), Key));
    }

    [TestMethod]
    [DataRow("", DisplayName = "empty")]
    [DataRow("[]", DisplayName = "not an object")]
    [DataRow("{\"body\":{}}", DisplayName = "no sig")]
    [DataRow("{\"sig\":\"00\"}", DisplayName = "no body")]
    [DataRow("{\"body\":{},\"sig\":\"00\",\"x\":1}", DisplayName = "unknown member")]
    [DataRow("{\"body\":{},\"body\":{},\"sig\":\"00\"}", DisplayName = "body twice")]
    [DataRow("{\"body\":{},\"sig\":\"00\",\"sig\":\"00\"}", DisplayName = "sig twice")]
    [DataRow("{\"body\":[],\"sig\":\"00\"}", DisplayName = "body not an object")]
    [DataRow("{\"body\":{},\"sig\":0}", DisplayName = "sig not a string")]
    [DataRow("{\"body\":{},\"sig\":\"\\u0030\"}", DisplayName = "escaped sig")]
    [DataRow("{\"body\":{},\"sig\":\"00\"} x", DisplayName = "trailing text")]
    [DataRow("{\"body\":{},\"sig\":\"00\"}{}", DisplayName = "second document")]
    [DataRow("{\"body\":{,\"sig\":\"00\"}", DisplayName = "broken body")]
    [DataRow("{\"body\":{},\"sig\":\"00\",}", DisplayName = "trailing comma")]
    public void TryReadEnvelope_WrongShape_False(string payload)
    {
        Assert.IsFalse(CommandSigner.TryReadEnvelope(Encoding.UTF8.GetBytes(payload), out _, out _));
    }

    [TestMethod]
    public void TryReadEnvelope_EscapedMemberNames_ReadAsBodyAndSig()
    {
        // Member names are compared decoded, as the station does; the body span is still the raw bytes.
        byte[] payload = Encoding.UTF8.GetBytes("{\"s\\u0069g\":\"ab\",\"b\\u006Fdy\":{ \"v\" : 1 }}");
        Assert.IsTrue(CommandSigner.TryReadEnvelope(payload, out Range body, out string sig));
        Assert.AreEqual("{ \"v\" : 1 }", Encoding.UTF8.GetString(payload[body]));
        Assert.AreEqual("ab", sig);
    }

    [TestMethod]
    [DataRow("", DisplayName = "empty")]
    [DataRow("[]", DisplayName = "array")]
    [DataRow("{}{}", DisplayName = "two objects")]
    [DataRow("{\"a\":}", DisplayName = "broken")]
    public void SerializeBody_ArgsNotOneObject_Throws(string args)
    {
        CommandBody body = new(1, "c-1", "com.ht.ab", "g/com.ht.ab", 1763850000, 1763850600, 1, "status", args);
        Assert.ThrowsExactly<ArgumentException>(() => CommandSigner.SerializeBody(body));
    }

    [TestMethod]
    public void SerializeBody_ArgsWithWhitespace_CopiedVerbatim()
    {
        CommandBody body = new(1, "c-1", "com.ht.ab", "g/com.ht.ab", 1763850000, 1763850600, 1, "stop", "{ \"programme\" : \"c-0\" }");
        Assert.AreEqual(
            "{\"v\":1,\"id\":\"c-1\",\"iss\":\"com.ht.ab\",\"to\":\"g/com.ht.ab\",\"iat\":1763850000,\"exp\":1763850600,\"ctr\":1,\"cmd\":\"stop\",\"args\":{ \"programme\" : \"c-0\" }}",
            Encoding.UTF8.GetString(CommandSigner.SerializeBody(body)));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(16)]
    [DataRow(64)]
    public void Sign_KeyNot32Bytes_Throws(int length)
    {
        CommandBody body = new(1, "c-1", "com.ht.ab", "g/com.ht.ab", 1763850000, 1763850600, 1, "status", "{}");
        Assert.ThrowsExactly<ArgumentException>(() => CommandSigner.Sign(body, new byte[length]));
    }

    [TestMethod]
    [DataRow(" {}", DisplayName = "leading space")]
    [DataRow("{} ", DisplayName = "trailing space")]
    [DataRow("[]", DisplayName = "array")]
    [DataRow("{\"a\":1}}", DisplayName = "extra brace")]
    public void SignBody_NotExactlyAnObject_Throws(string body)
    {
        Assert.ThrowsExactly<ArgumentException>(() => CommandSigner.SignBody(Encoding.UTF8.GetBytes(body), Key));
    }

    [TestMethod]
    public void Verify_UppercaseHexSig_False()
    {
        // The station compares lowercase hex only (§3.1), so the host must not accept more than it does.
        string body = "{\"v\":1}";
        string sig = CommandSigner.SignatureOf(Encoding.UTF8.GetBytes(body), Key).ToUpperInvariant();
        Assert.IsFalse(CommandSigner.Verify(Encoding.UTF8.GetBytes("{\"body\":" + body + ",\"sig\":\"" + sig + "\"}"), Key));
    }

    /// <summary>The members of a body, read with JsonDocument; args as its raw text.</summary>
    private static CommandBody MembersOf(string body)
    {
        using JsonDocument doc = JsonDocument.Parse(body);
        JsonElement b = doc.RootElement;
        return new CommandBody(
            b.GetProperty("v").GetInt32(),
            b.GetProperty("id").GetString()!,
            b.GetProperty("iss").GetString()!,
            b.GetProperty("to").GetString()!,
            b.GetProperty("iat").GetInt64(),
            b.GetProperty("exp").GetInt64(),
            b.GetProperty("ctr").GetInt64(),
            b.GetProperty("cmd").GetString()!,
            b.GetProperty("args").GetRawText());
    }
}
