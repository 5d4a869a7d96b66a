using System;
using nanoFramework.Hardware.Esp32;

namespace CommuneRadio.Device
{
    /// <summary>
    /// Free memory for the health report: the managed heap as the collector sees it (<c>GC.Run(false)</c>, no
    /// compaction, returns free bytes) and the native internal heap (mbedTLS, sockets) from
    /// <c>NativeMemory.GetMemoryInfo</c>. Health reports the smaller, since either running out stops the station.
    /// </summary>
    public static class MemoryInfo
    {
        /// <summary>The tighter of managed and native free bytes, or -1 when unknown.</summary>
        public static long FreeBytes()
        {
            try
            {
                long managed = nanoFramework.Runtime.Native.GC.Run(false);
                uint total;
                uint free;
                uint largest;
                NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.Internal, out total, out free, out largest);
                return free < managed ? free : managed;
            }
            catch (Exception)
            {
                return -1;
            }
        }
    }
}
