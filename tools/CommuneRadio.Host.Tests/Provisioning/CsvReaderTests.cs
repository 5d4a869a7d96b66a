using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Host.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

[TestClass]
public sealed class CsvReaderTests
{
    [TestMethod]
    public void Parse_QuotedCommaAndDoubledQuote_UnquotesField()
    {
        List<CsvRecord> records = CsvReader.Parse("a,\"Nhà văn hoá, thôn 3\",\"say \"\"hi\"\"\"\n");

        CollectionAssert.AreEqual(new[] { "a", "Nhà văn hoá, thôn 3", "say \"hi\"" }, records.Single().Fields.ToArray());
    }

    [TestMethod]
    public void Parse_QuotedLineBreak_KeepsItAndNextRecordHasItsOwnLine()
    {
        List<CsvRecord> records = CsvReader.Parse("h1,h2\r\n\"two\r\nlines\",x\r\nlast,y\r\n");

        Assert.HasCount(3, records);
        Assert.AreEqual("two\r\nlines", records[1].Fields[0]);
        Assert.AreEqual(2, records[1].Line);
        Assert.AreEqual(4, records[2].Line);
    }

    [TestMethod]
    public void Parse_CrLfLfCrAndByteOrderMark_SameRecords()
    {
        List<CsvRecord> crlf = CsvReader.Parse("\uFEFFa,b\r\nc,d\r\n");
        List<CsvRecord> lf = CsvReader.Parse("a,b\nc,d");
        List<CsvRecord> cr = CsvReader.Parse("a,b\rc,d\r");

        foreach (List<CsvRecord> records in new[] { crlf, lf, cr })
        {
            Assert.HasCount(2, records);
            CollectionAssert.AreEqual(new[] { "a", "b" }, records[0].Fields.ToArray());
            CollectionAssert.AreEqual(new[] { "c", "d" }, records[1].Fields.ToArray());
        }
    }

    [TestMethod]
    public void Parse_EmptyFieldsAndBlankLines_FieldsCountedLinesSkipped()
    {
        List<CsvRecord> records = CsvReader.Parse("a,,\n\n\"\",b\n");

        Assert.HasCount(2, records);
        CollectionAssert.AreEqual(new[] { "a", string.Empty, string.Empty }, records[0].Fields.ToArray());
        CollectionAssert.AreEqual(new[] { string.Empty, "b" }, records[1].Fields.ToArray());
        Assert.AreEqual(3, records[1].Line);
    }

    [TestMethod]
    public void Parse_QuoteInsideUnquotedField_ThrowsWithLineAndCharacter()
    {
        CsvFormatException ex = Assert.ThrowsExactly<CsvFormatException>(() => CsvReader.Parse("a,b\nab\"c,d\n"));

        Assert.AreEqual(2, ex.Line);
        Assert.AreEqual(3, ex.Column);
    }

    [TestMethod]
    public void Parse_TextAfterClosingQuote_Throws()
    {
        CsvFormatException ex = Assert.ThrowsExactly<CsvFormatException>(() => CsvReader.Parse("\"a\"b,c\n"));

        Assert.AreEqual(1, ex.Line);
        StringAssert.Contains(ex.Problem, "after the closing quote");
    }

    [TestMethod]
    public void Parse_UnclosedQuote_ThrowsOnItsRecordLine()
    {
        CsvFormatException ex = Assert.ThrowsExactly<CsvFormatException>(() => CsvReader.Parse("a,b\nc,\"open\nstill open\n"));

        Assert.AreEqual(2, ex.Line);
    }

    [TestMethod]
    public void Format_FieldsNeedingQuotes_ParseBackToTheSameFields()
    {
        string[] fields = { string.Empty, "plain", "a,b", "say \"hi\"", "two\nlines", " padded " };

        List<CsvRecord> back = CsvReader.Parse(CsvReader.Format(fields));

        CollectionAssert.AreEqual(fields, back.Single().Fields.ToArray());
        Assert.AreEqual("plain", CsvReader.Quote("plain"));
    }
}
