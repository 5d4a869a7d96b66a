using Microsoft.VisualStudio.TestTools.UnitTesting;

// Host-only: the portable tests that take a second or more (fuzzing, soak, a simulated week) carry MSTest's
// TestCategory "Slow", so a run can leave them out: `dotnet test --filter TestCategory!=Slow`, and the mutation
// runs (Firmware.Tests/Host/stryker-config.json, docs/testing.md), where each mutant would otherwise run them again.
// nanoFramework.TestFramework has no categories, so the attribute is added here, to a partial declaration of the
// portable class; on the device they run like every other test.
namespace CommuneRadio.Tests.Core.Protocol
{
    [TestCategory(TestCategories.Slow)]
    public partial class CommandFuzzTests
    {
    }
}

namespace CommuneRadio.Tests.Core.Persistence
{
    [TestCategory(TestCategories.Slow)]
    public partial class SoakTests
    {
    }
}

namespace CommuneRadio.Tests.Core.Station
{
    [TestCategory(TestCategories.Slow)]
    public partial class StationWeekTests
    {
    }
}

namespace CommuneRadio.Tests
{
    /// <summary>Test category names used in filters (docs/testing.md).</summary>
    public static class TestCategories
    {
        /// <summary>Portable tests of a second or more; left out of mutation runs.</summary>
        public const string Slow = "Slow";
    }
}
