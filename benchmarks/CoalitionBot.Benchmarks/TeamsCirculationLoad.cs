using System.Diagnostics;
using System.Net.Http.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// (a') Circulation to N Teams contacts through the Bot Framework simulator, timed from `circulate` to the last
/// delivery recorded. Teams' published limit that binds here is about 50 requests per second per app per tenant
/// (one message per contact's own 1:1 chat, so the per-conversation 7/s never binds): the minimum is N / 50 s.
/// </summary>
internal static class TeamsCirculationLoad
{
    public static async Task RunAsync(int count)
    {
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["Teams__AppId"] = simulator.Options.AppId,
            ["Teams__AppPassword"] = simulator.Options.AppPassword,
            ["Teams__TenantId"] = simulator.Options.TenantId,
            ["Teams__OpenIdMetadataUrl"] = simulator.OpenIdMetadataUrl,
            ["Teams__TokenAuthority"] = simulator.TokenAuthority,
            ["Teams__DefaultServiceUrl"] = simulator.ServiceUrl,
            ["WebChannel__Enabled"] = "true",
        };
        var (host, folder) = await BenchHost.StartAsync(count, openMemo: false, (contact, i) => new ContactIdentity
        {
            ContactId = contact.Id, Platform = Platform.Teams, TenantId = simulator.Options.TenantId,
            UserId = $"29:user-{i:D4}", ConversationId = $"a:conv-{i:D4}", LastSeenAt = DateTimeOffset.UtcNow,
        }, environment);
        await using (host)
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            var clock = Stopwatch.StartNew();
            (await http.PostAsJsonAsync("web/api/send", new { email = BulkCoalition.CoordinatorEmail, text = "circulate M-1" })).EnsureSuccessStatusCode();
            await simulator.WaitForActivitiesAsync(count, new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token);
            var platformDone = clock.Elapsed;
            await using var db = BenchHost.Open(folder);
            while (await db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending) > 0)
            {
                await Task.Delay(50);
            }

            var minimum = TimeSpan.FromSeconds(count / 50.0);
            Console.WriteLine($"(a') circulation to {count} Teams contacts via the Bot Framework simulator (SQLite, one instance): platform received all in {platformDone.TotalSeconds:F1} s, all recorded as sent in {clock.Elapsed.TotalSeconds:F1} s; the 50 requests/s per app per tenant limit allows no less than {minimum.TotalSeconds:F1} s");
        }

        SignOnLoad.TryDelete(folder);
    }
}
