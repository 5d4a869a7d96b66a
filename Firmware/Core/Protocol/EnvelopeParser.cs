using CommuneRadio.Core.Json;
using CommuneRadio.Core.Protocol.Commands;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// Reads a command payload's envelope and body header (spec: docs/protocol.md §3.1):
    /// <code>
    /// {"body":{"v":1,"id":"c-1","iss":"com.ht.ab","to":"g/com.ht.ab","iat":1763850000,"exp":1763850600,
    ///          "ctr":17,"cmd":"stop","args":{}},"sig":"9a0c…(64 hex)"}
    /// </code>
    /// It locates the exact body bytes (what is signed), the signature characters and the args object,
    /// resolves the issuer in the keyring and compares "to" with the topic's addressee, all without
    /// allocating (the command id too is a place in the payload). Structure problems (malformed JSON, unknown or repeated members,
    /// wrong types, missing members) end the parse with the first problem found.
    /// </summary>
    public sealed class EnvelopeParser
    {
        /// <summary>Deepest nesting a command may use.</summary>
        public const int MaxDepth = 6;

        private static readonly string[] OuterNames = { "body", "sig" };
        private static readonly string[] BodyNames = { "v", "id", "iss", "to", "iat", "exp", "ctr", "cmd", "args" };
        private const int AllBodyMembers = (1 << 9) - 1;

        private readonly JsonReader _reader = new JsonReader(MaxDepth);

        /// <summary>
        /// The reader this parser reads with, on the last payload parsed: the endpoint's args parser reads the same
        /// payload with it (one reader per station), and releases it after the command.
        /// </summary>
        public JsonReader Reader
        {
            get { return _reader; }
        }

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="payload"/>. Returns false with
        /// <see cref="CommandEnvelope.Problem"/> set when the structure is wrong.
        /// </summary>
        public bool Parse(byte[] payload, int count, string addressee, Keyring keys, CommandEnvelope env)
        {
            env.Clear();
            env.ReadFrom(_reader);
            env.Problem = ParseOuter(payload, count, env);
            if (env.Problem.Accepted)
            {
                env.Problem = ParseBody(payload, addressee, keys, env);
            }

            if (!env.Problem.Accepted && !env.HasId)
            {
                RecoverId(payload, count, env);
            }

            return env.Problem.Accepted;
        }

        // A refused message still gets its id in the result when one can be read (docs/protocol.md §5): the parse
        // stops at the first problem, which may come before the body's "id" ("v" a string) or outside the body (no
        // "sig"). The id is taken only from a body that is complete JSON, and only when it is a valid token.
        private void RecoverId(byte[] payload, int count, CommandEnvelope env)
        {
            JsonReader r = _reader;
            int start = env.BodyStart;
            int length = env.BodyLength;
            if (length == 0 && !FindBody(payload, count, out start, out length))
            {
                return;
            }

            r.Reset(payload, start, length);
            r.Read();
            CommandResult ignored = CommandResult.Ok;
            while (JsonMembers.Next(r, ref ignored))
            {
                if (r.ValueEquals("id"))
                {
                    int idStart;
                    int idLength;
                    if (JsonMembers.ReadTokenSpan(r, 32, out idStart, out idLength) && IsIdToken(payload, idStart, idLength))
                    {
                        env.IdStart = idStart;
                        env.IdLength = idLength;
                    }

                    return;
                }

                if (!r.TrySkip())
                {
                    return;
                }
            }
        }

        // The span of the outer object's "body" member when it is an object (for RecoverId).
        private bool FindBody(byte[] payload, int count, out int start, out int length)
        {
            start = 0;
            length = 0;
            JsonReader r = _reader;
            r.Reset(payload, 0, count);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            CommandResult ignored = CommandResult.Ok;
            while (JsonMembers.Next(r, ref ignored))
            {
                if (r.ValueEquals("body"))
                {
                    return r.TryGetValueSpan(out start, out length) && payload[start] == (byte)'{';
                }

                if (!r.TrySkip())
                {
                    return false;
                }
            }

            return false;
        }

        private CommandResult ParseOuter(byte[] payload, int count, CommandEnvelope env)
        {
            JsonReader r = _reader;
            r.Reset(payload, 0, count);
            CommandResult problem = CommandResult.Ok;
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return CommandResult.Refuse(RefusalReason.Malformed, null);
            }

            int seen = 0;
            while (JsonMembers.Next(r, ref problem))
            {
                bool duplicate;
                int which = JsonMembers.Which(r, OuterNames, ref seen, out duplicate);
                if (which < 0)
                {
                    return JsonMembers.Unknown(r, string.Empty);
                }

                if (duplicate)
                {
                    return CommandResult.Refuse(RefusalReason.DuplicateField, OuterNames[which]);
                }

                if (which == 0)
                {
                    int start;
                    int length;
                    if (!r.TryGetValueSpan(out start, out length))
                    {
                        return CommandResult.Refuse(RefusalReason.Malformed, "body");
                    }

                    if (payload[start] != (byte)'{')
                    {
                        return CommandResult.Refuse(RefusalReason.InvalidField, "body");
                    }

                    env.BodyStart = start;
                    env.BodyLength = length;
                }
                else if (!JsonMembers.ReadRaw(r, out env.SigStart, out env.SigLength))
                {
                    return r.Error != JsonError.None ? CommandResult.Refuse(RefusalReason.Malformed, "sig") : CommandResult.Refuse(RefusalReason.InvalidField, "sig");
                }
            }

            if (!problem.Accepted)
            {
                return problem;
            }

            if (r.Read() || r.Error != JsonError.None)
            {
                return CommandResult.Refuse(RefusalReason.Malformed, null);
            }

            return seen == 3 ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.InvalidField, (seen & 1) == 0 ? "body" : "sig");
        }

        private CommandResult ParseBody(byte[] payload, string addressee, Keyring keys, CommandEnvelope env)
        {
            JsonReader r = _reader;
            r.Reset(payload, env.BodyStart, env.BodyLength);
            CommandResult problem = CommandResult.Ok;
            r.Read();
            int seen = 0;
            while (JsonMembers.Next(r, ref problem))
            {
                bool duplicate;
                int which = JsonMembers.Which(r, BodyNames, ref seen, out duplicate);
                if (which < 0)
                {
                    return JsonMembers.Unknown(r, string.Empty);
                }

                if (duplicate)
                {
                    return CommandResult.Refuse(RefusalReason.DuplicateField, BodyNames[which]);
                }

                if (!ReadMember(r, which, addressee, keys, env))
                {
                    return r.Error != JsonError.None
                        ? CommandResult.Refuse(RefusalReason.Malformed, BodyNames[which])
                        : CommandResult.Refuse(RefusalReason.InvalidField, BodyNames[which]);
                }
            }

            if (!problem.Accepted)
            {
                return problem;
            }

            if (seen != AllBodyMembers)
            {
                for (int i = 0; i < BodyNames.Length; i++)
                {
                    if ((seen & (1 << i)) == 0)
                    {
                        return CommandResult.Refuse(RefusalReason.InvalidField, BodyNames[i]);
                    }
                }
            }

            if (env.Expires <= env.IssuedAt || env.Expires - env.IssuedAt > 86400)
            {
                return CommandResult.Refuse(RefusalReason.InvalidField, "exp");
            }

            return CommandResult.Ok;
        }

        // ScheduleValidator.IsToken on the id's bytes: the token characters without '/'.
        private static bool IsIdToken(byte[] b, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (b[i] == (byte)'/')
                {
                    return false;
                }
            }

            return length > 0;
        }

        private static bool ReadMember(JsonReader r, int which, string addressee, Keyring keys, CommandEnvelope env)
        {
            switch (which)
            {
                case 0:
                    return JsonMembers.ReadInt64(r, out env.Version);
                case 1:
                    // A token with '/' is kept for the result (as its string was) but refused as an id.
                    return JsonMembers.ReadTokenSpan(r, 32, out env.IdStart, out env.IdLength) && IsIdToken(r.Buffer, env.IdStart, env.IdLength);
                case 2:
                    if (!r.Read() || r.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    for (int i = 0; i < keys.Count; i++)
                    {
                        if (r.ValueEquals(keys.At(i).Issuer))
                        {
                            env.Issuer = keys.At(i);
                            break;
                        }
                    }

                    return true;
                case 3:
                    if (!r.Read() || r.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    env.ToMatches = addressee != null && r.ValueEquals(addressee);
                    return true;
                case 4:
                    return JsonMembers.ReadInt64(r, out env.IssuedAt);
                case 5:
                    return JsonMembers.ReadInt64(r, out env.Expires);
                case 6:
                    return JsonMembers.ReadInt64(r, out env.Counter) && env.Counter >= 1;
                case 7:
                    if (!r.Read() || r.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    env.Kind = CommandTable.Match(r);
                    return true;
                default:
                    if (!r.TryGetValueSpan(out env.ArgsStart, out env.ArgsLength))
                    {
                        return false;
                    }

                    return r.Buffer[env.ArgsStart] == (byte)'{';
            }
        }
    }
}
