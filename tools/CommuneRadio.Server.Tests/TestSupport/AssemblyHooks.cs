using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.TestSupport;

/// <summary>Run-wide set-up and tear-down.</summary>
[TestClass]
public static class AssemblyHooks
{
    /// <summary>Stops the PostgreSQL cluster the tests started.</summary>
    [AssemblyCleanup]
    public static async Task CleanupAsync() => await TestDatabase.StopClusterAsync();
}
