namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Exit codes of the operator commands (docs/operators.md §Exit codes). When some stations refused and
/// others were silent the code is <see cref="Refused"/>: a refusal is a definite answer that needs action,
/// and the silent stations are listed in the output either way.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every addressed station accepted (or, for status/list, answered).</summary>
    public const int Ok = 0;

    /// <summary>Nothing was sent, or the command failed: bad arguments, unknown station or group, missing or unusable key, unreachable broker.</summary>
    public const int Error = 1;

    /// <summary>At least one station refused the command (reason in the output).</summary>
    public const int Refused = 2;

    /// <summary>Nobody refused, but at least one station did not answer before --timeout (or is offline).</summary>
    public const int Silent = 3;
}
