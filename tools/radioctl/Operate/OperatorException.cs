using System;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// A problem found before or while talking to the broker that ends the command with exit code 1 and a
/// one-line message: bad arguments, unknown station or group, missing key, unreachable broker.
/// </summary>
public sealed class OperatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OperatorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public OperatorException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public OperatorException()
    {
    }
}
