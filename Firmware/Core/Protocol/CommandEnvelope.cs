using CommuneRadio.Core.Json;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Security;

namespace CommuneRadio.Core.Protocol
{
    /// <summary>
    /// What <see cref="EnvelopeParser"/> read from a command payload (docs/protocol.md §3.1): the body
    /// header, where the body, signature and arguments are in the buffer, and the first problem found.
    /// One instance is reused for every message. The id, like the body, signature and args, is kept as a place in the
    /// payload, not as a string: a station's envelope lives as long as the station, and a new string stored into it per
    /// command is one more old object for every garbage collection to scan (docs/benchmarks.md, "Per command kind").
    /// </summary>
    public sealed class CommandEnvelope
    {
        private JsonReader _source;

        /// <summary>Where the command id's characters are in the payload (a token: ASCII, unescaped).</summary>
        public int IdStart;

        /// <summary>Number of id characters; 0 until an id was read.</summary>
        public int IdLength;

        /// <summary>True when an id was read.</summary>
        public bool HasId
        {
            get { return IdLength > 0; }
        }

        /// <summary>
        /// The command id as a new string, for the rows that keep it (a play or an emergency is named by its command id),
        /// or null when none was read or the payload was released after the command. Allocates on every call.
        /// </summary>
        public string Id
        {
            get
            {
                byte[] payload = _source != null ? _source.Buffer : null;
                return IdLength == 0 || payload == null ? null : JsonText.Decode(payload, IdStart, IdStart + IdLength, IdLength);
            }
        }

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

        /// <summary>The reader whose buffer is the payload this envelope describes (set by <see cref="EnvelopeParser"/>).</summary>
        internal void ReadFrom(JsonReader source)
        {
            _source = source;
        }

        /// <summary>Forgets the previous message.</summary>
        public void Clear()
        {
            IdStart = 0;
            IdLength = 0;
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
