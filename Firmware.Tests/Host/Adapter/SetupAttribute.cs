using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a method that runs once before the first test of its class, as nanoFramework's runner does.
    /// On the host, <see cref="TestMethodAttribute"/> runs it before the first test of the class executes.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class SetupAttribute : Attribute
    {
    }
}
