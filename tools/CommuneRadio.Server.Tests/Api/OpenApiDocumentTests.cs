using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CommuneRadio.Server.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Api;

/// <summary>
/// The committed OpenAPI document (docs/server-openapi.json) is the one the server generates. After changing the
/// API run this test with CR_UPDATE_OPENAPI=1 to rewrite the file, and commit it.
/// </summary>
[TestClass]
public sealed class OpenApiDocumentTests
{
    [TestMethod]
    public async Task OpenApi_ServedDocument_MatchesCommittedFile()
    {
        await using LiveServer live = await LiveServer.StartAsync(stations: 2, startStations: false);
        JsonNode served = JsonNode.Parse(await live.Http(null).GetStringAsync("/openapi/v1.json"))!;
        // The servers list names the test's random port; the committed file leaves it to the deployment.
        served.AsObject().Remove("servers");
        string text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        string path = Path.Combine(RepoRoot(), "docs", "server-openapi.json");
        if (Environment.GetEnvironmentVariable("CR_UPDATE_OPENAPI") == "1")
        {
            File.WriteAllText(path, text);
        }

        Assert.IsTrue(File.Exists(path), $"{path} is missing: run with CR_UPDATE_OPENAPI=1");
        Assert.AreEqual(File.ReadAllText(path), text, "the API changed: rerun with CR_UPDATE_OPENAPI=1 and commit docs/server-openapi.json");
    }

    private static string RepoRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommuneRadio.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("CommuneRadio.sln not found above " + AppContext.BaseDirectory);
    }
}
