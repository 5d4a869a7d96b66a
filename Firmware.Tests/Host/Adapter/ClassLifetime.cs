using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using nanoFramework.TestFramework;

namespace CommuneRadio.Tests.Adapter
{
    /// <summary>
    /// (Not a nanoFramework.TestFramework type, so it lives in the adapter's own namespace.)
    /// Runs [Setup] once per test class before its first test and [Cleanup] once per class at the end of
    /// the run, mirroring nanoFramework's runner, which invokes them around a class's tests.
    /// </summary>
    [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]
    public sealed class ClassLifetime
    {
        private static readonly object Gate = new object();
        private static readonly List<Type> SetUpClasses = new List<Type>();

        /// <summary>Runs the [Setup] methods of <paramref name="testClass"/> the first time it is seen.</summary>
        public static void EnsureSetUp(Type testClass)
        {
            lock (Gate)
            {
                if (SetUpClasses.Contains(testClass))
                {
                    return;
                }

                SetUpClasses.Add(testClass);
            }

            InvokeMarked(testClass, typeof(SetupAttribute));
        }

        /// <summary>Runs the [Cleanup] methods of every class that ran.</summary>
        [AssemblyCleanup]
        public static void CleanUpAll()
        {
            Type[] classes;
            lock (Gate)
            {
                classes = SetUpClasses.ToArray();
                SetUpClasses.Clear();
            }

            foreach (Type testClass in classes)
            {
                InvokeMarked(testClass, typeof(CleanupAttribute));
            }
        }

        private static void InvokeMarked(Type testClass, Type marker)
        {
            foreach (MethodInfo method in testClass.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute(marker) == null)
                {
                    continue;
                }

                object target = method.IsStatic ? null : Activator.CreateInstance(testClass);
                try
                {
                    method.Invoke(target, null);
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw new InvalidOperationException(testClass.Name + "." + method.Name + " failed: " + e.InnerException.Message, e.InnerException);
                }
            }
        }
    }
}
