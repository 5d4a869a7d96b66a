namespace CommuneRadio.Host.Tests.TestSupport;

/// <summary>One entry of docs/protocol-vectors.json (its "fields" member describes each one).</summary>
public sealed record ProtocolVector(
    string Name,
    string Topic,
    byte[] Key,
    string Body,
    string Sig,
    string Envelope,
    bool Compact,
    bool Accept,
    string? TamperedFrom)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
