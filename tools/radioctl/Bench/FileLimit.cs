using System;
using System.Runtime.InteropServices;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// This process's open-file limit (RLIMIT_NOFILE): every MQTT connection is one descriptor, so thousands of
/// simulated stations need a soft limit above the usual 1,024. <see cref="TryRaise"/> lifts the soft limit up to
/// the hard limit (always allowed); going above the hard limit needs root with CAP_SYS_RESOURCE, which a
/// container often lacks — then the hard limit is what there is. Linux only; elsewhere the figures are 0.
/// </summary>
public static class FileLimit
{
    private const int RlimitNofile = 7;

    /// <summary>The soft (effective) and hard limits now, or (0, 0) when they cannot be read.</summary>
    public static (long Soft, long Hard) Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (0, 0);
        }

        return getrlimit(RlimitNofile, out Rlimit r) == 0 ? (Clamp(r.Current), Clamp(r.Maximum)) : (0, 0);
    }

    /// <summary>
    /// Raises the soft limit to <paramref name="wanted"/> (tries above the hard limit first, which works only with
    /// CAP_SYS_RESOURCE, then up to the hard limit). Returns the soft limit in force afterwards.
    /// </summary>
    public static long TryRaise(long wanted)
    {
        (long soft, long hard) = Current();
        if (!OperatingSystem.IsLinux() || soft >= wanted)
        {
            return soft;
        }

        var above = new Rlimit { Current = (ulong)wanted, Maximum = (ulong)Math.Max(wanted, hard) };
        if (setrlimit(RlimitNofile, ref above) != 0)
        {
            var upToHard = new Rlimit { Current = (ulong)Math.Min(wanted, hard), Maximum = (ulong)hard };
            _ = setrlimit(RlimitNofile, ref upToHard);
        }

        return Current().Soft;
    }

    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out Rlimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, ref Rlimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
