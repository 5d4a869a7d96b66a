using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// What an update push needs from the wire: send one signed command to one station (<c>st/{id}</c>) and read what the
/// stations publish. <see cref="MqttUpdateLink"/> over the operator's MQTT connection; tests use stations in memory.
/// </summary>
public interface IUpdateLink
{
    /// <summary>Signs and publishes <paramref name="cmd"/> with <paramref name="argsJson"/> to <paramref name="station"/>; returns the command id its result will carry.</summary>
    Task<string> SendAsync(string station, string cmd, string argsJson, CancellationToken cancellationToken);

    /// <summary>What the stations published (results, events, health, state), in arrival order.</summary>
    ChannelReader<StationMessage> Inbox { get; }
}
