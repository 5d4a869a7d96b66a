using System;
using M = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework 3.0.77's Assert, forwarding to MSTest. It offers a subset of the
    /// real members with the same signatures (Firmware/Host/NanoCheck/Tests/Stubs/NanoFrameworkTestFramework.cs is
    /// the real surface; AdapterSurfaceTests keeps this class inside it, and the portable tests are also compiled
    /// against that stub) and the same semantics: AreEqual/AreNotEqual compare with object.Equals, Contains/StartsWith/
    /// EndsWith are ordinal, ThrowsException wants the exact exception type. There is no Fail: the device framework
    /// has none.
    /// </summary>
    public static class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(byte expected, byte actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(char expected, char actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(double expected, double actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(float expected, float actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(int expected, int actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(long expected, long actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(object expected, object actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(short expected, short actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(string expected, string actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(uint expected, uint actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, string message = "") => M.Assert.AreEqual(expected, actual, message);

        public static void AreNotEqual(bool notExpected, bool actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(char notExpected, char actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(double notExpected, double actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(float notExpected, float actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(int notExpected, int actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(short notExpected, short actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(string notExpected, string actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);

        public static void IsTrue(bool condition, string message = "") => M.Assert.IsTrue(condition, message);
        public static void IsFalse(bool condition, string message = "") => M.Assert.IsFalse(condition, message);
        public static void IsNull(object value, string message = "") => M.Assert.IsNull(value, message);
        public static void IsNotNull(object value, string message = "") => M.Assert.IsNotNull(value, message);
        public static void AreSame(object expected, object actual, string message = "") => M.Assert.AreSame(expected, actual, message);
        public static void AreNotSame(object notExpected, object actual, string message = "") => M.Assert.AreNotSame(notExpected, actual, message);
        public static void Contains(string expected, string value, string message = "") => M.Assert.Contains(expected, value, StringComparison.Ordinal, message);
        public static void DoesNotContains(string notExpected, string value, string message = "") => M.Assert.DoesNotContain(notExpected, value, StringComparison.Ordinal, message);
        public static void StartsWith(string expected, string value, string message = "") => M.Assert.StartsWith(expected, value, StringComparison.Ordinal, message);
        public static void EndsWith(string expected, string value, string message = "") => M.Assert.EndsWith(expected, value, StringComparison.Ordinal, message);

        /// <summary>Asserts that <paramref name="value"/>'s type is exactly <paramref name="expected"/> (as on the device: not a subclass).</summary>
        public static void IsInstanceOfType(object value, Type expected, string message = "") =>
            M.Assert.IsTrue(value != null && value.GetType() == expected, "Expected type " + expected + ", got " + (value == null ? "(null)" : value.GetType().ToString()) + ". " + message);

        /// <summary>Asserts that <paramref name="action"/> throws exactly <paramref name="exception"/> (as on the device: a subclass fails).</summary>
        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (M.AssertFailedException)
            {
                throw;
            }
            catch (Exception e)
            {
                M.Assert.AreEqual(exception, e.GetType(), "Threw " + e.GetType().Name + ", but " + exception.Name + " was expected. " + message);
                return;
            }

            M.Assert.Fail("No exception thrown. " + exception.Name + " was expected. " + message);
        }
    }
}
