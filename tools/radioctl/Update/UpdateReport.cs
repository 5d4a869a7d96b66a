using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Update;
using Spectre.Console;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// Shows an update push: the per-station table (live while it runs, final on standard output), or for scripts
/// (--json) one document:
/// <code>
/// {"command":"update.push","version":"1.4.0","issuer":"prov.ha-tinh","to":"g/com.ha-tinh.an-binh",
///  "image":{"files":[{"name":"CommuneRadio.Firmware.pe","size":61234}],"bytes":61234,"chunkSize":4096,"chunks":15},
///  "members":3,"committed":2,"upToDate":0,"rolledBack":1,"refused":0,"silent":0,"unconfirmed":0,"exitCode":2,
///  "stations":[{"station":"ht-ab-001","outcome":"committed","reason":null,"chunksSent":15,"chunksVerified":15,
///               "chunks":15,"resends":0,"resumes":0,"running":"1.4.0","seconds":4.2},…]}
/// </code>
/// </summary>
public static class UpdateReport
{
    /// <summary>The exit code: 0 when every station committed or already ran the version, 2 when one refused or rolled back, else 3 (silent, unconfirmed).</summary>
    public static int ExitCode(IReadOnlyList<StationPush> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Any(r => r.Phase is PushPhase.Refused or PushPhase.RolledBack) ? ExitCodes.Refused
            : rows.All(r => r.Succeeded) ? ExitCodes.Ok
            : ExitCodes.Silent;
    }

    /// <summary>The wire-style name of a phase ("rolled-back", "up-to-date").</summary>
    public static string Name(PushPhase phase) => phase switch
    {
        PushPhase.RolledBack => "rolled-back",
        PushPhase.UpToDate => "up-to-date",
        _ => phase.ToString().ToLowerInvariant(),
    };

    /// <summary>The table of the rows as they stand (the live display redraws it).</summary>
    public static Table Table(IReadOnlyList<StationPush> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Title(Markup.Escape(title)).AddColumns("station", "phase", "chunks sent", "verified", "resends", "resumes", "running", "reason", "s");
        foreach (StationPush r in rows)
        {
            string colour = r.Phase switch
            {
                PushPhase.Committed or PushPhase.UpToDate => "green",
                PushPhase.Refused or PushPhase.RolledBack => "red",
                PushPhase.Silent or PushPhase.Unconfirmed => "yellow",
                _ => "default",
            };
            table.AddRow(
                Markup.Escape(r.Station),
                $"[{colour}]{Name(r.Phase)}[/]",
                r.ChunksSent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Phase == PushPhase.UpToDate ? "-" : $"{r.ChunksVerified}/{r.TotalChunks}",
                r.Resends.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Resumes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(r.Running ?? "-"),
                Markup.Escape(r.Reason ?? "-"),
                r.Seconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary>One line of counts: "2 committed, 1 rolled-back, 0 sending…".</summary>
    public static string Summary(IReadOnlyList<StationPush> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return string.Join(", ", rows.GroupBy(r => r.Phase).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}"));
    }

    /// <summary>Writes the final table, and what to do about each failure, to standard output.</summary>
    public static void Write(CliContext context, IReadOnlyList<StationPush> rows, UpdatePackage package, string issuer, Target target)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(target);
        IAnsiConsole c = context.Console;
        c.Write(Table(rows, $"update {package.Version} signed by {issuer} to {target.Description}"));
        c.MarkupLine(Markup.Escape(Summary(rows)));
        foreach (StationPush r in rows.Where(r => !r.Succeeded))
        {
            c.MarkupLine($"{Markup.Escape(r.Station)}: {Markup.Escape(Advice(r))}");
        }
    }

    /// <summary>What an engineer does about a station that did not end well (docs/engineers.md, "Updating the application over the air").</summary>
    public static string Advice(StationPush row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Phase switch
        {
            PushPhase.Silent => "no answer: run the same command again when it is back online; it resumes where the station stands",
            PushPhase.Unconfirmed => "committed, but no outcome yet: check 'radioctl status --station " + row.Station + "' (running version) after its prove time",
            PushPhase.RolledBack => $"rolled back ({row.Reason}): it runs {row.Running ?? "the previous version"} again; fix the image before pushing it again",
            PushPhase.Refused when row.Reason == "storage-full" => "storage-full: the image does not fit its drive next to the running version; nothing running was touched",
            PushPhase.Refused when row.Reason == "not-authorized" => "not-authorized: the key signing has no update right on this station (\"update\": true in its keyring)",
            PushPhase.Refused when row.Reason == "update-in-trial" => "another version is on trial there: wait for its outcome, then push again",
            PushPhase.Refused when row.Reason is "wrong-issuer" or "wrong-version" => "another transfer took over (another issuer or version): push again to replace it",
            PushPhase.Refused => $"refused ({row.Reason}): see docs/protocol.md §8",
            _ => "not finished",
        };
    }

    /// <summary>The JSON document of a push.</summary>
    public static string Json(IReadOnlyList<StationPush> rows, UpdatePackage package, string issuer, Target target)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(target);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("command", "update.push");
            w.WriteString("version", package.Version);
            w.WriteString("issuer", issuer);
            w.WriteString("to", target.Addressee);
            w.WriteStartObject("image");
            w.WriteStartArray("files");
            for (int i = 0; i < package.Names.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("name", package.Names[i]);
                w.WriteNumber("size", package.Contents[i].Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("bytes", package.TotalBytes);
            w.WriteNumber("chunkSize", package.ChunkSize);
            w.WriteNumber("chunks", package.Chunks.Count);
            w.WriteEndObject();
            w.WriteNumber("members", rows.Count);
            foreach ((string name, PushPhase phase) in new[]
            {
                ("committed", PushPhase.Committed), ("upToDate", PushPhase.UpToDate), ("rolledBack", PushPhase.RolledBack),
                ("refused", PushPhase.Refused), ("silent", PushPhase.Silent), ("unconfirmed", PushPhase.Unconfirmed),
            })
            {
                w.WriteNumber(name, rows.Count(r => r.Phase == phase));
            }

            w.WriteNumber("exitCode", ExitCode(rows));
            w.WriteStartArray("stations");
            foreach (StationPush r in rows)
            {
                w.WriteStartObject();
                w.WriteString("station", r.Station);
                w.WriteString("outcome", Name(r.Phase));
                w.WriteString("reason", r.Reason);
                w.WriteNumber("chunksSent", r.ChunksSent);
                w.WriteNumber("chunksVerified", r.ChunksVerified);
                w.WriteNumber("chunks", r.TotalChunks);
                w.WriteNumber("resends", r.Resends);
                w.WriteNumber("resumes", r.Resumes);
                w.WriteString("running", r.Running);
                w.WriteNumber("seconds", Math.Round(r.Seconds, 1));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
