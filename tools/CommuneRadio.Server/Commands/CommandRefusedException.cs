using System;

namespace CommuneRadio.Server.Commands;

/// <summary>The server refused a command before sending it; <see cref="Reason"/> is machine-readable.</summary>
public sealed class CommandRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public CommandRefusedException(string reason, string message, int status)
        : base(message)
    {
        Reason = reason;
        Status = status;
    }

    /// <summary>"not-allowed", "out-of-scope", "no-issuer-key", "invalid-args", "unknown-target", or the Core's reason (protocol §5: "invalid-time", …).</summary>
    public string Reason { get; }

    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; }

    /// <summary>The member at fault (a Core refusal, e.g. "args.item.time"), or null.</summary>
    public string? Field { get; init; }

    /// <summary>The station it was checked as (a Core refusal), or null.</summary>
    public string? Station { get; init; }
}
