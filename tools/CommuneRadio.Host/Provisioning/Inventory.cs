using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Host.Provisioning;

/*
 * Inventory file, spec: docs/engineers.md §Inventory. RFC 4180 CSV (CsvReader), UTF-8, one station per row,
 * this exact header first:
 *
 *   station,commune,province,groups,board,wifi_ssid,wifi_password,broker
 *   ht-ab-001,an-binh,ha-tinh,,devkit-4relay,UBND-AnBinh,change-me-wifi,mqtts://mqtt.ha-tinh.example.vn:8883
 *   ht-ab-002,an-binh,ha-tinh,x.coastal;x.market,board-8relay,"Nhà văn hoá, thôn 3",,mqtts://mqtt.ha-tinh.example.vn:8883
 *
 * station        id, 1-45 of a-z A-Z 0-9 . _ - : (45 so that its key's issuer name "st.{id}" fits 48); unique
 * commune        slug: lowercase a-z 0-9 and single hyphens ("an-binh"); group com.{province}.{commune} <= 48
 * province       slug ("ha-tinh"); group prov.{province}
 * groups         extra custom groups, ";"-separated, each "x.{name}" (<= 48 characters); may be empty. The
 *                station always hears vn, prov.{province} and com.{province}.{commune}; at most 5 extra (8 in all)
 * board          a Firmware/Config profile: devkit-4relay or board-8relay
 * wifi_ssid      1-32 bytes in UTF-8 (an accented letter takes 2-3), taken verbatim (not trimmed)
 * wifi_password  empty (open network) or 8-64 characters, verbatim
 * broker         mqtt://host:port or mqtts://host:port (TLS; needs --ca); host a name or IPv4 address. Every row
 *                names the same broker: one provisioning directory serves one broker
 *
 * Optional columns may follow, in any order, once each:
 *   name           display name with diacritics for people and maps ("Nhà văn hoá thôn 3"), at most 80 characters
 *   lat, lon       WGS 84 degrees for a map (18.3421,105.9057; a decimal comma 18,3421 is read too); both or neither
 * The file may be ';'-separated, as Excel writes "CSV" with Vietnamese settings (then a groups list with ';'
 * is quoted, as Excel does).
 *
 * Rows are numbered by their line in the file (the header is row 1), as a text editor or spreadsheet shows.
 * Identifier columns are trimmed; blank lines are skipped.
 */

/// <summary>Reads and validates an inventory (spec block above) into <see cref="InventoryRow"/>s.</summary>
public static class Inventory
{
    /// <summary>The header, column by column.</summary>
    public static readonly string[] Columns = { "station", "commune", "province", "groups", "board", "wifi_ssid", "wifi_password", "broker" };

    /// <summary>Longest station id: "st." + id must stay a 48-character issuer name.</summary>
    public const int MaxStationId = 45;

    private static readonly Regex Token = new("^[A-Za-z0-9._:-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Slug = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex HostToken = new("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant);

    /// <summary>Optional columns after <see cref="Columns"/>: display name with diacritics, latitude, longitude (WGS 84 degrees).</summary>
    public static readonly string[] OptionalColumns = { "name", "lat", "lon" };

    /// <summary>The header line as the file must start.</summary>
    public static string Header => string.Join(',', Columns);

    /// <summary>Parses and validates inventory text; throws <see cref="ProvisionException"/> listing every problem.</summary>
    public static List<InventoryRow> Parse(string text)
    {
        List<CsvRecord> records;
        try
        {
            records = CsvReader.Parse(text, CsvReader.DetectSeparator(text));
        }
        catch (CsvFormatException ex)
        {
            throw new ProvisionException(new[] { new ProvisionError(ex.Line, null, $"not CSV (character {ex.Column}): {ex.Problem}") });
        }

        var errors = new List<ProvisionError>();
        Dictionary<string, int>? at = records.Count == 0 ? null : HeaderIndex(records[0]);
        if (at is null)
        {
            int row = records.Count == 0 ? 1 : records[0].Line;
            throw new ProvisionException(new[] { new ProvisionError(row, null, $"the first row must be the header '{Header}' (optionally followed by {string.Join(", ", OptionalColumns)})") });
        }

        int width = records[0].Fields.Count;

        var rows = new List<InventoryRow>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string? broker = null;
        int brokerRow = 0;
        for (int r = 1; r < records.Count; r++)
        {
            CsvRecord record = records[r];
            if (record.Fields.Count != width)
            {
                errors.Add(new ProvisionError(record.Line, null, $"{record.Fields.Count} fields, expected {width} ({string.Join(',', records[0].Fields)})"));
                continue;
            }

            int before = errors.Count;
            InventoryRow row = Read(record, at, errors);
            if (ids.TryGetValue(row.Station, out int first))
            {
                errors.Add(new ProvisionError(record.Line, "station", $"'{row.Station}' is already on row {first}"));
            }
            else if (row.Station.Length > 0)
            {
                ids.Add(row.Station, record.Line);
            }

            if (broker is null && errors.Count == before)
            {
                broker = row.Broker;
                brokerRow = record.Line;
            }
            else if (broker is not null && row.Broker.Length > 0 && row.Broker != broker)
            {
                errors.Add(new ProvisionError(record.Line, "broker", $"'{row.Broker}' differs from '{broker}' on row {brokerRow}: one provisioning directory serves one broker (provision each broker into its own directory)"));
            }

            if (errors.Count == before)
            {
                rows.Add(row);
            }
        }

        if (records.Count == 1)
        {
            errors.Add(new ProvisionError(records[0].Line, null, "no stations after the header"));
        }

        if (errors.Count > 0)
        {
            throw new ProvisionException(errors);
        }

        return rows;
    }

    /// <summary>The inventory text for <paramref name="rows"/> (header first, CRLF lines).</summary>
    public static string Format(IEnumerable<InventoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new System.Text.StringBuilder(CsvReader.Format(Columns));
        foreach (InventoryRow row in rows)
        {
            text.Append(CsvReader.Format(row.Fields()));
        }

        return text.ToString();
    }

    /// <summary>Column name → index, when the header is <see cref="Columns"/> in order followed by optional columns; else null.</summary>
    private static Dictionary<string, int>? HeaderIndex(CsvRecord record)
    {
        if (record.Fields.Count < Columns.Length)
        {
            return null;
        }

        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < record.Fields.Count; i++)
        {
            string name = record.Fields[i].Trim();
            bool expected = i < Columns.Length ? name == Columns[i] : Array.IndexOf(OptionalColumns, name) >= 0;
            if (!expected || !at.TryAdd(name, i))
            {
                return null;
            }
        }

        return at;
    }

    private static double? ReadDegrees(CsvRecord record, Dictionary<string, int> at, string column, double limit, Action<string, string> error)
    {
        if (!at.TryGetValue(column, out int i) || record.Fields[i].Trim().Length == 0)
        {
            return null;
        }

        // A spreadsheet with Vietnamese settings writes 18,3421: the comma is the decimal mark there.
        string text = record.Fields[i].Trim().Replace(',', '.');
        if (!double.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double v) || v < -limit || v > limit)
        {
            error(column, $"'{record.Fields[i]}' is not degrees from -{limit} to {limit} (e.g. 18.3421)");
            return null;
        }

        return v;
    }

    private static InventoryRow Read(CsvRecord record, Dictionary<string, int> at, List<ProvisionError> errors)
    {
        int line = record.Line;
        void Error(string column, string message) => errors.Add(new ProvisionError(line, column, message));

        string station = record.Fields[0].Trim();
        string commune = record.Fields[1].Trim();
        string province = record.Fields[2].Trim();
        string board = record.Fields[4].Trim();
        string ssid = record.Fields[5];
        string password = record.Fields[6];
        string broker = record.Fields[7].Trim();

        if (station.Length == 0 || station.Length > MaxStationId || !Token.IsMatch(station))
        {
            Error("station", $"'{station}' is not a station id (1-{MaxStationId} of a-z A-Z 0-9 . _ - :)");
        }
        else if (station == FleetGroups.National || station.StartsWith("prov.", StringComparison.Ordinal) || station.StartsWith("com.", StringComparison.Ordinal) || station.StartsWith("st.", StringComparison.Ordinal))
        {
            Error("station", $"'{station}' looks like an issuer name (vn, prov.*, com.*, st.*): station ids and issuers share the broker's user names");
        }

        CheckSlug(commune, "commune", Error);
        CheckSlug(province, "province", Error);
        if (Slug.IsMatch(commune) && Slug.IsMatch(province) && FleetGroups.Commune(province, commune).Length > 48)
        {
            Error("commune", $"group '{FleetGroups.Commune(province, commune)}' is longer than 48 characters");
        }

        string[] custom = ReadGroups(record.Fields[3], province, commune, Error);
        if (!BoardTemplates.IsKnown(board))
        {
            Error("board", $"unknown profile '{board}' ({string.Join(", ", BoardTemplates.Names)})");
        }

        // 802.11 limits an SSID to 32 octets, and the ESP32 stores it as UTF-8: "Nhà văn hoá thôn 3" is 18
        // characters but 23 bytes, so the limit is counted in bytes.
        int ssidBytes = System.Text.Encoding.UTF8.GetByteCount(ssid);
        if (ssid.Length == 0 || ssidBytes > 32)
        {
            Error("wifi_ssid", ssid.Length == 0 ? "must not be empty" : $"must be at most 32 bytes in UTF-8, not {ssidBytes} ({ssid.Length} characters; each Vietnamese letter with a mark takes 2-3 bytes)");
        }

        if (password.Length is > 0 and < 8 || password.Length > 64)
        {
            Error("wifi_password", $"must be empty (open network) or 8-64 characters, not {password.Length}");
        }

        if (!BrokerAddress.TryParse(broker, out BrokerAddress address) || !HostToken.IsMatch(address.Host))
        {
            Error("broker", $"'{broker}' is not mqtt://host:port or mqtts://host:port with a host name or IPv4 address");
        }

        string? name = at.TryGetValue("name", out int n) && record.Fields[n].Trim().Length > 0 ? record.Fields[n].Trim().Normalize(System.Text.NormalizationForm.FormC) : null;
        if (name is not null && name.Length > 80)
        {
            Error("name", $"at most 80 characters, not {name.Length}");
        }

        int beforeDegrees = errors.Count;
        double? lat = ReadDegrees(record, at, "lat", 90, Error);
        double? lon = ReadDegrees(record, at, "lon", 180, Error);
        if ((lat is null) != (lon is null) && errors.Count == beforeDegrees)
        {
            Error(lat is null ? "lat" : "lon", "give both lat and lon, or neither");
        }

        return new InventoryRow
        {
            Row = line, Station = station, Commune = commune, Province = province, CustomGroups = custom,
            Board = board, WifiSsid = ssid, WifiPassword = password, Broker = broker, Name = name, Lat = lat, Lon = lon,
        };
    }

    private static void CheckSlug(string value, string column, Action<string, string> error)
    {
        if (!Slug.IsMatch(value) || value.Length > 40)
        {
            error(column, $"'{value}' is not a name slug (lowercase a-z 0-9 and single hyphens, e.g. 'an-binh', at most 40)");
        }
    }

    private static string[] ReadGroups(string text, string province, string commune, Action<string, string> error)
    {
        var groups = new List<string>();
        foreach (string part in text.Split(';'))
        {
            string g = part.Trim();
            if (g.Length == 0)
            {
                continue;
            }

            if (g == FleetGroups.National || g == FleetGroups.Province(province) || g == FleetGroups.Commune(province, commune))
            {
                error("groups", $"'{g}' is implied by the province and commune columns: list only custom groups x.{{name}}");
            }
            else if (!g.StartsWith("x.", StringComparison.Ordinal) || g.Length < 3 || g.Length > 48 || !Token.IsMatch(g))
            {
                error("groups", $"'{g}' is not a custom group (x.{{name}}, at most 48 of a-z A-Z 0-9 . _ - :; separate groups with ';')");
            }
            else if (groups.Contains(g))
            {
                error("groups", $"'{g}' appears twice");
            }
            else
            {
                groups.Add(g);
            }
        }

        if (groups.Count > 5)
        {
            error("groups", $"{groups.Count} custom groups; at most 5 (a station hears at most 8 groups, 3 are implied)");
        }

        return groups.ToArray();
    }
}
