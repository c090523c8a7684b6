using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Slack;
using CoalitionBot.Testing.Support;
using CoalitionBot.Tests.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.MultiInstance;

/// <summary>
/// Two instances of the real host on one PostgreSQL database, each with its own Slack client and limiter, send a
/// circulation through the Slack simulator with Slack's own limits (300 chat.postMessage a minute per workspace):
/// the database's shared budget keeps the two together within Slack's budget, instead of each spending all of it.
/// </summary>
public sealed class SharedBudgetTests(ITestOutputHelper output)
{
    private const int Contacts = 650; // three of Slack's minutes: 300, 300, 50

    [SkippableFact]
    public async Task Circulate_TwoInstancesOneDatabase_NoRateLimitAnswersAndEachContactOnce()
    {
        var postgres = await Requirement.PostgresAsync(output);
        var database = await postgres.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(BotFactory.Start);
        await using var simulator = await SlackSimulator.StartAsync(clock);
        for (var i = 0; i < Contacts; i++)
        {
            simulator.Users[UserId(i)] = new SimulatedUser(UserId(i), $"Contact {i:D4}", BulkCoalition.PartnerEmail(i));
        }

        var settings = SlackHost.Settings(simulator, SlackTransport.Http);
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:ConnectionString"] = database;
        settings["Reminders:Enabled"] = "false";
        settings["SendBudget:LongestWait"] = "00:00:00"; // no worker waits on the fake clock: a refused send is rescheduled
        await using var first = new BotFactory(settings, clock);
        await using var second = new BotFactory(settings, clock);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await BulkCoalition.SeedAsync(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>(), Contacts, clock.GetUtcNow(), partnerIdentity: (contact, i) => new ContactIdentity
            {
                ContactId = contact.Id, Platform = Platform.Slack, TenantId = simulator.TeamId, UserId = UserId(i), LastSeenAt = clock.GetUtcNow(),
            });
        }

        _ = second.Services;
        await first.Services.GetRequiredService<IInboundHandler>().HandleAsync(BulkCoalition.Says(BulkCoalition.CoordinatorEmail, "circulate M-1"), CancellationToken.None);

        var started = clock.GetUtcNow();
        for (var round = 0; round < 20 && await PendingAsync(first) is { } next; round++)
        {
            var handled = await Task.WhenAll(Task.Run(first.DeliverAsync), Task.Run(second.DeliverAsync));
            output.WriteLine($"{(clock.GetUtcNow() - started).TotalSeconds:F0} s: the instances handled {handled[0]} and {handled[1]}, Slack holds {simulator.Messages.Count}");
            if (await PendingAsync(first) is { } due)
            {
                clock.Advance(due > clock.GetUtcNow() ? due - clock.GetUtcNow() : TimeSpan.FromSeconds(1));
            }
        }

        var posts = simulator.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.DoesNotContain(posts, c => c.Status == 429);
        Assert.DoesNotContain(posts, c => c.Error is not null);
        var perContact = simulator.Messages.GroupBy(m => m.Channel).ToList();
        Assert.Equal(Contacts, perContact.Count);
        Assert.All(perContact, g => Assert.Single(g));
        await using var check = first.Services.CreateAsyncScope();
        Assert.Equal(Contacts, await check.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries.CountAsync(d => d.State == DeliveryState.Sent));
        // Waiting for a place in the budget is not a failed attempt: every delivery was sent on its first.
        Assert.Equal(Contacts, await check.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries.SumAsync(d => d.Attempts));
        // Both budgets together, not each: 300 in the first minute, 300 in the second, the rest in the third.
        Assert.InRange(clock.GetUtcNow() - started, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2.5));
    }

    private static string UserId(int i) => $"UB{i:D5}";

    private static async Task<DateTimeOffset?> PendingAsync(BotFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries
            .Where(d => d.State == DeliveryState.Pending).OrderBy(d => d.NotBefore).Select(d => (DateTimeOffset?)d.NotBefore).FirstOrDefaultAsync();
    }
}
