using System;

namespace CommuneRadio.Host.Flash;

/// <summary>The station cannot be flashed as asked; the message says why and what to do.</summary>
public sealed class FlashException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlashException(string message)
        : base(message)
    {
    }
}
