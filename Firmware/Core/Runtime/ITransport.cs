using CommuneRadio.Core.Protocol;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>
    /// Role: the station's broker connection (M2Mqtt on the device, the host MQTT client in the simulator). It performs
    /// one connection attempt per <see cref="Connect"/> and never reconnects by itself: when to attempt is decided by
    /// <see cref="StationRuntime"/> (Core's <c>ReconnectPolicy</c>), so the device and the simulator back off alike.
    /// Its callbacks (a message arrived, the connection closed) run on the client's threads and only set flags or
    /// enqueue; the runtime reads them on the station's loop.
    /// </summary>
    public interface ITransport
    {
        /// <summary>
        /// Starts one connection attempt with <paramref name="options"/> and returns at once (the device's TLS handshake
        /// takes 10–30 s and runs on its own thread); the outcome is reported once by <see cref="TakeOutcome"/>.
        /// False when an attempt is already under way (nothing started).
        /// </summary>
        bool Connect(ConnectOptions options);

        /// <summary>The outcome of the last finished attempt, once; <see cref="ConnectOutcome.None"/> until the next one finishes.</summary>
        ConnectOutcome TakeOutcome();

        /// <summary>True while an accepted connection is open.</summary>
        bool IsConnected { get; }

        /// <summary>True once after an established connection closed (read and cleared).</summary>
        bool TakeClosed();

        /// <summary>Subscribes to <paramref name="topics"/> at QoS 1; false when not connected or the client refused.</summary>
        bool Subscribe(string[] topics);

        /// <summary>Hands one message to the client (QoS and retain as given); false when it could not, and the caller keeps it.</summary>
        bool Publish(OutgoingMessage message);
    }
}
