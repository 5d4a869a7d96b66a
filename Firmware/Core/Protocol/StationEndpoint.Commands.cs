using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>The command pipeline (docs/protocol.md §4) and dispatch to the Core (§3.2).</summary>
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
            CommandResult r = Authentic(key, addressee, payload, now);
            if (!r.Accepted && !_counterSaved && _env.Kind != CommandKind.Status)
            {
                SaveCounter(now);
            }

            return r;
        }

        // The checks and the work after the counter was recorded: validity, command, arguments, authorisation, execution.
        private CommandResult Authentic(IssuerKey key, string addressee, byte[] payload, Instant now)
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

            if (_env.Kind == CommandKind.Unknown)
            {
                return CommandResult.Refuse(RefusalReason.UnknownCommand, "cmd");
            }

            CommandResult r = _argsParser.Parse(payload, _env, _args);
            if (!r.Accepted)
            {
                return r;
            }

            r = Authorize(key, addressee);
            return r.Accepted ? RefusalPaths.Qualify(_env.Kind, Execute(key, addressee, now)) : r;
        }

        private CommandResult Authorize(IssuerKey key, string addressee)
        {
            if (!Keyring.Covers(key, addressee, Topics.StationTarget, Topics.GroupTargets))
            {
                return CommandResult.Refuse(RefusalReason.NotAuthorized, "to");
            }

            if (IsEmergencyWork() && !key.MayEmergency)
            {
                return CommandResult.Refuse(RefusalReason.NotAuthorized, "cmd");
            }

            switch (_env.Kind)
            {
                case CommandKind.Time:
                    return key.Level >= IssuerLevel.Province ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "cmd");
                case CommandKind.KeyRotate:
                    IssuerKey target = Keys.Find(_args.KeyIssuer);
                    if (target == null)
                    {
                        return CommandResult.Refuse(RefusalReason.UnknownIssuer, "args.issuer");
                    }

                    return target.Level < key.Level ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "args.issuer");
                case CommandKind.ScheduleReplace:
                case CommandKind.ScheduleRemove:
                    ScheduleEntry existing;
                    string id = _env.Kind == CommandKind.ScheduleRemove ? _args.TargetId : _args.Item.Id;
                    bool higher = Core.Schedule.TryGet(id, out existing) && existing.Item.Level > key.Level;
                    return higher ? CommandResult.Refuse(RefusalReason.NotAuthorized, "args") : CommandResult.Ok;
                case CommandKind.ScheduleSync:
                    return SyncKeepsHigherItems(key) ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "args.items");
                case CommandKind.EmergencyStart:
                case CommandKind.EmergencyStop:
                    bool covered = _args.Scope == null || Keyring.Covers(key, _args.Scope, Topics.StationTarget, Topics.GroupTargets);
                    return covered ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.NotAuthorized, "args.scope");
                default:
                    return CommandResult.Ok;
            }
        }

        private bool IsEmergencyWork()
        {
            switch (_env.Kind)
            {
                case CommandKind.EmergencyStart:
                case CommandKind.EmergencyStop:
                    return true;
                case CommandKind.Play:
                    return _args.Class == BroadcastClass.Emergency;
                case CommandKind.ScheduleAdd:
                case CommandKind.ScheduleReplace:
                    return _args.Item.Class == BroadcastClass.Emergency;
                case CommandKind.ScheduleSync:
                    for (int i = 0; i < _args.Items.Length; i++)
                    {
                        if (_args.Items[i].Class == BroadcastClass.Emergency)
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        // A sync may not drop or change an item scheduled by a higher level than the issuer: it may only keep it as the
        // same programme, which then keeps its issuer and level (StampSynced).
        private bool SyncKeepsHigherItems(IssuerKey key)
        {
            for (int i = 0; i < Core.Schedule.Count; i++)
            {
                ScheduleItem old = Core.Schedule.EntryAt(i).Item;
                if (old.Level <= key.Level)
                {
                    continue;
                }

                bool kept = false;
                for (int j = 0; j < _args.Items.Length && !kept; j++)
                {
                    kept = _args.Items[j].SameProgramme(old);
                }

                if (!kept)
                {
                    return false;
                }
            }

            return true;
        }

        private CommandResult Execute(IssuerKey key, string addressee, Instant now)
        {
            CommandArgs a = _args;
            if (a.Item != null)
            {
                Stamp(a.Item, key);
            }

            for (int i = 0; a.Items != null && i < a.Items.Length; i++)
            {
                StampSynced(a.Items[i], key);
            }

            CommandResult stored = PersistFirst(now);
            if (!stored.Accepted)
            {
                return stored;
            }

            switch (_env.Kind)
            {
                case CommandKind.ScheduleAdd:
                case CommandKind.ScheduleReplace:
                    _coreRan = true;
                    return _env.Kind == CommandKind.ScheduleAdd ? Core.AddItem(a.Item, now) : Core.ReplaceItem(a.Item, now);
                case CommandKind.ScheduleRemove:
                    _coreRan = true;
                    return Core.RemoveItem(a.TargetId, now);
                case CommandKind.ScheduleSync:
                    _coreRan = true;
                    return Core.SyncSchedule(a.Items, a.Version, now);
                case CommandKind.Play:
                    _coreRan = true;
                    return Core.PlayNow(_env.Id, a.Class, key.Level, key.Issuer, a.Duration, a.Lines, a.Source, now);
                case CommandKind.Stop:
                    _coreRan = true;
                    return Core.Stop(a.TargetId, key.Level, now);
                case CommandKind.EmergencyStart:
                    _coreRan = true;
                    return Core.StartEmergency(_env.Id, a.Scope ?? addressee, key.Level, key.Issuer, a.Duration, a.Lines, a.Source, now);
                case CommandKind.EmergencyStop:
                    _coreRan = true;
                    return Core.StopEmergency(a.Scope ?? addressee, key.Level, now);
                case CommandKind.RelaySelfTest:
                    _coreRan = true;
                    return Core.SelfTest(Settings.SelfTestSecondsPerLine, now);
                case CommandKind.Status:
                    _statusRequested = true;
                    return CommandResult.Ok;
                case CommandKind.Time:
                    if (Core.Clock.State != ClockState.Synced)
                    {
                        ClockSetRequestUtcMs = a.UtcMs;
                    }

                    return CommandResult.Ok;
                case CommandKind.ConfigSet:
                    Core.Settings.TelemetryPeriodMs = a.TelemetrySeconds * 1000;
                    ConfigChanged = true;
                    return CommandResult.Ok;
                default:
                    // Without a store the rotated key lives in memory only; with one, PersistFirst already wrote it.
                    Keys.Find(a.KeyIssuer).Key = a.Key;
                    KeysChanged = Store == null;
                    return CommandResult.Ok;
            }
        }

        // The item's issuer and level are the signing key's, never values from the payload.
        private static void Stamp(ScheduleItem item, IssuerKey key)
        {
            item.Issuer = key.Issuer;
            item.Level = key.Level;
        }

        // A synced item that keeps a higher issuer's item (Authorize checked it is the same programme) stays that
        // issuer's: a commune's sync must not lower the rank of, or take over, the province's programme.
        private void StampSynced(ScheduleItem item, IssuerKey key)
        {
            ScheduleEntry existing = null;
            if (Core.Schedule.TryGet(item.Id, out existing) && existing.Item.Level > key.Level)
            {
                item.Issuer = existing.Item.Issuer;
                item.Level = existing.Item.Level;
                return;
            }

            Stamp(item, key);
        }
    }
}
