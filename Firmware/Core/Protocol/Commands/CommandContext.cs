using CommuneRadio.Core.Persistence;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;

namespace CommuneRadio.Core.Protocol.Commands
{
    /// <summary>
    /// What a command row works with: the station (its endpoint, Core, store and keys), the command as parsed, and the
    /// checked change being built. One instance per endpoint, reused for every command.
    ///</summary>
    public sealed class CommandContext
    {
        /// <summary>Creates the context of an endpoint.</summary>
        public CommandContext(StationEndpoint endpoint, CommandEnvelope envelope, CommandArgs args)
        {
            Endpoint = endpoint;
            Envelope = envelope;
            Args = args;
        }

        /// <summary>The endpoint running the command.</summary>
        public StationEndpoint Endpoint { get; }

        /// <summary>The command's envelope (id, issuer, counter, kind).</summary>
        public CommandEnvelope Envelope { get; }

        /// <summary>The command's arguments, as parsed.</summary>
        public CommandArgs Args { get; }

        /// <summary>The schedule change a schedule command builds and the Core checks (reused).</summary>
        public readonly ScheduleChange Change = new ScheduleChange();

        /// <summary>The signing issuer's key (checked authentic).</summary>
        public IssuerKey Key;

        /// <summary>The addressee the command was sent to (station id or group).</summary>
        public string Addressee;

        /// <summary>The station's Core.</summary>
        public StationCore Core
        {
            get { return Endpoint.Core; }
        }

        /// <summary>Where the station persists its state, or null.</summary>
        public StationStore Store
        {
            get { return Endpoint.Store; }
        }

        /// <summary>The trusted issuers.</summary>
        public Keyring Keys
        {
            get { return Endpoint.Keys; }
        }

        /// <summary>Whether <paramref name="target"/> (an addressee or scope) is within the signing key's scopes here.</summary>
        public bool Covers(string target)
        {
            Topics t = Endpoint.Topics;
            return Keyring.Covers(Key, target, t.StationTarget, t.GroupTargets);
        }
    }
}
