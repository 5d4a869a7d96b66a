using System;
using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Device;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The device code (Firmware/Device and Program.cs), compiled on the host by Firmware/Host/DeviceCheck against
    /// stand-ins of the nanoFramework APIs, must stay inside the nanoFramework stable subset like Core: no generics,
    /// multidimensional arrays, async, iterators, Enum reflection, and only the System.String members nanoFramework has.
    /// The stand-ins themselves must not bring in what nanoFramework lacks either (a generic interface on a stub, say).
    /// </summary>
    [TestClass]
    public sealed class DeviceAssemblySubsetTests
    {
        private static readonly Lazy<IReadOnlyList<string>> Violations =
            new Lazy<IReadOnlyList<string>>(() => SubsetInspector.Inspect(typeof(MessageQueue).Assembly.Location));

        [TestMethod]
        public void Inspect_DeviceTypes_HaveNoSubsetViolations()
        {
            string[] device = Violations.Value.Where(IsDeviceCode).ToArray();

            Assert.IsEmpty(device,
                "Firmware/Device or Program.cs uses what nanoFramework stable cannot run (see shared/nanoframework.md):" +
                Environment.NewLine + string.Join(Environment.NewLine, device));
        }

        [TestMethod]
        public void Inspect_Stubs_HaveNoSubsetViolations()
        {
            string[] rest = Violations.Value.Where(v => !IsDeviceCode(v)).ToArray();

            Assert.IsEmpty(rest,
                "Firmware/Host/DeviceCheck/Stubs declares what nanoFramework does not have:" + Environment.NewLine + string.Join(Environment.NewLine, rest));
        }

        /// <summary>A violation located in CommuneRadio.Device or CommuneRadio.Program (nested types and closures included).</summary>
        internal static bool IsDeviceCode(string violation) =>
            violation.StartsWith("CommuneRadio.Device.", StringComparison.Ordinal) ||
            violation.StartsWith("CommuneRadio.Program.", StringComparison.Ordinal) ||
            violation.StartsWith("CommuneRadio.Program+", StringComparison.Ordinal);
    }
}
