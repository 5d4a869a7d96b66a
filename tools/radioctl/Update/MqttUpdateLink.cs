using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// <see cref="IUpdateLink"/> over the operator's MQTT connection: each command signed by one issuer for one station
/// (<c>st/{id}</c>, with its province's key, <see cref="CommandIssuer"/>) and published at QoS 1, never retained.
/// Every station gets its own commands because each stands at its own chunk.
/// </summary>
public sealed class MqttUpdateLink : IUpdateLink
{
    private readonly OperatorLink _link;
    private readonly CommandIssuer _issuer;

    /// <summary>Sends through <paramref name="link"/> (subscribed to result, event, health and state), signed as <paramref name="issuer"/>.</summary>
    public MqttUpdateLink(OperatorLink link, CommandIssuer issuer)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
    }

    /// <inheritdoc/>
    public ChannelReader<StationMessage> Inbox => _link.Inbox;

    /// <inheritdoc/>
    public async Task<string> SendAsync(string station, string cmd, string argsJson, CancellationToken cancellationToken)
    {
        SignedCommand command = _issuer.Create(FleetGroups.StationTarget(station), cmd, argsJson);
        await _link.PublishAsync(command, cancellationToken).ConfigureAwait(false);
        return command.Id;
    }
}
