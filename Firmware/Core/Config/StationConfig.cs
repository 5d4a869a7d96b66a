using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Security;
using CommuneRadio.Core.Station;

namespace CommuneRadio.Core.Config
{
    /// <summary>
    /// The outcome of parsing the configuration file: the settings for Core and the adapters, and the field-level
    /// errors. Always complete — never null members — so the boot sequence has one path:
    /// <list type="bullet">
    /// <item><see cref="Valid"/>: everything as configured.</item>
    /// <item>invalid but <see cref="NetworkUsable"/>: a <b>safe</b> station — no relay outputs at all (the driver
    /// leaves every pin untouched, as inputs), an empty keyring (every command refused) — that connects, raises
    /// <c>config-error</c> and publishes the errors, so an engineer sees them remotely. No boot loop.</item>
    /// <item>neither: the same safe station without network; the errors go to the serial log only.</item>
    /// </list>
    /// </summary>
    public sealed class StationConfig
    {
        internal StationConfig(ConfigErrors errors, StationSettings station, ProtocolSettings protocol, Keyring keys, DeviceSettings device, bool networkUsable)
        {
            Errors = errors;
            Station = station;
            Protocol = protocol;
            Keys = keys;
            Device = device;
            NetworkUsable = networkUsable;
        }

        /// <summary>Every problem found, in file order.</summary>
        public ConfigErrors Errors { get; }

        /// <summary>True when there is no error: the configured relays and keys are in use.</summary>
        public bool Valid
        {
            get { return Errors.Count == 0 && Errors.Dropped == 0; }
        }

        /// <summary>True when station identity, Wi-Fi and broker are all usable, so the station can connect and report.</summary>
        public bool NetworkUsable { get; }

        /// <summary>Settings for <see cref="StationCore"/>; with no relay outputs when the file is invalid.</summary>
        public StationSettings Station { get; }

        /// <summary>Wire identity; meaningful when <see cref="NetworkUsable"/>.</summary>
        public ProtocolSettings Protocol { get; }

        /// <summary>Provisioned issuers; empty when the file is invalid.</summary>
        public Keyring Keys { get; }

        /// <summary>Network, broker, time servers and sensors for the adapters.</summary>
        public DeviceSettings Device { get; }

        /// <summary>A relay layout with no outputs: nothing is ever driven.</summary>
        public static RelayLayout EmptyLayout()
        {
            return new RelayLayout(new RelayChannel[0], new RelayChannel[0], new RelayChannel[0]);
        }
    }
}
