namespace CommuneRadio.Tests.Core.Support
{
    /// <summary>
    /// One signature vector of docs/protocol-vectors.json (see its "fields" member), embedded in the portable
    /// tests because a device cannot read the repository's files.
    /// </summary>
    public sealed class ProtocolVector
    {
        public ProtocolVector(string name, string topic, string key, string body, string sig, string envelope, bool compact, bool accept, string tamperedFrom)
        {
            Name = name;
            Topic = topic;
            Key = key;
            Body = body;
            Sig = sig;
            Envelope = envelope;
            Compact = compact;
            Accept = accept;
            TamperedFrom = tamperedFrom;
        }

        /// <summary>Unique name; a tampered vector is named "original/change".</summary>
        public readonly string Name;

        /// <summary>The command topic the payload is published on.</summary>
        public readonly string Topic;

        /// <summary>The issuer key, 64 lowercase hex digits.</summary>
        public readonly string Key;

        /// <summary>The exact body text.</summary>
        public readonly string Body;

        /// <summary>HMAC-SHA256 of <see cref="Body"/> under <see cref="Key"/>, lowercase hex.</summary>
        public readonly string Sig;

        /// <summary>The exact payload.</summary>
        public readonly string Envelope;

        /// <summary>True when the body is written compactly in the canonical member order.</summary>
        public readonly bool Compact;

        /// <summary>False for a tampered payload, which carries the signature of <see cref="TamperedFrom"/>.</summary>
        public readonly bool Accept;

        /// <summary>The vector whose body was changed (null when <see cref="Accept"/>).</summary>
        public readonly string TamperedFrom;
    }
}
