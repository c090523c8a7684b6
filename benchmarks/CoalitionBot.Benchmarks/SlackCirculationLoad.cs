using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// (a) Circulation to N Slack contacts (one DM each) through the Slack simulator with Slack's chat.postMessage limits,
/// timed from `circulate` to the last message the simulator accepted. PROTOCOLS.md gives "about 1 per second per
/// channel, short bursts tolerated" and "a workspace-wide budget of several hundred per minute"; the simulator
/// enforces 3 per 3 s per channel and 300 per 60 s for the workspace (sliding windows), and answers 429 with
/// Retry-After beyond them. Each contact has their own DM, so the workspace budget binds: the first 300 may go at
/// once and each further 300 one window later, so N messages need at least (ceil(N / 300) - 1) × 60 s.
/// </summary>
internal static class SlackCirculationLoad
{
    public const int WorkspacePerMinute = 300;
    public const int ChannelBurst = 3;

    public static async Task RunAsync(int count)
    {
        await using var simulator = await StartSimulatorAsync(count);
        var (host, folder) = await BenchHost.StartAsync(count, openMemo: false, (contact, i) => Identity(simulator, contact, i), Environment(simulator));
        await using (host)
        {
            await CirculateAsync(simulator, host.BaseAddress, count, "SQLite, one instance", "P2 Slack circulation", async () =>
            {
                await using var db = BenchHost.Open(folder);
                while (await db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending) > 0)
                {
                    await Task.Delay(50);
                }

                return await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent);
            });
        }

        SignOnLoad.TryDelete(folder);
    }

    /// <summary>When the simulator first held the 1st message and each window's first and last (sampled every 20 ms).</summary>
    private static async Task<string> Timeline(SlackSimulator simulator, int count, Stopwatch clock, CancellationToken stop)
    {
        var marks = new SortedSet<int> { 1, count };
        for (var n = WorkspacePerMinute; n < count; n += WorkspacePerMinute)
        {
            marks.Add(n);
            marks.Add(n + 1);
        }

        var seen = new List<string>();
        while (marks.Count > 0 && !stop.IsCancellationRequested)
        {
            var held = simulator.Messages.Count;
            while (marks.Count > 0 && marks.Min <= held)
            {
                seen.Add(string.Create(CultureInfo.InvariantCulture, $"{marks.Min}: {clock.Elapsed.TotalSeconds:F1} s"));
                marks.Remove(marks.Min);
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return string.Join(", ", seen);
    }

    /// <summary>Circulates at <paramref name="host"/>, times it to the last message Slack accepted, and checks the target.</summary>
    public static async Task CirculateAsync(SlackSimulator simulator, Uri host, int count, string setup, string target, Func<Task<int>> sentWhenSettled)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromMinutes(5) };
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var timeline = Timeline(simulator, count, clock, sampling.Token);
        (await http.PostAsJsonAsync("web/api/send", new { email = BulkCoalition.CoordinatorEmail, text = "circulate M-1" })).EnsureSuccessStatusCode();
        await simulator.WaitUntilAsync(s => s.Messages.Count >= count, TimeSpan.FromMinutes(40));
        var platformDone = clock.Elapsed;
        await sampling.CancelAsync();
        var sent = await sentWhenSettled();
        var refused = simulator.Calls.Count(c => c.Method == "chat.postMessage" && c.Status == 429);
        var invalid = simulator.Calls.Count(c => c.Error is not null && c.Status != 429);
        var perContact = simulator.Messages.GroupBy(m => m.Channel).ToList();
        var once = perContact.Count == count && perContact.All(g => g.Count() == 1);
        var minimum = TimeSpan.FromMinutes(Math.Max(0, (int)Math.Ceiling(count / (double)WorkspacePerMinute) - 1));
        Console.WriteLine($"(a) circulation to {count} Slack contacts via the Slack simulator ({setup}; limits {WorkspacePerMinute}/min per workspace, {ChannelBurst} per {ChannelBurst} s per channel):");
        Console.WriteLine($"    simulator accepted all {simulator.Messages.Count} in {platformDone.TotalSeconds:F1} s, {sent} recorded as sent in {clock.Elapsed.TotalSeconds:F1} s; {refused} answered 429, {invalid} other errors; each contact once: {(once ? "yes" : "no")}");
        Console.WriteLine($"    timeline (message n first seen at): {await timeline}");
        Console.WriteLine($"    the limits allow no less than {minimum.TotalSeconds:F0} s (a steady {WorkspacePerMinute}/min without the first burst: {count * 60.0 / WorkspacePerMinute:F0} s)");
        var ratio = minimum > TimeSpan.Zero ? platformDone / minimum : 1; // under 300 contacts the floor is one burst
        BenchTargets.Check(target, "≤ 1.05× the floor, no 429, each contact once", string.Create(CultureInfo.InvariantCulture, $"{ratio:F3}× ({platformDone.TotalSeconds:F1} s against {minimum.TotalSeconds:F0} s), {refused} × 429, {sent} sent of {count}, each once: {(once ? "yes" : "no")}"),
            ratio <= 1.05 && refused == 0 && sent == count && once);
    }

    /// <summary>The Slack simulator with the run's limits and N people in the workspace.</summary>
    public static async Task<SlackSimulator> StartSimulatorAsync(int count)
    {
        var simulator = await SlackSimulator.StartAsync();
        simulator.SetRateLimit("chat.postMessage", WorkspacePerMinute, TimeSpan.FromMinutes(1));
        simulator.SetChannelRateLimit("chat.postMessage", ChannelBurst, TimeSpan.FromSeconds(ChannelBurst));
        for (var i = 0; i < count; i++)
        {
            simulator.Users[UserId(i)] = new SimulatedUser(UserId(i), $"Contact {i:D4}", BulkCoalition.PartnerEmail(i));
        }

        return simulator;
    }

    public static Dictionary<string, string> Environment(SlackSimulator simulator) => new()
    {
        ["Slack__BotToken"] = simulator.BotToken,
        ["Slack__SigningSecret"] = simulator.SigningSecret,
        ["Slack__ApiBaseUrl"] = simulator.ApiBaseUrl,
        ["WebChannel__Enabled"] = "true",
    };

    public static ContactIdentity Identity(SlackSimulator simulator, Contact contact, int i) => new()
    {
        ContactId = contact.Id, Platform = Platform.Slack, TenantId = simulator.TeamId, UserId = UserId(i), LastSeenAt = DateTimeOffset.UtcNow,
    };

    public static string UserId(int i) => $"UB{i:D5}";
}
