using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Benchmarks;

/// <summary>What one round of <see cref="AckLoad"/> saw: requests answered 200, the others, and each 200's latency in ms.</summary>
internal sealed record AckRound(int Ok, int Failed, TimeSpan Elapsed, double[] Latencies, double CpuMs, double GeneratorCpuMs)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    /// <summary>CPU time the server process used per answered request (all its threads).</summary>
    public double CpuMsPerAck => CpuMs / Math.Max(1, Ok);

    /// <summary>CPU time this process (the load generator, on the same processors) used per answered request.</summary>
    public double GeneratorCpuMsPerAck => GeneratorCpuMs / Math.Max(1, Ok);
}

/// <summary>
/// A closed-loop load generator in this process: <c>connections</c> keep-alive connections, each sending the next
/// signed request as soon as the previous one is answered, for a fixed time. Every request carries its own
/// trigger_id (so nothing is deduplicated) and is signed with the current second's timestamp, as Slack does.
/// </summary>
internal sealed class AckLoad(string signingSecret, string bodyTemplate, string triggerPlaceholder) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private long _next;

    public async Task<AckRound> RunAsync(Uri url, int connections, TimeSpan duration, int serverProcessId)
    {
        using var server = Process.GetProcessById(serverProcessId);
        var cpu = server.TotalProcessorTime;
        var generatorCpu = CpuClock.NowMs();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var workers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => WorkerAsync(url, deadline))));
        var elapsed = clock.Elapsed;
        server.Refresh();
        var cpuMs = (server.TotalProcessorTime - cpu).TotalMilliseconds;
        var generatorMs = CpuClock.NowMs() - generatorCpu;
        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        return new AckRound(latencies.Length, workers.Sum(w => w.Failed), elapsed, latencies, cpuMs, generatorMs);
    }

    /// <summary>One signed request; returns the status and body (for checking what the ack says).</summary>
    public async Task<(int Status, string Body)> SendAsync(Uri url)
    {
        using var response = await _http.SendAsync(Request(url));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();

    private async Task<(List<double> Latencies, int Failed)> WorkerAsync(Uri url, long deadline)
    {
        var latencies = new List<double>(4096);
        var failed = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var request = Request(url);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                if ((int)response.StatusCode == 200)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failed++;
                }
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }

        return (latencies, failed);
    }

    private HttpRequestMessage Request(Uri url)
    {
        var body = bodyTemplate.Replace(triggerPlaceholder, "1337." + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSimulator.Sign(signingSecret, timestamp, body));
        return request;
    }
}
