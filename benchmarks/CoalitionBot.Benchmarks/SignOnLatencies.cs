using System.Globalization;
using System.Text;
using CoalitionBot.Testing.Load;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// What both sign-on bursts report (issue 14, P3): p50/p95/p99/max of the acknowledgement latency, a histogram, and
/// whether every submission was stored exactly once (counted in the database, waiting for work after the ack).
/// </summary>
internal static class SignOnLatencies
{
    public const double TargetP99Ms = 300;

    /// <summary>
    /// Sign-ons sent before the burst, by partners count..count+Warm-1: a server that has been running has compiled
    /// the hot paths (the JIT's second tier after 30 calls); a fresh process recompiling them during the burst took
    /// a third of the CPU in a perf profile. Stored before the burst starts.
    /// </summary>
    public const int Warm = 64;

    private static readonly double[] Bounds = [25, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000];

    public static string Summary(double[] sorted) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {SignOnLoad.Percentile(sorted, 0.50):F0} ms, p95 {SignOnLoad.Percentile(sorted, 0.95):F0} ms, p99 {SignOnLoad.Percentile(sorted, 0.99):F0} ms, max {sorted[^1]:F0} ms");

    /// <summary>Counts per latency bucket, as a Markdown table with a bar, for docs/operations.md.</summary>
    public static string Histogram(double[] sorted)
    {
        var text = new StringBuilder("| ack latency | requests | |\n|---|---|---|\n");
        var lower = 0.0;
        foreach (var upper in Bounds.Append(double.PositiveInfinity))
        {
            var n = sorted.Count(l => l > lower && l <= upper) + (lower == 0 ? sorted.Count(l => l <= 0) : 0);
            var label = double.IsPositiveInfinity(upper) ? $"> {lower:F0} ms" : $"≤ {upper:F0} ms";
            text.Append(CultureInfo.InvariantCulture, $"| {label} | {n} | {new string('#', (int)Math.Ceiling(n * 50.0 / sorted.Length))} |\n");
            lower = upper;
        }

        return text.ToString();
    }

    /// <summary>
    /// Waits until the sign-ons of partners 0..count-1 are stored (they are applied after the ack) or two minutes
    /// pass; returns how many partners have exactly one sign-on, and how many rows there are in all.
    /// </summary>
    public static async Task<(int Stored, int Rows, TimeSpan Waited)> StoredAsync(string folder, int count)
    {
        await using var db = BenchHost.Open(folder);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var names = Enumerable.Range(0, count).Select(i => $"Partner Organisation {i:D4}").ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var rows = await db.SignOns.Select(s => s.DisplayName).ToListAsync();
            var once = rows.Where(names.Contains).GroupBy(n => n, StringComparer.Ordinal).Count(g => g.Count() == 1);
            if (once >= count || waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                return (once, rows.Count, waited.Elapsed);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Sends the <see cref="Warm"/> warm-up sign-ons eight at a time and waits until they are stored (they are applied
    /// after their acks), then gives the JIT's background recompiles a moment.
    /// </summary>
    public static async Task WarmUpAsync(string folder, int count, Func<int, Task> submit)
    {
        foreach (var group in Enumerable.Range(count, Warm).Chunk(8))
        {
            await Task.WhenAll(group.Select(submit));
        }

        await using var db = BenchHost.Open(folder);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await db.SignOns.CountAsync() < Warm && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    /// <summary>Prints the figures and checks P3 for one burst.</summary>
    public static void Report(string what, double[] latencies, int count, (int Stored, int Rows, TimeSpan Waited) stored)
    {
        Array.Sort(latencies);
        Console.WriteLine($"    acknowledgement latency {Summary(latencies)}");
        Console.WriteLine($"    stored exactly once: {stored.Stored} of {count} ({stored.Rows} sign-on rows with the {Warm} warm-up ones; counted {stored.Waited.TotalSeconds:F1} s after the last ack)");
        Console.Write(Histogram(latencies));
        var p99 = SignOnLoad.Percentile(latencies, 0.99);
        BenchTargets.Check(
            "P3",
            $"{count:N0} simultaneous {what}: 100% stored, p99 ack ≤ {TargetP99Ms:F0} ms",
            string.Create(CultureInfo.InvariantCulture, $"{stored.Stored * 100.0 / count:F1}% stored once; {Summary(latencies)}"),
            stored.Stored == count && stored.Rows == count + Warm && p99 <= TargetP99Ms);
    }

    public static string PartnerName(int i) => $"Partner Organisation {i:D4}";

    public static string Email(int i) => BulkCoalition.PartnerEmail(i);
}
