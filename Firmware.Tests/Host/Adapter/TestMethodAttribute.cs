using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using CommuneRadio.Tests.Adapter;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's [TestMethod]. Before the first test of a class it
    /// runs the class's [Setup] methods (once, as the device runner does); a failing setup fails the test.
    /// </summary>
    public sealed class TestMethodAttribute : Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute
    {
        /// <summary>Creates the attribute; the caller information is forwarded to MSTest.</summary>
        public TestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
            : base(callerFilePath, callerLineNumber)
        {
        }

        /// <inheritdoc />
        public override Task<TestResult[]> ExecuteAsync(ITestMethod testMethod)
        {
            ClassLifetime.EnsureSetUp(testMethod.MethodInfo.DeclaringType);
            return base.ExecuteAsync(testMethod);
        }
    }
}
