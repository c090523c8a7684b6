using System.Diagnostics;
using System.Net.Http.Json;
using CoalitionBot.Testing.Load;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>(b) N partners submit the sign-on form at the same moment through the web channel's POST /web/api/send.</summary>
internal static class SignOnLoad
{
    public static async Task RunAsync(int count)
    {
        var (host, folder) = await BenchHost.StartAsync(count + 1, openMemo: true, identity: null, new Dictionary<string, string>());
        await using (host)
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            (await SubmitAsync(http, count)).EnsureSuccessStatusCode(); // warm-up: the last partner, outside the measurement

            var latencies = new double[count];
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await SubmitAsync(http, i);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                return response.IsSuccessStatusCode && body.Contains("formAccepted", StringComparison.Ordinal);
            }));
            clock.Stop();

            await using var db = BenchHost.Open(folder);
            var stored = await db.SignOns.CountAsync();
            Array.Sort(latencies);
            Console.WriteLine($"(b) {count} concurrent sign-on submissions (web channel, SQLite): {results.Count(r => r)} accepted, {stored - 1} stored, all done in {clock.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"    acknowledgement latency p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms");
        }

        TryDelete(folder);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient http, int i) =>
        http.PostAsJsonAsync("web/api/send", new
        {
            id = "bench-" + i,
            email = BulkCoalition.PartnerEmail(i),
            formId = "signon",
            context = "M-1",
            fields = new Dictionary<string, string>
            {
                ["display_name"] = $"Partner Organisation {i:D4}",
                ["signatory_name"] = $"Contact {i:D4}",
                ["signatory_title"] = "Director",
                ["category"] = "International",
                ["attest"] = "true",
            },
        });

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static void TryDelete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the system to clean
        }
    }
}
