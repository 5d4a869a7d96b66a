using System;
using System.Collections.Generic;
using CommuneRadio.Host.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

[TestClass]
public sealed class MosquittoPasswordsTests
{
    [TestMethod]
    public void Line_SaltOfAMosquittoPasswdLine_ReproducesTheLine()
    {
        // Made by mosquitto_passwd -U (Mosquitto 2.0.11) from "u:secretpass".
        const string Expected = "u:$7$101$sHdDj0SXsBt6NccA$gmRqJjzUgvP9oEodersoS18wfK0+8cwxauatLr50Xkb6C+ifplgB9ugRnZ5x20DEcJ5YH174193Bd6GAl4jEyw==";

        string line = MosquittoPasswords.Line("u", "secretpass", Convert.FromBase64String("sHdDj0SXsBt6NccA"));

        Assert.AreEqual(Expected, line);
    }

    [TestMethod]
    public void Format_TwoUsers_FreshSaltEachLine()
    {
        string file = MosquittoPasswords.Format(new Dictionary<string, string> { ["a"] = "same-password", ["b"] = "same-password" });

        string[] lines = file.TrimEnd('\n').Split('\n');
        Assert.HasCount(2, lines);
        Assert.AreNotEqual(lines[0][2..], lines[1][2..]);
    }

    [TestMethod]
    public void Line_UserWithColon_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => MosquittoPasswords.Line("a:b", "x", new byte[12]));
    }
}
