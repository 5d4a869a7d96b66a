using CommuneRadio.Core.Health;
using CommuneRadio.Core.Protocol.Commands;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// The command pass (docs/protocol.md §4, docs/architecture.md "Command table"), the same for every command: parse →
    /// authenticate → authorise → persist the counter → one validation producing the checked change → persist it →
    /// apply it → one result. What differs between commands is in their row of the <see cref="CommandTable"/>.
    /// </summary>
    public sealed partial class StationEndpoint
    {
        private CommandResult Process(string addressee, byte[] payload, bool retained, Instant now)
        {
            _env.Clear();
            if (payload == null || payload.Length > Settings.MaxPayloadBytes)
            {
                return CommandResult.Refuse(RefusalReason.TooLarge, null);
            }

            if (!_envelopeParser.Parse(payload, payload.Length, addressee, Keys, _env))
            {
                return _env.Problem;
            }

            if (retained)
            {
                return CommandResult.Refuse(RefusalReason.Retained, null);
            }

            if (_env.Version != 1)
            {
                return CommandResult.Refuse(RefusalReason.UnsupportedVersion, "v");
            }

            IssuerKey key = _env.Issuer;
            if (key == null)
            {
                return CommandResult.Refuse(RefusalReason.UnknownIssuer, "iss");
            }

            if (!Signature.Verify(key, payload, _env.BodyStart, _env.BodyLength, payload, _env.SigStart, _env.SigLength))
            {
                return CommandResult.Refuse(RefusalReason.BadSignature, "sig");
            }

            if (!_env.ToMatches)
            {
                return CommandResult.Refuse(RefusalReason.WrongTarget, "to");
            }

            if (!key.Counters.IsFresh(_env.Counter))
            {
                return CommandResult.Refuse(RefusalReason.Replayed, "ctr");
            }

            // An authentic command uses up its counter whatever happens next, so it can never be replayed
            // later into a state where it would succeed; and the counter is on flash before anything of the command
            // is applied or answered (docs/protocol.md §4.3), so no power cut can make the station forget it.
            key.Counters.Record(_env.Counter);
            _counterSaved = false;
            Command row = CommandTable.Of(_env.Kind);
            _context.Key = key;
            _context.Addressee = addressee;
            CommandResult r = Authentic(row, payload, now);
            if (!r.Accepted && !_counterSaved && (row == null || row.Persist != PersistRule.CounterRidesAlong))
            {
                SaveCounter(now);
            }

            return r;
        }

        // The checks and the work after the counter was recorded: validity, command, arguments, authorisation, execution.
        private CommandResult Authentic(Command row, byte[] payload, Instant now)
        {
            if (Core.Clock.Valid)
            {
                long nowSeconds = now.UtcMs / 1000;
                if (_env.IssuedAt > nowSeconds + Settings.FutureSkewSeconds)
                {
                    return CommandResult.Refuse(RefusalReason.NotYetValid, "iat");
                }

                if (_env.Expires <= nowSeconds)
                {
                    return CommandResult.Refuse(RefusalReason.Expired, "exp");
                }
            }

            if (row == null)
            {
                return CommandResult.Refuse(RefusalReason.UnknownCommand, "cmd");
            }

            CommandResult r = _argsParser.Parse(payload, _env, _args);
            if (!r.Accepted)
            {
                return r;
            }

            r = Authorize(row);
            return r.Accepted ? RefusalPaths.Qualify(row, Execute(row, now)) : r;
        }

        private CommandResult Authorize(Command row)
        {
            if (!_context.Covers(_context.Addressee))
            {
                return CommandResult.Refuse(RefusalReason.NotAuthorized, "to");
            }

            if (row.IsEmergencyWork(_context) && !_context.Key.MayEmergency)
            {
                return CommandResult.Refuse(RefusalReason.NotAuthorized, "cmd");
            }

            return row.Authorize(_context);
        }

        // Counter on flash (unless it rides along), the one check, the checked change on flash, then applied.
        private CommandResult Execute(Command row, Instant now)
        {
            PersistRule rule = row.Persist;
            if ((rule == PersistRule.Counter || rule == PersistRule.CounterThenChange) && !SaveCounter(now))
            {
                return CommandResult.Refuse(RefusalReason.StorageError, null);
            }

            CommandResult r = row.Check(_context, now);
            if (!r.Accepted)
            {
                return r;
            }

            if (Store != null && (rule == PersistRule.CounterThenChange || rule == PersistRule.ChangeWithCounter))
            {
                bool saved = row.Save(_context, now);
                _counterSaved |= saved && rule == PersistRule.ChangeWithCounter;
                Core.MarkFault(FaultFlags.StorageError, !saved || Store.Corrupt);
                if (!saved)
                {
                    return CommandResult.Refuse(RefusalReason.StorageError, null);
                }
            }

            return row.Apply(_context, now);
        }
    }
}
