using System.Net.Http.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Support;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.Crash;

/// <summary>
/// The host as a separate process on PostgreSQL, delivering to 500 Teams contacts through the Bot Framework
/// simulator (a real HTTP server outside the host process), killed with SIGKILL part-way and started again.
/// Every contact must get the memo; a contact may get it twice only when the platform accepted it and the
/// process died before recording that: at most the sends in flight, Outbox:Parallelism.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Contacts = 500;
    private const int Parallelism = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task Circulate_KilledMidwayAndRestarted_EveryContactGetsItDuplicatesWithinInFlightWindow()
    {
        var postgres = await Requirement.PostgresAsync(output);

        var database = await postgres.CreateDatabaseAsync();
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        var options = new DbContextOptionsBuilder<PostgresCoalitionDbContext>().UseNpgsql(database).Options;
        await using (var db = new PostgresCoalitionDbContext(options))
        {
            await db.Database.MigrateAsync();
            await BulkCoalition.SeedAsync(db, Contacts, DateTimeOffset.UtcNow, partnerIdentity: (contact, i) => new ContactIdentity
            {
                ContactId = contact.Id, Platform = Platform.Teams, TenantId = simulator.Options.TenantId,
                UserId = $"29:user-{i:D4}", ConversationId = $"a:conv-{i:D4}", LastSeenAt = DateTimeOffset.UtcNow,
            });
        }

        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = database,
            ["Teams__AppId"] = simulator.Options.AppId,
            ["Teams__AppPassword"] = simulator.Options.AppPassword,
            ["Teams__TenantId"] = simulator.Options.TenantId,
            ["Teams__OpenIdMetadataUrl"] = simulator.OpenIdMetadataUrl,
            ["Teams__TokenAuthority"] = simulator.TokenAuthority,
            ["Teams__DefaultServiceUrl"] = simulator.ServiceUrl,
            ["WebChannel__Enabled"] = "true", // the coordinator circulates from the local web channel
            ["Outbox__Parallelism"] = Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbox__Lease"] = "00:00:10", // the shortest allowed: a dead process's claims come back soon
            ["Outbox__PollInterval"] = "00:00:01",
            ["Reminders__Enabled"] = "false",
        };

        var port = HostProcess.FreePort();
        await using (var first = await HostProcess.StartAsync(port, environment, Patience))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            var reply = await http.PostAsJsonAsync("web/api/send", new { email = BulkCoalition.CoordinatorEmail, text = "circulate M-1" });
            Assert.Contains("500 messages queued", await reply.Content.ReadAsStringAsync());

            await simulator.WaitForActivitiesAsync(150, new CancellationTokenSource(Patience).Token);
            await first.KillAsync();
        }

        var atKill = Posts(simulator).Count;
        var recordedAtKill = await CountAsync(options, DeliveryState.Sent);
        output.WriteLine($"killed after the platform accepted {atKill} messages; the database had recorded {recordedAtKill} as sent");
        Assert.InRange(atKill, 150, Contacts - 1);

        await using (var second = await HostProcess.StartAsync(HostProcess.FreePort(), environment, Patience))
        {
            await simulator.WaitForActivitiesAsync(Contacts, new CancellationTokenSource(Patience).Token);
            await WaitUntilAsync(async () => await CountAsync(options, DeliveryState.Pending) == 0, second);
        }

        var perContact = Posts(simulator).GroupBy(a => a.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = perContact.Values.Sum() - perContact.Count;
        output.WriteLine($"after the restart: {perContact.Count} contacts reached, {perContact.Values.Sum()} messages, {duplicates} duplicate(s); window: at most {Parallelism} (Outbox:Parallelism)");
        Assert.Equal(Contacts, perContact.Count);
        Assert.InRange(duplicates, 0, Parallelism);
        Assert.Equal(Contacts, await CountAsync(options, DeliveryState.Sent));
    }

    private static List<RecordedActivity> Posts(BotFrameworkSimulator simulator) =>
        simulator.Activities.Where(a => a.Method == "POST" && a.ConversationId.StartsWith("a:conv-", StringComparison.Ordinal)).ToList();

    private static async Task<int> CountAsync(DbContextOptions<PostgresCoalitionDbContext> options, DeliveryState state)
    {
        await using var db = new PostgresCoalitionDbContext(options);
        return await db.Deliveries.CountAsync(d => d.State == state);
    }

    /// <summary>Waits for the other process to finish its work: a bounded poll, since its progress raises no event here.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> done, HostProcess host)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted host did not finish in time:\n" + host.Log);
            await Task.Delay(200);
        }
    }
}
