using System.Collections.Generic;
using CommuneRadio.Server.Api;
using CommuneRadio.Server.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Api;

[TestClass]
public sealed class ProofReportTests
{
    [TestMethod]
    public void Summarise_UpdateEventsAmongPlays_OnlyProgrammesAreRows()
    {
        var events = new List<StoredEvent>
        {
            new("ht-ab-001", 1, "started", "news", "normal", "none", 1000, true, 1000),
            new("ht-ab-001", 2, "update-committed", string.Empty, string.Empty, "none", 1500, true, 1500),
            new("ht-ab-001", 3, "ended", "news", "normal", "none", 61000, true, 61000),
            new("ht-ab-001", 4, "update-rolled-back", string.Empty, string.Empty, "not-healthy", 62000, true, 62000),
        };

        List<PlaySummary> rows = ProofReport.Summarise(events);

        Assert.AreEqual(1, rows.Count);
        Assert.AreEqual("news", rows[0].Programme);
        Assert.AreEqual(60.0, rows[0].OnAirSeconds);
    }
}
