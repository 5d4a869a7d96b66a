using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Wi-Fi station mode with DHCP, through nanoFramework's WifiNetworkHelper and the credentials from the
    /// configuration file. The helper stores them and, with <c>WifiReconnectionKind.Automatic</c>, the native stack
    /// rejoins after an access-point outage on its own; this adapter only (re)starts it when asked.
    /// <para>Namespaces (nanoframework/System.Device.Wifi): <c>WifiNetworkHelper</c> is in <c>nanoFramework.Networking</c>
    /// (System.Device.Wifi.dll), <c>NetworkHelperStatus</c> too (System.Net.dll), but <c>WifiReconnectionKind</c> is in
    /// <c>System.Device.Wifi</c>.</para>
    /// </summary>
    public sealed class WifiNetwork
    {
        private readonly string _ssid;
        private readonly string _password;
        private bool _up;

        /// <summary>Creates the adapter.</summary>
        public WifiNetwork(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        /// <summary>
        /// Joins the network (blocking, at most <paramref name="timeoutMs"/>); true with an IP address. Never throws.
        /// Runs on the connector thread only.
        /// </summary>
        public bool EnsureConnected(int timeoutMs)
        {
            if (_up && WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady)
            {
                return true;
            }

            try
            {
                // Disposed after each attempt: the source owns a Timer, and this runs on every reconnection.
                using (CancellationTokenSource cts = new CancellationTokenSource(timeoutMs))
                {
                    _up = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, cts.Token);
                }
            }
            catch (Exception)
            {
                _up = false;
            }

            return _up;
        }
    }
}
