using System.Diagnostics;
using System.Globalization;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// P5: start to ready (process start to the first 200 from /readyz) on a database that already exists, and idle RSS
/// (after ten signed /memo help commands and 3 s of quiet), for several starts of CoalitionBot and of the
/// minimal Bolt-JS app (which has no /readyz: its first HTTP answer counts), alternating; medians compared.
/// </summary>
internal static class StartupRun
{
    public static async Task RunAsync(int starts)
    {
        var boltFolder = await BoltApp.InstallAsync();
        await using var simulator = await SlackSimulator.StartAsync();
        var (first, folder, environment) = await CoalitionTarget.StartAsync(simulator); // creates and migrates the database
        await first.DisposeAsync();
        using var load = new AckLoad(simulator.SigningSecret, CoalitionTarget.HelpBody(simulator), CoalitionTarget.TriggerPlaceholder);
        var ready = new List<double>();
        var rss = new List<double>();
        var boltReady = new List<double>();
        var boltRss = new List<double>();
        var published = System.Environment.GetEnvironmentVariable("BENCH_HOST_ASSEMBLY"); // e.g. a dotnet publish folder's CoalitionBot.dll
        var cpu = new List<double>();
        var extra = string.Join(" ", environment.Keys.Where(k => !k.StartsWith("Slack__", StringComparison.Ordinal) && !k.StartsWith("Storage__", StringComparison.Ordinal) && k != "Reminders__Enabled"));
        Console.WriteLine($"P5: {starts} starts each on an existing database; host {published ?? "the build beside this program"}; extra host settings: {(extra.Length == 0 ? "none" : extra)}");
        for (var i = 1; i <= starts; i++)
        {
            var clock = Stopwatch.StartNew();
            await using (var host = await HostProcess.StartAsync(HostProcess.FreePort(), environment, TimeSpan.FromMinutes(1), published))
            {
                if (!await BoltApp.WaitForAsync(new Uri(host.BaseAddress, "readyz"), any: false, () => false, TimeSpan.FromSeconds(60)))
                {
                    throw new InvalidOperationException("/readyz never answered 200:\n" + host.Log);
                }

                ready.Add(clock.Elapsed.TotalSeconds);
                using (var process = Process.GetProcessById(host.ProcessId))
                {
                    cpu.Add(process.TotalProcessorTime.TotalSeconds); // CPU to get ready: what load on the machine does not change
                }

                rss.Add(await IdleRssAsync(load, new Uri(host.BaseAddress, "slack/commands"), host.ProcessId));
            }

            var (bolt, boltStart) = await BoltApp.StartAsync(boltFolder, simulator.SigningSecret);
            await using (bolt)
            {
                boltReady.Add(boltStart.TotalSeconds);
                boltRss.Add(await IdleRssAsync(load, bolt.CommandsUrl, bolt.ProcessId));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    start {i}: CoalitionBot ready in {ready[^1]:F2} s ({cpu[^1]:F2} s CPU), idle RSS {rss[^1]:F0} MB; Bolt-JS listening in {boltReady[^1]:F2} s, idle RSS {boltRss[^1]:F0} MB"));
        }

        var readyMedian = Median(ready);
        var rssMedian = Median(rss);
        var boltRssMedian = Median(boltRss);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    medians: CoalitionBot {readyMedian:F2} s ({Median(cpu):F2} s CPU), {rssMedian:F0} MB; Bolt-JS {Median(boltReady):F2} s, {boltRssMedian:F0} MB"));
        Console.WriteLine($"    load average {File.ReadAllText("/proc/loadavg").Trim()}");
        BenchTargets.Check("P5 start to ready", "≤ 1.5 s (median)", string.Create(CultureInfo.InvariantCulture, $"{readyMedian:F2} s"), readyMedian <= 1.5);
        BenchTargets.Check("P5 idle RSS", "≤ Bolt-JS's (median)", string.Create(CultureInfo.InvariantCulture, $"{rssMedian:F0} MB vs {boltRssMedian:F0} MB"), rssMedian <= boltRssMedian);
        SignOnLoad.TryDelete(folder);
    }

    private static async Task<double> IdleRssAsync(AckLoad load, Uri url, int processId)
    {
        for (var i = 0; i < 10; i++)
        {
            var (status, body) = await load.SendAsync(url);
            if (status != 200)
            {
                throw new InvalidOperationException($"{url} answered {status}: {body}");
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        return BoltApp.RssMegabytes(processId);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
