using System.Diagnostics;
using System.Text.Json;
using CoalitionBot.Testing.Load;

namespace CoalitionBot.Benchmarks;

/// <summary>(b) N partners submit the sign-on form at the same moment through the web channel's POST /web/api/send.</summary>
internal static class SignOnLoad
{
    public static async Task RunAsync(int count)
    {
        var (host, folder) = await BenchHost.StartAsync(count + SignOnLatencies.Warm, openMemo: true, identity: null, new Dictionary<string, string>());
        await using (host)
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            await SignOnLatencies.WarmUpAsync(folder, count, async i => (await SubmitAsync(http, Json(i))).EnsureSuccessStatusCode()); // outside the measurement
            var bodies = Enumerable.Range(0, count).Select(Json).ToArray(); // the browsers' work, before the burst
            await OpenConnectionsAsync(http, host.BaseAddress, count);

            var latencies = new double[count];
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await SubmitAsync(http, bodies[i]);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                return response.IsSuccessStatusCode && (body.Contains("formAccepted", StringComparison.Ordinal) || body.Contains("formReceived", StringComparison.Ordinal));
            }));
            clock.Stop();

            var stored = await SignOnLatencies.StoredAsync(folder, count);
            Console.WriteLine($"(b) {count} concurrent sign-on submissions (web channel, SQLite): {results.Count(r => r)} accepted, {stored.Stored} stored once, all acked in {clock.Elapsed.TotalSeconds:F1} s");
            SignOnLatencies.Report("web channel sign-on form submissions", latencies, count, stored);
        }

        TryDelete(folder);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient http, byte[] json) =>
        http.PostAsync("web/api/send", new ByteArrayContent(json) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } });

    private static byte[] Json(int i) => JsonSerializer.SerializeToUtf8Bytes(BulkCoalition.WebSignOn(i, "bench-" + i), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Opens <paramref name="count"/> keep-alive connections before the burst (a platform delivers over connections it
    /// holds open): without it the burst measures the loopback's accept backlog (Kestrel's 512) rather than the bot.
    /// </summary>
    public static async Task OpenConnectionsAsync(HttpClient http, Uri baseAddress, int count)
    {
        var probe = new Uri(baseAddress, "healthz");
        using var gate = new SemaphoreSlim(0);
        var opened = 0;
        var all = Enumerable.Range(0, count).Select(async _ =>
        {
            // Every request holds its connection until all have one, so the pool ends with count connections.
            using var response = await http.GetAsync(probe, HttpCompletionOption.ResponseHeadersRead);
            if (Interlocked.Increment(ref opened) == count)
            {
                gate.Release(count);
            }

            await gate.WaitAsync();
        }).ToArray();
        await Task.WhenAll(all);
    }

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
