using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// One schedule digest vector of docs/protocol-vectors.json ("digests"; see its "digest_fields"), embedded in the
    /// portable tests because a device cannot read the repository's files.
    /// </summary>
    public sealed class DigestVector
    {
        public DigestVector(string name, ScheduleItem[] items, string canonical, string digest)
        {
            Name = name;
            Items = items;
            Canonical = canonical;
            Digest = digest;
        }

        /// <summary>Unique name.</summary>
        public readonly string Name;

        /// <summary>The items, in the order they are hashed (ascending ordinal id).</summary>
        public readonly ScheduleItem[] Items;

        /// <summary>The exact text hashed: one canonical line per item.</summary>
        public readonly string Canonical;

        /// <summary>FNV-1a of the UTF-8 bytes of <see cref="Canonical"/>, 8 lowercase hex digits.</summary>
        public readonly string Digest;

        /// <summary>An item from the vector's members, in the order of the canonical line.</summary>
        public static ScheduleItem Item(string id, int kind, int day, int days, int start, int duration, int from, int until, int cls, int level, string issuer, int lines, int source)
        {
            ScheduleItem i = new ScheduleItem();
            i.Id = id;
            i.Kind = (ItemKind)kind;
            i.Day = day;
            i.DaysMask = days;
            i.StartSecond = start;
            i.DurationSeconds = duration;
            i.ValidFromDay = from;
            i.ValidUntilDay = until;
            i.Class = (BroadcastClass)cls;
            i.Level = (IssuerLevel)level;
            i.Issuer = issuer;
            i.Lines = lines;
            i.Source = source;
            return i;
        }
    }
}
