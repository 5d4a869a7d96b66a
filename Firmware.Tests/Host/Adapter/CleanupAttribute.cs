using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a method that runs once after the tests of its class. On the host the adapter runs every
    /// class's cleanup methods when the test assembly finishes (<see cref="CommuneRadio.Tests.Adapter.ClassLifetime"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class CleanupAttribute : Attribute
    {
    }
}
