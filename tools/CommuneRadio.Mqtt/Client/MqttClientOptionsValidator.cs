using System;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>Refuses options that could only fail later on the wire.</summary>
    internal static class MqttClientOptionsValidator
    {
        public static void Validate(MqttClientOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (string.IsNullOrWhiteSpace(options.Host))
            {
                throw new ArgumentException("Host is required.", nameof(options));
            }

            if (options.Port is < 1 or > 65535)
            {
                throw new ArgumentException($"Port {options.Port} is outside 1..65535.", nameof(options));
            }

            if (options.KeepAlive < TimeSpan.Zero || options.KeepAlive > TimeSpan.FromSeconds(ushort.MaxValue))
            {
                throw new ArgumentException("KeepAlive must be between 0 and 65535 seconds.", nameof(options));
            }

            if (options.Password is not null && options.Username is null)
            {
                throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name.", nameof(options));
            }

            if (options.Will is not null && !MqttTopicRules.IsValidTopicName(options.Will.Topic))
            {
                throw new ArgumentException($"Will topic '{options.Will.Topic}' is not a valid topic name.", nameof(options));
            }

            if (options.Tls is null || options.Reconnect is null || options.TimeProvider is null)
            {
                throw new ArgumentException("Tls, Reconnect and TimeProvider must not be null.", nameof(options));
            }

            if (options.Reconnect.MinDelay <= TimeSpan.Zero || options.Reconnect.MaxDelay < options.Reconnect.MinDelay)
            {
                throw new ArgumentException("Reconnect delays need 0 < MinDelay <= MaxDelay.", nameof(options));
            }

            if (options.ConnectTimeout <= TimeSpan.Zero || options.AckTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("ConnectTimeout and AckTimeout must be positive.", nameof(options));
            }

            if (options.PublishRetryInterval is { } retry && retry <= TimeSpan.Zero)
            {
                throw new ArgumentException("PublishRetryInterval must be positive or null.", nameof(options));
            }
        }
    }
}
