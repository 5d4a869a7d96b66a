// Stand-ins for nanoFramework.System.Device.Wifi (WifiNetworkHelper, WifiReconnectionKind), nanoFramework.System.Net
// (NetworkHelperStatus) and nanoFramework.Networking.Sntp: only what Device/WifiNetwork.cs and Device/SntpClock.cs use.
// Namespaces as in nanoframework/System.Device.Wifi (WifiNetworkHelper is in nanoFramework.Networking, not
// System.Device.Wifi) and nanoframework/nanoFramework.Networking.Sntp. Never executed (see README.md).
using System;
using System.Device.Wifi;
using System.Threading;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
    }

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status => throw new NotImplementedException();

        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default) =>
            throw new NotImplementedException();
    }

    public static class Sntp
    {
        public static string Server1
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public static string Server2
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public static bool IsStarted => throw new NotImplementedException();

        public static void Start() => throw new NotImplementedException();

        public static void UpdateNow() => throw new NotImplementedException();
    }
}
