using System;
using M = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's Assert (stable, non-generic overloads), forwarding
    /// to MSTest. Only the members the device framework also has belong here, so a test that compiles on
    /// the host also compiles for nanoCLR.
    /// </summary>
    public static class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(int expected, int actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(uint expected, uint actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(long expected, long actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(byte expected, byte actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(char expected, char actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(double expected, double actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(string expected, string actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => M.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(object expected, object actual, string message = "") => M.Assert.AreEqual(expected, actual, message);

        public static void AreNotEqual(int notExpected, int actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(string notExpected, string actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, string message = "") => M.Assert.AreNotEqual(notExpected, actual, message);

        public static void IsTrue(bool condition, string message = "") => M.Assert.IsTrue(condition, message);
        public static void IsFalse(bool condition, string message = "") => M.Assert.IsFalse(condition, message);
        public static void IsNull(object value, string message = "") => M.Assert.IsNull(value, message);
        public static void IsNotNull(object value, string message = "") => M.Assert.IsNotNull(value, message);
        public static void AreSame(object expected, object actual, string message = "") => M.Assert.AreSame(expected, actual, message);
        public static void AreNotSame(object notExpected, object actual, string message = "") => M.Assert.AreNotSame(notExpected, actual, message);
        public static void Contains(string substring, string value, string message = "") => M.Assert.Contains(substring, value, message);
        public static void StartsWith(string prefix, string value, string message = "") => M.Assert.StartsWith(prefix, value, message);
        public static void EndsWith(string suffix, string value, string message = "") => M.Assert.EndsWith(suffix, value, message);
        public static void Fail(string message = "") => M.Assert.Fail(message);

        /// <summary>Asserts that <paramref name="action"/> throws <paramref name="exceptionType"/> or a subclass.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (!exceptionType.IsInstanceOfType(e))
                {
                    M.Assert.Fail("Expected " + exceptionType.Name + " but " + e.GetType().Name + " was thrown. " + message);
                }

                return;
            }

            M.Assert.Fail("Expected " + exceptionType.Name + " but nothing was thrown. " + message);
        }
    }
}
