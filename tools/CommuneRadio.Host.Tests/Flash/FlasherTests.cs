using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Host.Flash;
using CommuneRadio.Host.Provisioning;
using CommuneRadio.Host.Tests.Provisioning;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Flash;

[TestClass]
public sealed class FlasherTests
{
    private string _dir = string.Empty;
    private string _image = string.Empty;

    [TestInitialize]
    public void Setup()
    {
        _dir = ProvisionTestData.NewDirectory();
        Provisioner.Run(new ProvisionOptions { InventoryText = ProvisionTestData.ThreeStations(), Directory = _dir });
        _image = Path.Combine(Path.GetDirectoryName(_dir)!, "CommuneRadio.Firmware.bin");
        File.WriteAllBytes(_image, new byte[] { 1, 2, 3 });
    }

    [TestCleanup]
    public void Cleanup() => ProvisionTestData.Delete(_dir);

    [TestMethod]
    public void Plan_ProvisionedStation_TheThreeCommandLinesOfTheFirmwareReadme()
    {
        var plan = Flasher.Plan(Options());

        string manifest = new ProvisionLayout(_dir).DeployManifest("ht-ab-001");
        CollectionAssert.AreEqual(
            new[]
            {
                "nanoff --update --target ESP32_REV0 --serialport /dev/ttyUSB0 --masserase",
                $"nanoff --target ESP32_REV0 --serialport /dev/ttyUSB0 --deploy --image {_image}",
                $"nanoff --serialport /dev/ttyUSB0 --filedeployment {manifest}",
            },
            plan.Select(r => r.CommandLine).ToArray());
    }

    [TestMethod]
    public async Task RunAsync_DryRun_PrintsCommandLinesAndRunsNothing()
    {
        var runner = new RecordingNanoffRunner(available: false);
        var output = new StringWriter();

        int code = await Flasher.RunAsync(Options(dryRun: true), runner, output);

        Assert.AreEqual(0, code);
        Assert.IsEmpty(runner.Runs);
        StringAssert.Contains(output.ToString(), "nanoff --update --target ESP32_REV0 --serialport /dev/ttyUSB0 --masserase");
        StringAssert.Contains(output.ToString(), "--filedeployment");
    }

    [TestMethod]
    public async Task RunAsync_AllStepsSucceed_RunsFirmwareApplicationThenConfiguration()
    {
        var runner = new RecordingNanoffRunner();

        int code = await Flasher.RunAsync(Options(), runner, new StringWriter());

        Assert.AreEqual(0, code);
        Assert.HasCount(3, runner.Runs);
        CollectionAssert.AreEqual(new[] { "--update", "--target", "ESP32_REV0", "--serialport", "/dev/ttyUSB0", "--masserase" }, runner.Runs[0].Arguments.ToArray());
        Assert.AreEqual("--filedeployment", runner.Runs[2].Arguments[2]);
    }

    [TestMethod]
    public async Task RunAsync_NanoffMissing_ExplainsInstallAndExitsOne()
    {
        var output = new StringWriter();

        int code = await Flasher.RunAsync(Options(), new RecordingNanoffRunner(available: false), output);

        Assert.AreEqual(1, code);
        StringAssert.Contains(output.ToString(), "dotnet tool install -g nanoff");
    }

    [TestMethod]
    public async Task RunAsync_FirmwareStepFails_StopsBeforeDeploying()
    {
        var runner = new RecordingNanoffRunner(true, 2);
        var output = new StringWriter();

        int code = await Flasher.RunAsync(Options(), runner, output);

        Assert.AreEqual(1, code);
        Assert.HasCount(1, runner.Runs);
        StringAssert.Contains(output.ToString(), "nanoff exited with code 2");
    }

    [TestMethod]
    public async Task RunAsync_ConfigOnly_OnlyTheFileDeployment()
    {
        var runner = new RecordingNanoffRunner();

        int code = await Flasher.RunAsync(Options(configOnly: true, image: "/nonexistent.bin"), runner, new StringWriter());

        Assert.AreEqual(0, code);
        Assert.AreEqual("nanoff --serialport /dev/ttyUSB0 --filedeployment " + new ProvisionLayout(_dir).DeployManifest("ht-ab-001"), runner.Runs.Single().CommandLine);
    }

    [TestMethod]
    public async Task RunAsync_UnknownStation_RefusedBeforeNanoff()
    {
        var runner = new RecordingNanoffRunner();
        var output = new StringWriter();

        int code = await Flasher.RunAsync(Options(station: "ht-zz-999"), runner, output);

        Assert.AreEqual(1, code);
        Assert.IsEmpty(runner.Runs);
        StringAssert.Contains(output.ToString(), "not provisioned");
    }

    [TestMethod]
    public async Task RunAsync_ConfigurationEditedIntoAnInvalidFile_RefusedWithTheParserError()
    {
        string config = new ProvisionLayout(_dir).StationConfig("ht-ab-001");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"pin\": 22", "\"pin\": 12", System.StringComparison.Ordinal));
        var runner = new RecordingNanoffRunner();
        var output = new StringWriter();

        int code = await Flasher.RunAsync(Options(), runner, output);

        Assert.AreEqual(1, code);
        Assert.IsEmpty(runner.Runs);
        StringAssert.Contains(output.ToString(), "relays.lines[0].pin strapping-pin");
    }

    [TestMethod]
    public async Task RunAsync_MissingImage_RefusedUnlessDryRun()
    {
        var runner = new RecordingNanoffRunner();

        int code = await Flasher.RunAsync(Options(image: "/nonexistent.bin"), runner, new StringWriter());
        int dry = await Flasher.RunAsync(Options(image: "/nonexistent.bin", dryRun: true), runner, new StringWriter());

        Assert.AreEqual(1, code);
        Assert.AreEqual(0, dry);
        Assert.IsEmpty(runner.Runs);
    }

    [TestMethod]
    public void CommandLine_ArgumentWithSpace_SingleQuoted()
    {
        var run = new NanoffInvocation("x", new[] { "--filedeployment", "/home/eng/my dir/deploy.json" });

        Assert.AreEqual("nanoff --filedeployment '/home/eng/my dir/deploy.json'", run.CommandLine);
    }

    private FlashOptions Options(string station = "ht-ab-001", bool dryRun = false, bool configOnly = false, string? image = null) => new()
    {
        Port = "/dev/ttyUSB0",
        Station = station,
        Directory = _dir,
        Image = image ?? _image,
        DryRun = dryRun,
        ConfigOnly = configOnly,
    };
}
