// Reference stub of nanoFramework.TestFramework 3.0.77 (its packages.config at tag v3.0.77: nanoFramework.CoreLibrary
// 1.17.11): every public, non-obsolete member of the framework's test API, with the signatures of
// nanoframework/nanoFramework.TestFramework at tag v3.0.77 (source/TestFramework/Assert.cs, Assert.AreEqual.cs,
// Assert.AreNotEqual.cs, CollectionAssert.cs, OutputHelper.cs; source/TestFrameworkShared/*Attribute.cs,
// SkipTestException.cs). The [Obsolete] aliases of Assert.Obsolete.cs (Equal, True, Throws, ...) are left out: they
// would only raise CS0618. The portable tests compile against this and the real mscorlib, so a call to a member the
// device framework lacks (Assert.Fail, a generic overload) fails the host build. The host adapter
// (Firmware.Tests/Host/Adapter) must offer a subset of it: AdapterSurfaceTests compares the two. Never run.
using System;
using System.Collections;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();

        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw new NotImplementedException();
        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "") => throw new NotImplementedException();
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "") => throw new NotImplementedException();
        public static void SkipTest(string message = null) => throw new NotImplementedException();
        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw new NotImplementedException();
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "") => throw new NotImplementedException();
    }

    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") => throw new NotImplementedException();
        public static void NotEmpty(ICollection collection, string message = "") => throw new NotImplementedException();
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => throw new NotImplementedException();
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => throw new NotImplementedException();
    }

    public static class OutputHelper
    {
        public static void Write(string message) => throw new NotImplementedException();
        public static void WriteLine(string message) => throw new NotImplementedException();
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) => throw new NotImplementedException();

        public object[] MethodParameters { get; }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) : base(message, innerException)
        {
        }
    }
}
