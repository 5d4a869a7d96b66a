namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// Generic members the .NET 10 C# compiler emits on its own for plain C# 9 source, where the device
    /// build (same source, nanoFramework's mscorlib) gets a non-generic lowering because these members
    /// do not exist there. They are in the host IL only, so <see cref="SubsetInspector"/> lets them pass.
    /// Source that names them directly is refused by BannedSymbols.*.txt (Span, ReadOnlySpan, Array.Empty)
    /// or is visible as a generic call outside an event accessor.
    /// </summary>
    /// <example>
    /// <c>$"{n} s"</c> >> DefaultInterpolatedStringHandler.AppendFormatted&lt;int&gt; (device: string.Format);
    /// <c>s + c</c> with a char >> string.Concat(ReadOnlySpan&lt;char&gt;, ...) over
    /// string.op_Implicit and new ReadOnlySpan&lt;char&gt;(ref c) (device: string.Concat(string, string));
    /// <c>string.Format("x")</c> >> Array.Empty&lt;object&gt;() for the empty params array (device: new object[0]);
    /// <c>public event Handler Changed;</c> >> Interlocked.CompareExchange&lt;Handler&gt; in add_/remove_
    /// (device: a synchronized accessor).
    /// </example>
    internal static class CompilerLowering
    {
        /// <summary>True when a generic method instantiation is the compiler's, not the source's.</summary>
        public static bool IsLoweredMethodSpec(string method, string where)
        {
            switch (method)
            {
                case "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted":
                case "System.Array.Empty":
                    return true;
                case "System.Threading.Interlocked.CompareExchange":
                    return IsEventAccessor(where);
                default:
                    return false;
            }
        }

        /// <summary>True when a member reference (parent's display name + member name) is the compiler's.</summary>
        public static bool IsLoweredMember(string parent, string member) =>
            parent == "System.ReadOnlySpan`1<Char>" && member == ".ctor" ||
            parent == "System.String" && (member == "Concat" || member == "op_Implicit");

        private static bool IsEventAccessor(string where)
        {
            string method = where.Substring(where.LastIndexOf('.') + 1);
            return method.StartsWith("add_", System.StringComparison.Ordinal) || method.StartsWith("remove_", System.StringComparison.Ordinal);
        }
    }
}
