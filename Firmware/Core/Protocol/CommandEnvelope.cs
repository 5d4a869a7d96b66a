using CommuneRadio.Core.Results;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// What <see cref="EnvelopeParser"/> read from a command payload (docs/protocol.md §3.1): the body
    /// header, where the body, signature and arguments are in the buffer, and the first problem found.
    /// One instance is reused for every message.
    /// </summary>
    public sealed class CommandEnvelope
    {
        /// <summary>Command id (null until read).</summary>
        public string Id;

        /// <summary>The issuer's keyring entry, or null when unknown or not read.</summary>
        public IssuerKey Issuer;

        /// <summary>True when the body's "to" equals the addressee of the topic.</summary>
        public bool ToMatches;

        /// <summary>Protocol version.</summary>
        public long Version;

        /// <summary>Issue time, Unix seconds.</summary>
        public long IssuedAt;

        /// <summary>Expiry, Unix seconds.</summary>
        public long Expires;

        /// <summary>Issuer counter.</summary>
        public long Counter;

        /// <summary>Command.</summary>
        public CommandKind Kind;

        /// <summary>Raw body value (from '{' to '}').</summary>
        public int BodyStart;

        /// <summary>Length of the raw body.</summary>
        public int BodyLength;

        /// <summary>The signature's hex characters (inside the quotes).</summary>
        public int SigStart;

        /// <summary>Number of signature characters.</summary>
        public int SigLength;

        /// <summary>Raw args object.</summary>
        public int ArgsStart;

        /// <summary>Length of the raw args object.</summary>
        public int ArgsLength;

        /// <summary>The first structural problem, or None.</summary>
        public CommandResult Problem;

        /// <summary>Forgets the previous message.</summary>
        public void Clear()
        {
            Id = null;
            Issuer = null;
            ToMatches = false;
            Version = 0;
            IssuedAt = 0;
            Expires = 0;
            Counter = 0;
            Kind = CommandKind.Unknown;
            BodyStart = 0;
            BodyLength = 0;
            SigStart = 0;
            SigLength = 0;
            ArgsStart = 0;
            ArgsLength = 0;
            Problem = CommandResult.Ok;
        }
    }
}
