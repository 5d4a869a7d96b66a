using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol.Commands;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Reads the "args" object of a command (docs/protocol.md §3.2) by its row of the <see cref="CommandTable"/>: the
    /// members the row declares, each read by the row (with the helpers here); members it does not define are refused.
    /// Example: play with <c>{"class":"priority","duration":60,"lines":[0,2],"source":1}</c> → Priority,
    /// 60 s, mask 0x5, source 1; with <c>"duration":0</c> → invalid-duration on "args.duration".
    /// </summary>
    public sealed class ArgsParser
    {
        private static readonly string[] ItemPaths =
        {
            "args.item.id", "args.item.kind", "args.item.date", "args.item.days", "args.item.from", "args.item.until",
            "args.item.time", "args.item.duration", "args.item.class", "args.item.lines", "args.item.source", "args.item",
        };

        private static readonly string[] SyncPaths =
        {
            "args.items.id", "args.items.kind", "args.items.date", "args.items.days", "args.items.from", "args.items.until",
            "args.items.time", "args.items.duration", "args.items.class", "args.items.lines", "args.items.source", "args.items",
        };

        private static readonly string[] NoNames = new string[0];

        private readonly JsonReader _reader;
        private readonly int _maxItems;

        /// <summary>Creates a parser accepting at most <paramref name="maxItems"/> items in a sync.</summary>
        public ArgsParser(int maxItems)
            : this(maxItems, new JsonReader(EnvelopeParser.MaxDepth))
        {
        }

        /// <summary>Creates a parser reading with <paramref name="reader"/> (the endpoint's, shared with its <see cref="EnvelopeParser"/>).</summary>
        public ArgsParser(int maxItems, JsonReader reader)
        {
            _maxItems = maxItems;
            _reader = reader;
        }

        /// <summary>Largest number of items a sync may carry.</summary>
        public int MaxItems
        {
            get { return _maxItems; }
        }

        /// <summary>
        /// Parses the args of the envelope's command (its args span) into <paramref name="args"/>, by the members the
        /// command's row of the <see cref="CommandTable"/> declares and reads.
        /// </summary>
        public CommandResult Parse(byte[] payload, CommandEnvelope env, CommandArgs args)
        {
            args.Clear();
            Command row = CommandTable.Of(env.Kind);
            JsonReader r = _reader;
            r.Reset(payload, env.ArgsStart, env.ArgsLength);
            r.Read();
            string[] names = row != null ? row.Members : NoNames;
            CommandResult problem = CommandResult.Ok;
            int seen = 0;
            while (JsonMembers.Next(r, ref problem))
            {
                bool duplicate;
                int which = JsonMembers.Which(r, names, ref seen, out duplicate);
                if (which < 0)
                {
                    return JsonMembers.Unknown(r, "args.");
                }

                if (duplicate)
                {
                    return CommandResult.Refuse(RefusalReason.DuplicateField, "args." + names[which]);
                }

                // The field path is only built for a refusal: an accepted command allocates no path strings.
                CommandResult one = row.ReadMember(r, which, args, this);
                if (!one.Accepted)
                {
                    return one;
                }
            }

            if (!problem.Accepted)
            {
                return problem;
            }

            int required = row != null ? row.Required : 0;
            for (int i = 0; i < names.Length; i++)
            {
                if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0)
                {
                    return CommandResult.Refuse(RefusalReason.InvalidField, "args." + names[i]);
                }
            }

            return CommandResult.Ok;
        }

        /// <summary>
        /// The result of reading member <paramref name="name"/>: accepted, or refused on "args.NAME" as malformed (a JSON
        /// syntax error) or <paramref name="reason"/>. The field path is only built for a refusal.
        /// </summary>
        public static CommandResult Member(JsonReader r, bool ok, RefusalReason reason, string name)
        {
            return ok ? CommandResult.Ok : CommandResult.Refuse(r.Error != JsonError.None ? RefusalReason.Malformed : reason, "args." + name);
        }

        /// <summary>Reads "args.item" (schedule.add, schedule.replace).</summary>
        public static CommandResult ReadItem(JsonReader r, CommandArgs a)
        {
            r.Read();
            return Bad(r, ItemParser.Parse(r, ItemPaths, out a.Item));
        }

        /// <summary>Reads member <paramref name="which"/> 1–3 of a programme (duration, lines, source: play, emergency.start).</summary>
        public static CommandResult ReadProgramme(JsonReader r, int which, CommandArgs a, string name)
        {
            RefusalReason reason;
            switch (which)
            {
                case 1:
                    reason = JsonMembers.ReadInt32(r, 1, ScheduleItem.MaxDurationSeconds, out a.Duration) ? RefusalReason.None : RefusalReason.InvalidDuration;
                    break;
                case 2:
                    reason = ItemParser.ReadLines(r, out a.Lines);
                    break;
                default:
                    reason = JsonMembers.ReadInt32(r, 0, 30, out a.Source) ? RefusalReason.None : RefusalReason.InvalidSource;
                    break;
            }

            return Member(r, reason == RefusalReason.None, reason, name);
        }

        /// <summary>Reads "args.items" (schedule.sync): at most <paramref name="maxItems"/> items.</summary>
        public static CommandResult ReadItems(JsonReader r, CommandArgs a, int maxItems)
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
            {
                return CommandResult.Refuse(r.Error != JsonError.None ? RefusalReason.Malformed : RefusalReason.InvalidField, "args.items");
            }

            ScheduleItem[] buffer = new ScheduleItem[maxItems];
            int n = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (n == maxItems)
                {
                    return CommandResult.Refuse(RefusalReason.ScheduleFull, "args.items");
                }

                CommandResult one = Bad(r, ItemParser.Parse(r, SyncPaths, out buffer[n]));
                if (!one.Accepted)
                {
                    return one;
                }

                n++;
            }

            if (r.TokenType != JsonTokenType.EndArray)
            {
                return CommandResult.Refuse(RefusalReason.Malformed, "args.items");
            }

            a.Items = new ScheduleItem[n];
            System.Array.Copy(buffer, a.Items, n);
            return CommandResult.Ok;
        }

        /// <summary>Reads a 32-byte key written as 64 hex digits (key.rotate).</summary>
        public static bool ReadKey(JsonReader r, CommandArgs a)
        {
            int start;
            int length;
            if (!JsonMembers.ReadRaw(r, out start, out length) || length != 64)
            {
                return false;
            }

            byte[] key = new byte[32];
            int written;
            if (!Json.Hex.TryDecode(r.Buffer, start, length, key, 0, out written) || written != 32)
            {
                return false;
            }

            a.Key = key;
            return true;
        }

        private static CommandResult Bad(JsonReader r, CommandResult result)
        {
            return result.Accepted || r.Error == JsonError.None ? result : CommandResult.Refuse(RefusalReason.Malformed, result.Field);
        }
    }
}
