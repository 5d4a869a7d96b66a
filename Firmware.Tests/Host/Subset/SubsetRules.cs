namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// The parts of the nanoFramework stable subset (shared/nanoframework.md) that can be read off
    /// compiled IL: which referenced types and Enum members the device cannot run. Generic
    /// instantiations, generic definitions and multidimensional arrays are structural and handled in
    /// <see cref="SubsetInspector"/> itself.
    /// </summary>
    internal static class SubsetRules
    {
        /// <summary>The reason given for any other type whose name carries a generic arity (List`1).</summary>
        public const string GenericType = "generic type";

        private static readonly string[] EnumReflection = { "GetNames", "GetValues", "IsDefined", "Parse", "TryParse" };

        // Every member of System.String in nanoFramework's CoreLibrary (nanoFramework.CoreLibrary/System/String.cs).
        // A call to any other (CompareOrdinal, Replace, Join, Insert, Remove, IsNullOrWhiteSpace, …) does not
        // compile for the device; overloads of these names are narrowed further by BannedSymbols.*.txt.
        private static readonly string[] StringMembers =
        {
            ".ctor", "Equals", "op_Equality", "op_Inequality", "get_Chars", "ToCharArray", "get_Length", "Split",
            "Substring", "Trim", "TrimStart", "TrimEnd", "Compare", "CompareTo", "IndexOf", "IndexOfAny", "LastIndexOf",
            "LastIndexOfAny", "ToLower", "ToUpper", "ToString", "Concat", "Intern", "IsInterned", "Format", "PadLeft",
            "PadRight", "IsNullOrEmpty", "Contains", "StartsWith", "EndsWith", "GetHashCode", "GetEnumerator", "Empty",
        };

        /// <summary>Why a referenced type is outside the subset, or null when it is fine.</summary>
        /// <example>
        /// System.Collections.Generic.List`1 >> "generic collection"; System.Nullable`1 >> "nullable value
        /// type (int?)"; System.Runtime.CompilerServices.IsVolatile >> "volatile field"; System.String >> null.
        /// </example>
        public static string WhyUnavailable(string fullName)
        {
            if (fullName.StartsWith("System.Collections.Generic.", System.StringComparison.Ordinal))
            {
                return "generic collection";
            }

            if (fullName.StartsWith("System.Linq.", System.StringComparison.Ordinal))
            {
                return "LINQ";
            }

            if (fullName.StartsWith("System.Threading.Tasks.", System.StringComparison.Ordinal))
            {
                return "Task/async";
            }

            if (fullName.StartsWith("System.ValueTuple", System.StringComparison.Ordinal) ||
                fullName.StartsWith("System.Tuple", System.StringComparison.Ordinal) ||
                fullName == "System.Runtime.CompilerServices.ITuple" ||
                fullName == "System.Runtime.CompilerServices.TupleElementNamesAttribute")
            {
                return "tuple";
            }

            if (fullName == "System.Nullable`1")
            {
                return "nullable value type (int?)";
            }

            if (fullName == "System.Range" || fullName == "System.Index")
            {
                return "range or index-from-end (.. / ^)";
            }

            if (fullName == "System.Decimal" || fullName == "System.DateTimeOffset" || fullName == "System.TimeZoneInfo")
            {
                // Banned by type in BannedSymbols.*.txt too, but the analyzer does not see `decimal d = 1.5m;`.
                return fullName == "System.Decimal" ? "decimal" : "not in nanoFramework";
            }

            return WhyUnavailableCompilerService(fullName) ?? (fullName.Contains('`') ? GenericType : null);
        }

        /// <summary>
        /// True for a System.String member that nanoFramework's String does not have.
        /// Example: ("System.String", "CompareOrdinal") >> true; ("System.String", "Substring") >> false.
        /// </summary>
        public static bool IsMissingStringMember(string parentType, string memberName) =>
            parentType == "System.String" && System.Array.IndexOf(StringMembers, memberName) < 0;

        /// <summary>True for the Enum reflection members nanoFramework lacks (Enum.GetValues and friends).</summary>
        public static bool IsEnumReflection(string parentType, string memberName) =>
            parentType == "System.Enum" && System.Array.IndexOf(EnumReflection, memberName) >= 0;

        private static string WhyUnavailableCompilerService(string fullName)
        {
            const string Services = "System.Runtime.CompilerServices.";
            if (!fullName.StartsWith(Services, System.StringComparison.Ordinal))
            {
                return null;
            }

            string name = fullName.Substring(Services.Length);
            if (name == "IAsyncStateMachine" || name == "AsyncStateMachineAttribute" ||
                name == "AsyncIteratorStateMachineAttribute" || name.StartsWith("Async", System.StringComparison.Ordinal) && name.Contains("MethodBuilder"))
            {
                return "async state machine (async/await)";
            }

            if (name == "IteratorStateMachineAttribute")
            {
                return "yield iterator";
            }

            if (name == "IsVolatile")
            {
                return "volatile field";
            }

            if (name == "IsExternalInit")
            {
                return "init accessor or record (IsExternalInit)";
            }

            return null;
        }
    }
}
