using System;
using System.Collections.Generic;

namespace CommuneRadio.Host.Provisioning;

/// <summary>Provisioning refused: nothing was written. <see cref="Errors"/> lists every problem found.</summary>
public sealed class ProvisionException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ProvisionException(IReadOnlyList<ProvisionError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public ProvisionException(string message)
        : this(new[] { new ProvisionError(0, null, message) })
    {
    }

    /// <summary>Every problem, in inventory order.</summary>
    public IReadOnlyList<ProvisionError> Errors { get; }

    private static string Describe(IReadOnlyList<ProvisionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems, nothing written:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}";
    }
}
