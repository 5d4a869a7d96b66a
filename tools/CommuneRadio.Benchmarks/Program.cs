using System.Collections.Generic;
using BenchmarkDotNet.Running;

namespace CommuneRadio.Benchmarks
{
    /// <summary>
    /// Entry point: BenchmarkDotNet's switcher over every benchmark class in this assembly.
    /// <c>--quick</c> is shorthand for <c>--job short</c>; without <c>--filter</c> every benchmark runs.
    /// <c>--per-command [--stations N] [--no-gc]</c> prints the per-command-kind table instead (<see cref="PerCommand.PerCommandCost"/>).
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            List<string> list = new List<string>(args);
            if (list.Remove("--per-command"))
            {
                bool gc = !list.Remove("--no-gc");
                int at = list.IndexOf("--stations");
                if (at >= 0 && at + 1 < list.Count)
                {
                    PerCommand.PerCommandCost.Stations = int.Parse(list[at + 1], System.Globalization.CultureInfo.InvariantCulture);
                }

                System.Environment.Exit(PerCommand.PerCommandCost.Run(gc));
            }

            if (list.Remove("--quick"))
            {
                list.Add("--job");
                list.Add("short");
            }

            if (!list.Contains("--filter") && !list.Contains("-f") && !list.Contains("--list"))
            {
                list.Add("--filter");
                list.Add("*");
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(list.ToArray());
        }
    }
}
