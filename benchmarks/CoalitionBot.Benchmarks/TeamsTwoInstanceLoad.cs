using System.Diagnostics;
using System.Net.Http.Json;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Postgres;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

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
        var started = await PostgresServer.TryStartAsync(durable: true);
        if (!started.Started)
        {
            BenchTargets.Check("P6 Teams two instances, PostgreSQL", "runs", "not run: " + started.Reason, false);
            return;
        }

        await using var postgres = started.Server;
        var connection = await postgres.CreateDatabaseAsync();
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        await using (var db = new PostgresCoalitionDbContext(new DbContextOptionsBuilder<PostgresCoalitionDbContext>().UseNpgsql(connection).Options))
        {
            await db.Database.MigrateAsync();
            await BulkCoalition.SeedAsync(db, count, DateTimeOffset.UtcNow, openMemo: false, (contact, i) => TeamsCirculationLoad.Identity(simulator, contact, i));
        }

        var environment = TeamsCirculationLoad.Environment(simulator);
        environment["Storage__Provider"] = "Postgres";
        environment["Storage__ConnectionString"] = connection;
        environment["Reminders__Enabled"] = "false";
        await using var first = await HostProcess.StartAsync(HostProcess.FreePort(), environment, TimeSpan.FromMinutes(2));
        await using var second = await HostProcess.StartAsync(HostProcess.FreePort(), environment, TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var clock = Stopwatch.StartNew();
        (await http.PostAsJsonAsync("web/api/send", new { email = BulkCoalition.CoordinatorEmail, text = "circulate M-1" })).EnsureSuccessStatusCode();
        var firstActivity = simulator.WaitForActivitiesAsync(1, CancellationToken.None).ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
        await simulator.WaitForActivitiesAsync(count, new CancellationTokenSource(TimeSpan.FromMinutes(30)).Token);
        var platformDone = clock.Elapsed;
        await using var check = new PostgresCoalitionDbContext(new DbContextOptionsBuilder<PostgresCoalitionDbContext>().UseNpgsql(connection).Options);
        while (await check.Deliveries.CountAsync(d => d.State == DeliveryState.Pending) > 0)
        {
            await Task.Delay(200);
        }

        var sent = await check.Deliveries.CountAsync(d => d.State == DeliveryState.Sent);
        Console.WriteLine($"(P6) circulation to {count} Teams contacts by two instances on one PostgreSQL database (fsync on):");
        Console.WriteLine($"    first activity at {(await firstActivity).TotalSeconds:F2} s, all {simulator.Activities.Count} in {platformDone.TotalSeconds:F1} s, {sent} recorded as sent in {clock.Elapsed.TotalSeconds:F1} s; {simulator.Throttled} answered 429");
        TeamsCirculationLoad.Check("P6 Teams, two instances, PostgreSQL", count, platformDone, simulator, sent);
    }
}
