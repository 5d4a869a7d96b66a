using System.Collections.Generic;
using System.Text;

namespace CommuneRadio.Host.Provisioning;

/*
 * CSV as RFC 4180 defines it, with the tolerances spreadsheets need:
 *
 *   station,commune,groups            >> ["station", "commune", "groups"]
 *   ht-ab-001,an-binh,"x.a;x.b"       >> ["ht-ab-001", "an-binh", "x.a;x.b"]
 *   "Nhà văn hoá, thôn 3","say ""hi"""  >> ["Nhà văn hoá, thôn 3", "say \"hi\""]     quotes doubled inside quotes
 *   "two\nlines",x                    >> ["two\nlines", "x"]                          a quoted field may hold CR/LF
 *   a,,                               >> ["a", "", ""]                                empty fields count
 *
 * Records end with CRLF, LF or CR (RFC 4180 says CRLF; editors write LF). A UTF-8 byte order mark at the
 * start is skipped (Excel writes one). The separator may be ';' instead of ',' (DetectSeparator), as Excel
 * writes "CSV" where the decimal mark is a comma (Vietnamese settings). Blank lines are skipped. Errors: a quote inside an unquoted field,
 * text after a closing quote, and a quoted field that never closes.
 */

/// <summary>Reads and writes RFC 4180 CSV (spec block above).</summary>
public static class CsvReader
{
    /// <summary>Parses CSV text into records; throws <see cref="CsvFormatException"/> with the line and character.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="separator">',' (RFC 4180) or ';' (what Excel writes where the decimal mark is a comma, as in Vietnam).</param>
    public static List<CsvRecord> Parse(string text, char separator = ',')
    {
        System.ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int line = 1;
        int lineStart = i;
        int recordLine = 1;
        bool quoted = false;      // inside a quoted field
        bool wasQuoted = false;   // the current field was quoted and has closed
        bool any = false;         // the current record has content (a blank line has none)

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            if (any || fields.Count > 0)
            {
                EndField();
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            wasQuoted = false;
            any = false;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        wasQuoted = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == separator)
            {
                any = true;
                EndField();
                continue;
            }

            switch (c)
            {
                case '\r':
                case '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    EndRecord();
                    line++;
                    lineStart = i + 1;
                    recordLine = line;
                    break;
                case '"':
                    if (field.Length > 0 || wasQuoted)
                    {
                        throw new CsvFormatException(line, i - lineStart + 1, "a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")");
                    }

                    quoted = true;
                    any = true;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new CsvFormatException(line, i - lineStart + 1, "text after the closing quote of a field");
                    }

                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(recordLine, 1, "a quoted field is never closed");
        }

        EndRecord();
        return records;
    }

    /// <summary>One field as CSV: quoted when it holds a comma, quote, CR or LF, or starts/ends with a space.</summary>
    public static string Quote(string value)
    {
        System.ArgumentNullException.ThrowIfNull(value);
        bool needs = value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needs ? "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// The separator of a file: ';' when its first line has more semicolons than commas outside quotes (Excel's
    /// "CSV" in a locale whose decimal mark is a comma), else ','.
    /// </summary>
    public static char DetectSeparator(string text)
    {
        System.ArgumentNullException.ThrowIfNull(text);
        int commas = 0, semicolons = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>One record as a CSV line ending in CRLF.</summary>
    public static string Format(IEnumerable<string> fields)
    {
        System.ArgumentNullException.ThrowIfNull(fields);
        var line = new StringBuilder();
        bool first = true;
        foreach (string f in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            line.Append(Quote(f));
        }

        return line.Append("\r\n").ToString();
    }
}
