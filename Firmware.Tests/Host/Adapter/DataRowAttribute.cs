using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's [DataRow(params object[])]: one row of arguments,
    /// supplied to MSTest as a data source. Like the device's (TestFrameworkShared/DataRowAttribute.cs, v3.0.77) it
    /// refuses a null or empty row, and its only public members are the constructor and MethodParameters.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class DataRowAttribute : Attribute, ITestDataSource
    {
        /// <summary>Creates a row with the given arguments.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException(nameof(methodParameters));
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("A data row needs at least one value", nameof(methodParameters));
            }

            MethodParameters = methodParameters;
        }

        /// <summary>The arguments passed to the test method.</summary>
        public object[] MethodParameters { get; }

        /// <inheritdoc />
        IEnumerable<object[]> ITestDataSource.GetData(MethodInfo methodInfo)
        {
            return new[] { MethodParameters };
        }

        /// <inheritdoc />
        string ITestDataSource.GetDisplayName(MethodInfo methodInfo, object[] data)
        {
            string[] parts = new string[data == null ? 0 : data.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Convert.ToString(data[i], CultureInfo.InvariantCulture) ?? "null";
            }

            return methodInfo.Name + " (" + string.Join(", ", parts) + ")";
        }
    }
}
