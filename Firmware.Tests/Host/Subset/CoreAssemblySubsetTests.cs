using System;
using System.Collections.Generic;
using CommuneRadio.Core.Station;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The compiled host Core must stay inside the nanoFramework stable subset: what BannedSymbols.*.txt
    /// cannot name (generics, multidimensional arrays, async, iterators, Enum reflection) is read off the IL.
    /// </summary>
    [TestClass]
    public sealed class CoreAssemblySubsetTests
    {
        [TestMethod]
        public void Inspect_CoreAssembly_HasNoSubsetViolations()
        {
            string path = typeof(StationCore).Assembly.Location;

            IReadOnlyList<string> violations = SubsetInspector.Inspect(path);

            Assert.IsEmpty(violations,
                "CommuneRadio.Core uses what nanoFramework stable cannot run (see shared/nanoframework.md):" +
                Environment.NewLine + string.Join(Environment.NewLine, violations));
        }
    }
}
