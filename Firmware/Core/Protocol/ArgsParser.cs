using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Reads the "args" object of a command (docs/protocol.md §3.2) for its <see cref="CommandKind"/>.
    /// Every member is checked for type and range; members the command does not define are refused.
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

        private static readonly string[] ItemNames = { "item" };
        private static readonly string[] RemoveNames = { "item_id" };
        private static readonly string[] SyncNames = { "version", "items" };
        private static readonly string[] PlayNames = { "class", "duration", "lines", "source" };
        private static readonly string[] StopNames = { "programme" };
        private static readonly string[] EmergencyNames = { "scope", "duration", "lines", "source" };
        private static readonly string[] ScopeNames = { "scope" };
        private static readonly string[] NoNames = new string[0];
        private static readonly string[] TimeNames = { "utc_ms" };
        private static readonly string[] ConfigNames = { "telemetry_s" };
        private static readonly string[] KeyNames = { "issuer", "key" };

        private readonly JsonReader _reader = new JsonReader(EnvelopeParser.MaxDepth);
        private readonly int _maxItems;

        /// <summary>Creates a parser accepting at most <paramref name="maxItems"/> items in a sync.</summary>
        public ArgsParser(int maxItems)
        {
            _maxItems = maxItems;
        }

        /// <summary>Parses the args of the envelope's command (its args span) into <paramref name="args"/>.</summary>
        public CommandResult Parse(byte[] payload, CommandEnvelope env, CommandArgs args)
        {
            args.Clear();
            JsonReader r = _reader;
            r.Reset(payload, env.ArgsStart, env.ArgsLength);
            r.Read();
            string[] names = NamesOf(env.Kind);
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
                CommandResult one = ReadMember(r, env.Kind, which, args, names[which]);
                if (!one.Accepted)
                {
                    return one;
                }
            }

            if (!problem.Accepted)
            {
                return problem;
            }

            int required = Required(env.Kind);
            for (int i = 0; i < names.Length; i++)
            {
                if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0)
                {
                    return CommandResult.Refuse(RefusalReason.InvalidField, "args." + names[i]);
                }
            }

            return CommandResult.Ok;
        }

        private CommandResult ReadMember(JsonReader r, CommandKind kind, int which, CommandArgs a, string name)
        {
            bool ok;
            switch (kind)
            {
                case CommandKind.ScheduleAdd:
                case CommandKind.ScheduleReplace:
                    r.Read();
                    return Bad(r, ItemParser.Parse(r, ItemPaths, out a.Item));
                case CommandKind.ScheduleRemove:
                    ok = JsonMembers.ReadToken(r, ScheduleItem.MaxIdLength, out a.TargetId);
                    break;
                case CommandKind.ScheduleSync:
                    if (which == 0)
                    {
                        ok = JsonMembers.ReadInt64(r, out a.Version) && a.Version >= 1;
                        break;
                    }

                    return ReadItems(r, a);
                case CommandKind.Play:
                case CommandKind.EmergencyStart:
                    return ReadProgramme(r, kind, which, a, name);
                case CommandKind.Stop:
                    ok = JsonMembers.ReadToken(r, ScheduleItem.MaxIdLength, out a.TargetId);
                    break;
                case CommandKind.EmergencyStop:
                    ok = JsonMembers.ReadToken(r, 64, out a.Scope);
                    break;
                case CommandKind.Time:
                    ok = JsonMembers.ReadInt64(r, out a.UtcMs) && a.UtcMs > 0;
                    break;
                case CommandKind.ConfigSet:
                    ok = JsonMembers.ReadInt32(r, 10, 3600, out a.TelemetrySeconds);
                    break;
                case CommandKind.KeyRotate:
                    ok = which == 0 ? JsonMembers.ReadToken(r, 48, out a.KeyIssuer) : ReadKey(r, a);
                    break;
                default:
                    ok = false;
                    break;
            }

            return ok ? CommandResult.Ok : CommandResult.Refuse(r.Error != JsonError.None ? RefusalReason.Malformed : RefusalReason.InvalidField, "args." + name);
        }

        private static CommandResult ReadProgramme(JsonReader r, CommandKind kind, int which, CommandArgs a, string name)
        {
            RefusalReason reason = RefusalReason.None;
            switch (which)
            {
                case 0:
                    bool ok = kind == CommandKind.Play ? ItemParser.ReadClass(r, out a.Class) : JsonMembers.ReadToken(r, 64, out a.Scope);
                    reason = ok ? RefusalReason.None : RefusalReason.InvalidField;
                    break;
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

            return reason == RefusalReason.None ? CommandResult.Ok : CommandResult.Refuse(r.Error != JsonError.None ? RefusalReason.Malformed : reason, "args." + name);
        }

        private CommandResult ReadItems(JsonReader r, CommandArgs a)
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
            {
                return CommandResult.Refuse(r.Error != JsonError.None ? RefusalReason.Malformed : RefusalReason.InvalidField, "args.items");
            }

            ScheduleItem[] buffer = new ScheduleItem[_maxItems];
            int n = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (n == _maxItems)
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

        private static bool ReadKey(JsonReader r, CommandArgs a)
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

        private static string[] NamesOf(CommandKind kind)
        {
            switch (kind)
            {
                case CommandKind.ScheduleAdd:
                case CommandKind.ScheduleReplace:
                    return ItemNames;
                case CommandKind.ScheduleRemove:
                    return RemoveNames;
                case CommandKind.ScheduleSync:
                    return SyncNames;
                case CommandKind.Play:
                    return PlayNames;
                case CommandKind.Stop:
                    return StopNames;
                case CommandKind.EmergencyStart:
                    return EmergencyNames;
                case CommandKind.EmergencyStop:
                    return ScopeNames;
                case CommandKind.Time:
                    return TimeNames;
                case CommandKind.ConfigSet:
                    return ConfigNames;
                case CommandKind.KeyRotate:
                    return KeyNames;
                default:
                    return NoNames;
            }
        }

        // Bit i set: member i of NamesOf(kind) is required.
        private static int Required(CommandKind kind)
        {
            switch (kind)
            {
                case CommandKind.ScheduleAdd:
                case CommandKind.ScheduleReplace:
                case CommandKind.ScheduleRemove:
                case CommandKind.Time:
                case CommandKind.ConfigSet:
                    return 1;
                case CommandKind.ScheduleSync:
                case CommandKind.KeyRotate:
                    return 3;
                case CommandKind.Play:
                    return 15;
                case CommandKind.EmergencyStart:
                    return 14;
                default:
                    return 0;
            }
        }
    }
}
