using System;
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
        /// <summary>
        /// Creates the attribute. Parameterless like the device's (TestFrameworkShared/TestMethodAttribute.cs, v3.0.77), so
        /// <c>[TestMethod("x")]</c> does not compile here either; MSTest gets no source location.
        /// </summary>
#pragma warning disable MSTEST0057 // caller-info parameters would let [TestMethod("x")] compile, which the device refuses
        public TestMethodAttribute()
            : base(string.Empty, -1)
        {
        }
#pragma warning restore MSTEST0057

        /// <summary>Hides MSTest's named argument, which the device's attribute lacks: <c>[TestMethod(DisplayName = ...)]</c> must not compile.</summary>
        [Obsolete("nanoFramework.TestFramework's TestMethodAttribute has no DisplayName", true)]
        public new string DisplayName
        {
            get => base.DisplayName;
            set => base.DisplayName = value;
        }

        /// <summary>Hides MSTest's named argument, which the device's attribute lacks.</summary>
        [Obsolete("nanoFramework.TestFramework's TestMethodAttribute has no UnfoldingStrategy", true)]
        public new TestDataSourceUnfoldingStrategy UnfoldingStrategy
        {
            get => base.UnfoldingStrategy;
            set => base.UnfoldingStrategy = value;
        }

        /// <inheritdoc />
        public override Task<TestResult[]> ExecuteAsync(ITestMethod testMethod)
        {
            ClassLifetime.EnsureSetUp(testMethod.MethodInfo.DeclaringType);
            return base.ExecuteAsync(testMethod);
        }
    }
}
