using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Tests.Subset
{
    /// <summary>
    /// BannedApiAnalyzers silently ignores an ID that matches nothing, so a typo in Firmware/BannedSymbols.Subset.txt
    /// or BannedSymbols.CorePurity.txt quietly unbans a member. Every entry must name a real type or member of the .NET 10 shared framework
    /// the host Core is built against.
    /// </summary>
    [TestClass]
    public sealed class BannedSymbolsTests
    {
        private const string Subset = "Firmware/BannedSymbols.Subset.txt";
        private const string CorePurity = "Firmware/BannedSymbols.CorePurity.txt";

        [TestMethod]
        [DataRow(Subset)]
        [DataRow(CorePurity)]
        public void BannedSymbols_EveryEntry_ResolvesToAFrameworkSymbol(string file)
        {
            var unresolved = new List<string>();
            foreach (KeyValuePair<int, string> entry in Entries(file))
            {
                string problem = Resolve(entry.Value);
                if (problem != null)
                {
                    unresolved.Add(file + ":" + entry.Key + ": " + entry.Value + " -- " + problem);
                }
            }

            Assert.IsEmpty(unresolved,
                "These entries match nothing, so the analyzer ignores them:" + Environment.NewLine + string.Join(Environment.NewLine, unresolved));
        }

        [TestMethod]
        public void BannedSymbols_Entries_AreUniqueAcrossBothListsAndDescribed()
        {
            KeyValuePair<int, string>[] entries = Entries(Subset).Concat(Entries(CorePurity)).ToArray();
            string[] duplicates = entries.GroupBy(e => e.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            string[] undescribed = System.IO.File.ReadAllLines(RepoPaths.Combine(Subset))
                .Concat(System.IO.File.ReadAllLines(RepoPaths.Combine(CorePurity)))
                .Where(l => IsEntry(l) && (l.IndexOf(';') < 0 || l.Substring(l.IndexOf(';') + 1).Trim().Length == 0))
                .ToArray();

            Assert.IsEmpty(duplicates, "Listed twice: " + string.Join(", ", duplicates));
            Assert.IsEmpty(undescribed, "Each ban says why (ID;reason): " + string.Join(", ", undescribed));
        }

        /// <summary>Null when <paramref name="id"/> names a framework symbol, otherwise what is wrong with it.</summary>
        private static string Resolve(string id)
        {
            if (id.Length < 3 || id[1] != ':' || "TMPFE".IndexOf(id[0]) < 0)
            {
                return "not a documentation ID (T:, M:, P:, F: or E:)";
            }

            string typeName = id.Substring(2);
            if (id[0] != 'T')
            {
                string head = typeName.Split('(', '~')[0];
                int dot = head.LastIndexOf('.');
                typeName = dot < 0 ? head : head.Substring(0, dot);
            }

            Type type = FrameworkTypes.Find(typeName);
            if (type == null)
            {
                return "no public type " + typeName + " in .NET " + Environment.Version;
            }

            string[] ids = DocumentationIds.Of(type).ToArray();
            if (ids.Contains(id))
            {
                return null;
            }

            string member = id.Substring(2 + typeName.Length + 1).Split('(', '`', '~')[0];
            string[] near = ids.Where(i => i.Substring(2).StartsWith(typeName + "." + member, StringComparison.Ordinal) && i[0] == id[0]).ToArray();
            return near.Length == 0 ? "no such member" : "no such overload; the type has: " + string.Join(" | ", near);
        }

        /// <summary>The IDs (text before ';'), keyed by line number, skipping blank and comment lines.</summary>
        private static IEnumerable<KeyValuePair<int, string>> Entries(string file)
        {
            string[] lines = System.IO.File.ReadAllLines(RepoPaths.Combine(file));
            for (int i = 0; i < lines.Length; i++)
            {
                if (IsEntry(lines[i]))
                {
                    yield return new KeyValuePair<int, string>(i + 1, lines[i].Split(';')[0].Trim());
                }
            }
        }

        private static bool IsEntry(string line)
        {
            string trimmed = line.Trim();
            return trimmed.Length > 0 && !trimmed.StartsWith('#') && !trimmed.StartsWith("//", StringComparison.Ordinal);
        }
    }
}
