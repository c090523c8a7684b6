using System.Diagnostics;
using System.Net.Http.Json;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Teams;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// (P6) Circulation to N Teams contacts by two instances of the host on one PostgreSQL database (a throwaway cluster
/// with fsync on), through one Bot Framework simulator enforcing the 50 requests a second per tenant: the two share the
/// tenant's budget through the database. Counted in the simulator: each contact's chat gets the memo exactly once, no 429.
/// </summary>
internal static class TeamsTwoInstanceLoad
{
    public static async Task RunAsync(int count)
    {
        const string target = "P6 Teams, two instances, PostgreSQL";
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        await using var hosts = await TwoInstanceHosts.StartAsync(target, count, (contact, i) => TeamsCirculationLoad.Identity(simulator, contact, i), TeamsCirculationLoad.Environment(simulator));
        if (hosts is null)
        {
            return;
        }

        using var http = new HttpClient { BaseAddress = hosts.First.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var clock = Stopwatch.StartNew();
        (await http.PostAsJsonAsync("web/api/send", new { email = BulkCoalition.CoordinatorEmail, text = "circulate M-1" })).EnsureSuccessStatusCode();
        var firstActivity = simulator.WaitForActivitiesAsync(1, CancellationToken.None).ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
        await simulator.WaitForActivitiesAsync(count, new CancellationTokenSource(TimeSpan.FromMinutes(30)).Token);
        var platformDone = clock.Elapsed;
        var sent = await hosts.SentWhenSettledAsync();
        Console.WriteLine($"(P6) circulation to {count} Teams contacts by two instances on one PostgreSQL database (fsync on):");
        Console.WriteLine($"    first activity at {(await firstActivity).TotalSeconds:F2} s, all {simulator.Activities.Count} in {platformDone.TotalSeconds:F1} s, {sent} recorded as sent in {clock.Elapsed.TotalSeconds:F1} s; {simulator.Throttled} answered 429");
        TeamsCirculationLoad.Check(target, count, platformDone, simulator, sent);
    }
}
