using System.Collections.Generic;

namespace CommuneRadio.Host.Provisioning;

/// <summary>What <see cref="Provisioner"/> works from (radioctl provision's options).</summary>
public sealed class ProvisionOptions
{
    /// <summary>The inventory CSV text (<see cref="Inventory"/>).</summary>
    public string InventoryText { get; init; } = string.Empty;

    /// <summary>The provisioning directory: created, or updated when it holds an earlier run.</summary>
    public string Directory { get; init; } = string.Empty;

    /// <summary>
    /// Replace every HMAC key and broker password with fresh ones. Without it, keys and passwords already in the
    /// directory are kept and only new stations and issuers get new ones.
    /// </summary>
    public bool RotateKeys { get; init; }

    /// <summary>Topic prefix; null = the directory's (from its fleet file), else "cr/v1".</summary>
    public string? Prefix { get; init; }

    /// <summary>
    /// The issuers given the update right (protocol §8: they may push application updates), e.g. ["prov.ha-tinh"]; every
    /// other issuer has none. Null keeps what the directory's fleet file says (new issuers get none): no issuer ever
    /// gets the right without being named here once.
    /// </summary>
    public IReadOnlyCollection<string>? UpdateIssuers { get; init; }

    /// <summary>The broker's CA certificate (PEM file), required once for an mqtts broker; copied to DIR/ca.pem.</summary>
    public string? CaPath { get; init; }
}
