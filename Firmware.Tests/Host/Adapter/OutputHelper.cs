using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Host stand-in for nanoFramework.TestFramework's OutputHelper: writes to the test output.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a line to the test output.</summary>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }

        /// <summary>Writes text to the test output.</summary>
        public static void Write(string message)
        {
            Console.Write(message);
        }
    }
}
