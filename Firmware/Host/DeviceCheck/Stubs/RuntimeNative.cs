// Stand-ins for nanoFramework.Runtime.Native and nanoFramework.Hardware.Esp32: only what Device/MemoryInfo.cs,
// Device/PowerReboot.cs and Device/SntpClock.cs use, with the signatures of nanoframework/nanoFramework.Runtime.Native
// and nanoframework/nanoFramework.Hardware.Esp32. System.Environment.TickCount64, which nanoFramework also ships in
// Runtime.Native, comes from .NET 10 (README.md). Never executed.
using System;

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw new NotImplementedException();
    }

    public static class Rtc
    {
        public static bool SetSystemTime(DateTime time) => throw new NotImplementedException();
    }

    public class Power
    {
        public static void RebootDevice() => throw new NotImplementedException();

        public static void RebootDevice(int exeConstraintTimeout) => throw new NotImplementedException();
    }
}

namespace nanoFramework.Hardware.Esp32
{
    public static class NativeMemory
    {
        public enum MemoryType
        {
            All,
            Internal,
            SpiRam,
        }

        public static void GetMemoryInfo(MemoryType memoryType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock) =>
            throw new NotImplementedException();
    }
}
