using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// CPU time used by this process (all its threads, the GC's included), in milliseconds. Unlike the wall clock it
/// does not count the time other processes on a loaded machine held the cores, so ratios of it survive load.
/// Linux: clock_gettime(CLOCK_PROCESS_CPUTIME_ID), nanosecond resolution; elsewhere the coarser process time.
/// </summary>
internal static class CpuClock
{
    private const int ProcessCpuTime = 2;

    public static double NowMs()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ProcessCpuTime, out var now) == 0)
        {
            return (now.Seconds * 1e3) + (now.Nanoseconds / 1e6);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

#pragma warning disable SYSLIB1054 // a one-line P/Invoke of a blittable struct: no marshalling to generate
    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out Timespec time);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timespec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}
