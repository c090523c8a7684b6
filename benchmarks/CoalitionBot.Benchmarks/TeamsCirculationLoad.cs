using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// (a') Circulation to N Teams contacts through the Bot Framework simulator, timed from `circulate` to the last
/// activity the simulator accepted. Teams' published limit that binds here is about 50 requests per second per app per
/// tenant, which the simulator enforces (sliding window, 429 beyond it); one message per contact's own 1:1 chat, so the
/// per-conversation 7/s never binds: the floor is N / 50 s.
/// </summary>
internal static class TeamsCirculationLoad
{
    public const int TenantPerSecond = 50;

    public static async Task RunAsync(int count)
    {
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        var (host, folder) = await BenchHost.StartAsync(count, openMemo: false, (contact, i) => Identity(simulator, contact, i), Environment(simulator));
        await using (host)
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            await BenchHost.PauseForProfilerAsync(host.ProcessId);
            var clock = Stopwatch.StartNew();
            using var sampling = new CancellationTokenSource();
            var pace = PaceAsync(simulator, clock, sampling.Token);
            (await http.PostAsJsonAsync("web/api/send", new { email = BulkCoalition.CoordinatorEmail, text = "circulate M-1" })).EnsureSuccessStatusCode();
            var first = simulator.WaitForActivitiesAsync(1, CancellationToken.None).ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
            await simulator.WaitForActivitiesAsync(count, new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token);
            var platformDone = clock.Elapsed;
            await sampling.CancelAsync();
            await using var db = BenchHost.Open(folder);
            while (await db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending) > 0)
            {
                await Task.Delay(50);
            }

            var sent = await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent);
            Console.WriteLine($"(a') circulation to {count} Teams contacts via the Bot Framework simulator (SQLite, one instance; {TenantPerSecond} requests/s per tenant):");
            Console.WriteLine($"    first activity at {(await first).TotalSeconds:F2} s, all {simulator.Activities.Count} in {platformDone.TotalSeconds:F1} s, {sent} recorded as sent in {clock.Elapsed.TotalSeconds:F1} s; {simulator.Throttled} answered 429");
            Console.WriteLine($"    accepted per 200 ms from the first (bursts at each second's turn: the budget's window; an even pace: a cap on sending): {await pace}");
            Check("P2 Teams circulation", count, platformDone, simulator, sent);
        }

        SignOnLoad.TryDelete(folder);
    }

    /// <summary>How many activities the simulator accepted in each 200 ms from the first (sampled every 10 ms).</summary>
    private static async Task<string> PaceAsync(BotFrameworkSimulator simulator, Stopwatch clock, CancellationToken stop)
    {
        var counts = new List<int>();
        TimeSpan? start = null;
        var last = 0;
        while (!stop.IsCancellationRequested)
        {
            var held = simulator.Activities.Count;
            if (held > 0 && start is null)
            {
                start = clock.Elapsed;
            }

            if (start is { } s)
            {
                var bucket = (int)((clock.Elapsed - s).TotalMilliseconds / 200);
                while (counts.Count <= bucket)
                {
                    counts.Add(0);
                }

                counts[bucket] += held - last;
                last = held;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        return string.Join(" ", counts.Take(50));
    }

    /// <summary>The contact's Teams identity: their own 1:1 chat, already open.</summary>
    public static ContactIdentity Identity(BotFrameworkSimulator simulator, Contact contact, int i) => new()
    {
        ContactId = contact.Id, Platform = Platform.Teams, TenantId = simulator.Options.TenantId,
        UserId = $"29:user-{i:D5}", ConversationId = $"a:conv-{i:D5}", LastSeenAt = DateTimeOffset.UtcNow,
    };

    public static Dictionary<string, string> Environment(BotFrameworkSimulator simulator) => new()
    {
        ["Teams__AppId"] = simulator.Options.AppId,
        ["Teams__AppPassword"] = simulator.Options.AppPassword,
        ["Teams__TenantId"] = simulator.Options.TenantId,
        ["Teams__OpenIdMetadataUrl"] = simulator.OpenIdMetadataUrl,
        ["Teams__TokenAuthority"] = simulator.TokenAuthority,
        ["Teams__DefaultServiceUrl"] = simulator.ServiceUrl,
        ["WebChannel__Enabled"] = "true",
    };

    /// <summary>The target: each contact once, no 429, within 1.05× N / 50 s.</summary>
    public static void Check(string id, int count, TimeSpan platformDone, BotFrameworkSimulator simulator, int sent)
    {
        var floor = TimeSpan.FromSeconds(count / (double)TenantPerSecond);
        var perContact = simulator.Activities.Where(a => a.Method == "POST").GroupBy(a => a.ConversationId).ToList();
        var once = perContact.Count == count && perContact.All(g => g.Count() == 1);
        var ratio = platformDone / floor;
        Console.WriteLine($"    the {TenantPerSecond} requests/s per tenant allow no less than {floor.TotalSeconds:F0} s; {perContact.Count} contacts received, {perContact.Count(g => g.Count() > 1)} more than once");
        BenchTargets.Check(id, "≤ 1.05× the floor, no 429, each contact once",
            string.Create(CultureInfo.InvariantCulture, $"{ratio:F3}× ({platformDone.TotalSeconds:F1} s against {floor.TotalSeconds:F0} s), {simulator.Throttled} × 429, {sent} sent of {count}, each once: {(once ? "yes" : "no")}"),
            ratio <= 1.05 && simulator.Throttled == 0 && sent == count && once);
    }
}
