using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using CommuneRadio.Core.Json;
using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Update;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Storage;
using CommuneRadio.Host.Update;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Update;

/// <summary>The host's update package against the Core's update state machine, on real files.</summary>
[TestClass]
public sealed class UpdatePackageTests
{
    private string _dir = null!;

    [TestInitialize]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("cr-update-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "build"));
        File.WriteAllBytes(Path.Combine(_dir, "build", "CommuneRadio.Station.pe"), RandomNumberGenerator.GetBytes(10_000));
        File.WriteAllBytes(Path.Combine(_dir, "build", "CommuneRadio.Core.pe"), RandomNumberGenerator.GetBytes(3_000));
        File.WriteAllBytes(Path.Combine(_dir, "build", "CommuneRadio.Station.dll"), RandomNumberGenerator.GetBytes(500));
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [TestMethod]
    public void FromDirectory_BuildFolder_StationVerifiesCommitsAndBootsTheFilesAsBuilt()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        UpdatePackage package = UpdatePackage.FromDirectory(Path.Combine(_dir, "build"), "1.4.0");
        var records = new MemoryStorage();
        var flash = new DirectoryUpdateStorage(Path.Combine(_dir, "flash"));
        var station = new UpdateManager(new RecordStore(records), flash, "1.3.0", new UpdateSettings());
        station.Boot();

        Assert.AreEqual(UpdateReason.None, station.Begin(ParseBegin(package.BeginArgs(key)), "prov.ha-tinh", key));
        foreach ((int file, int offset) in package.Chunks)
        {
            byte[] data = ParseChunk(package.ChunkArgs(file, offset), out int f, out int o);
            Assert.AreEqual(UpdateReason.None, station.Chunk("1.4.0", "prov.ha-tinh", key, f, o, data, 0, data.Length));
        }

        Assert.AreEqual(UpdateReason.None, station.Commit("1.4.0", "prov.ha-tinh", key));
        var rebooted = new UpdateManager(new RecordStore(records), flash, "1.3.0", new UpdateSettings());
        Assert.AreEqual(0, rebooted.Boot());
        rebooted.Healthy();

        Assert.AreEqual("1.4.0", rebooted.RunningVersion);
        CollectionAssert.AreEqual(new[] { "CommuneRadio.Core.pe", "CommuneRadio.Station.pe" }, rebooted.FilesOf(0), "the .pe files only, in ordinal order");
        foreach (string name in package.Names)
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(_dir, "build", name)), File.ReadAllBytes(Path.Combine(_dir, "flash", "slot0", name)), name);
        }
    }

    [TestMethod]
    public void BeginArgs_AnotherProvincesKey_ImageMismatchAtTheLastChunk()
    {
        byte[] mine = RandomNumberGenerator.GetBytes(32);
        byte[] theirs = RandomNumberGenerator.GetBytes(32);
        UpdatePackage package = UpdatePackage.FromDirectory(Path.Combine(_dir, "build"), "1.4.0");
        var station = new UpdateManager(new RecordStore(new MemoryStorage()), new DirectoryUpdateStorage(Path.Combine(_dir, "flash")), "1.3.0", new UpdateSettings());
        station.Boot();

        Assert.AreNotEqual(Hex.ToHex(package.Manifest(mine).ImageMac), Hex.ToHex(package.Manifest(theirs).ImageMac), "the image MAC depends on the key");
        Assert.AreEqual(UpdateReason.None, station.Begin(ParseBegin(package.BeginArgs(theirs)), "prov.ha-tinh", mine));
        UpdateReason last = UpdateReason.None;
        foreach ((int file, int offset) in package.Chunks)
        {
            byte[] data = ParseChunk(package.ChunkArgs(file, offset), out int f, out int o);
            last = station.Chunk("1.4.0", "prov.ha-tinh", mine, f, o, data, 0, data.Length);
        }

        Assert.AreEqual(UpdateReason.ImageMismatch, last);
        Assert.AreEqual("1.3.0", station.RunningVersion);
    }

    [TestMethod]
    public void Begin_DriveQuotaSmallerThanImage_StorageFullNothingWritten()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        UpdatePackage package = UpdatePackage.FromDirectory(Path.Combine(_dir, "build"), "1.4.0");
        var records = new MemoryStorage();
        var flash = new DirectoryUpdateStorage(Path.Combine(_dir, "flash"), quotaBytes: 12_000);
        var station = new UpdateManager(new RecordStore(records), flash, "1.3.0", new UpdateSettings());
        station.Boot();

        Assert.AreEqual(UpdateReason.StorageFull, station.Begin(ParseBegin(package.BeginArgs(key)), "prov.ha-tinh", key));
        Assert.AreEqual(UpdateState.Idle, station.State);
        Assert.AreEqual(12_000L, flash.FreeBytes());
    }

    [TestMethod]
    public void ChunkArgs_LargestChunkSigned_FitsTheStationsCommandLimit()
    {
        File.WriteAllBytes(Path.Combine(_dir, "build", "CommuneRadio.Station.pe"), RandomNumberGenerator.GetBytes(3 * UpdateManifest.MaxChunkSize));
        UpdatePackage package = UpdatePackage.FromDirectory(Path.Combine(_dir, "build"), "1.4.0-rc.1", UpdateManifest.MaxChunkSize);
        FleetFile fleet = FleetGenerator.Generate(4, communes: 2, provinces: 1);
        FleetIssuer province = fleet.Issuers.First(i => i.Level == "province");
        var issuer = new CommandIssuer(fleet, province);

        SignedCommand chunk = issuer.Create("st/" + fleet.Stations[0].Id, "update.chunk", package.ChunkArgs(1, UpdateManifest.MaxChunkSize));

        Assert.IsLessThanOrEqualTo(new ProtocolSettings(fleet.Prefix, fleet.Stations[0].Id, Array.Empty<string>()).MaxPayloadBytes, chunk.Payload.Length, chunk.Payload.Length + " bytes");
    }

    [TestMethod]
    [DataRow("none")]
    [DataRow("bad-name")]
    [DataRow("bad-version")]
    [DataRow("bad-chunk")]
    public void FromDirectory_WhatStationsRefuse_RefusedWithTheRule(string what)
    {
        string dir = Path.Combine(_dir, what);
        Directory.CreateDirectory(dir);
        if (what != "none")
        {
            File.WriteAllBytes(Path.Combine(dir, what == "bad-name" ? "App v2.pe" : "App.pe"), new byte[100]);
        }

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => UpdatePackage.FromDirectory(dir, what == "bad-version" ? "1.4/0" : "1.4.0", what == "bad-chunk" ? 100 : 4096));

        StringAssert.Contains(ex.Message, what switch { "none" => "no .pe files", "bad-version" => "version '1.4/0'", "bad-chunk" => "chunk size 100", _ => "names of letters" });
    }

    private static UpdateManifest ParseBegin(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement r = doc.RootElement;
        Assert.IsTrue(Hex.TryParse(r.GetProperty("mac").GetString()!, out byte[] mac));
        return new UpdateManifest
        {
            Version = r.GetProperty("version").GetString(),
            Names = r.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray(),
            Sizes = r.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("size").GetInt32()).ToArray(),
            ChunkSize = r.GetProperty("chunk").GetInt32(),
            ImageMac = mac,
        };
    }

    private static byte[] ParseChunk(string json, out int file, out int offset)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        file = doc.RootElement.GetProperty("file").GetInt32();
        offset = doc.RootElement.GetProperty("offset").GetInt32();
        return Convert.FromBase64String(doc.RootElement.GetProperty("data").GetString()!);
    }
}
