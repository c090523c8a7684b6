using System.Globalization;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// P1: the same signed <c>/memo help</c> slash command against CoalitionBot (POST /slack/commands) and a minimal
/// Bolt-JS 5.1.0 app (POST /slack/events), both running at once, in alternating rounds A/B/A/B from one load generator.
/// </summary>
internal static class BoltAckRun
{
    public static async Task RunAsync(int seconds, int rounds = 3, int connections = 64)
    {
        var boltFolder = await BoltApp.InstallAsync();
        await using var simulator = await SlackSimulator.StartAsync();
        var (host, folder, _) = await CoalitionTarget.StartAsync(simulator);
        await using (host)
        {
            var (bolt, _) = await BoltApp.StartAsync(boltFolder, simulator.SigningSecret);
            await using (bolt)
            {
                using var load = new AckLoad(simulator.SigningSecret, CoalitionTarget.HelpBody(simulator), CoalitionTarget.TriggerPlaceholder);
                var coalitionUrl = new Uri(host.BaseAddress, "slack/commands");
                var first = await load.SendAsync(coalitionUrl);
                var boltFirst = await load.SendAsync(bolt.CommandsUrl);
                if (first.Status != 200 || !first.Body.Contains("memo", StringComparison.OrdinalIgnoreCase) || boltFirst.Status != 200)
                {
                    throw new InvalidOperationException($"CoalitionBot answered {first.Status} {first.Body}; Bolt {boltFirst.Status} {boltFirst.Body}\n{host.Log}");
                }

                Console.WriteLine($"P1: signed /memo help, {connections} connections, {rounds}×{seconds} s each, alternating; CoalitionBot pid {host.ProcessId}, Bolt pid {bolt.ProcessId}");
                Console.WriteLine($"    CoalitionBot's ack: {first.Body[..Math.Min(first.Body.Length, 80)]}…");
                await load.RunAsync(coalitionUrl, connections, TimeSpan.FromSeconds(2), host.ProcessId); // warm-up (JIT, pools), not counted
                await load.RunAsync(bolt.CommandsUrl, connections, TimeSpan.FromSeconds(2), bolt.ProcessId);
                var (idleA, idleB) = (await IdleCpuMsAsync(host.ProcessId), await IdleCpuMsAsync(bolt.ProcessId));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    idle CPU over 3 s: CoalitionBot {idleA:F0} ms, Bolt-JS {idleB:F0} ms"));
                var ours = new List<AckRound>();
                var theirs = new List<AckRound>();
                for (var round = 1; round <= rounds; round++)
                {
                    ours.Add(Print($"round {round} A CoalitionBot", await load.RunAsync(coalitionUrl, connections, TimeSpan.FromSeconds(seconds), host.ProcessId)));
                    theirs.Add(Print($"round {round} B Bolt-JS     ", await load.RunAsync(bolt.CommandsUrl, connections, TimeSpan.FromSeconds(seconds), bolt.ProcessId)));
                }

                var a = Total(ours);
                var b = Total(theirs);
                Print("all    A CoalitionBot", a);
                Print("all    B Bolt-JS     ", b);
                var ratio = a.PerSecond / b.PerSecond;
                var p99A = SignOnLoad.Percentile(a.Latencies, 0.99);
                var p99B = SignOnLoad.Percentile(b.Latencies, 0.99);
                Console.WriteLine($"    load average {File.ReadAllText("/proc/loadavg").Trim()}");
                // The generator shares the processors: 2× Bolt's rate leaves a server (processors·1000/rate − generator) ms of CPU per ack.
                var budget = (Environment.ProcessorCount * 1000.0 / (2 * b.PerSecond)) - a.GeneratorCpuMsPerAck;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    ceiling here: at 2× Bolt-JS ({2 * b.PerSecond:F0}/s) the {Environment.ProcessorCount} processors leave a server {budget:F3} ms of CPU per ack once this load generator has had its {a.GeneratorCpuMsPerAck:F3} ms (CoalitionBot uses {a.CpuMsPerAck:F3} ms, Bolt-JS {b.CpuMsPerAck:F3} ms on its one thread)"));
                BenchTargets.Check("P1 throughput", "≥ 2× Bolt-JS 5.1.0", string.Create(CultureInfo.InvariantCulture, $"{ratio:F2}× ({a.PerSecond:F0}/s vs {b.PerSecond:F0}/s)"), ratio >= 2 && a.Failed == 0);
                BenchTargets.Check("P1 p99", "≤ Bolt-JS's", string.Create(CultureInfo.InvariantCulture, $"{p99A:F1} ms vs {p99B:F1} ms"), p99A <= p99B);
            }
        }

        SignOnLoad.TryDelete(folder);
    }

    private static async Task<double> IdleCpuMsAsync(int processId)
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        var before = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(3));
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }

    private static AckRound Total(List<AckRound> rounds)
    {
        var latencies = rounds.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        return new AckRound(rounds.Sum(r => r.Ok), rounds.Sum(r => r.Failed), TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)), latencies, rounds.Sum(r => r.CpuMs), rounds.Sum(r => r.GeneratorCpuMs));
    }

    private static AckRound Print(string label, AckRound round)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {label}: {round.PerSecond,7:F0} acks/s ({round.Ok} ok, {round.Failed} failed), p50 {SignOnLoad.Percentile(round.Latencies, 0.50):F1} ms, p99 {SignOnLoad.Percentile(round.Latencies, 0.99):F1} ms, server CPU {round.CpuMsPerAck:F2} ms/ack, load generator CPU {round.GeneratorCpuMsPerAck:F3} ms/request"));
        return round;
    }
}
