using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Support;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.MultiInstance;

/// <summary>
/// Two instances of the real host on one PostgreSQL database, each with its own Teams connector client and limiter,
/// circulate through the Bot Framework simulator, which enforces Teams' 50 requests a second per app per tenant: the
/// database's shared budget keeps the two together within it, instead of each sending 50 a second.
/// </summary>
public sealed class SharedTenantBudgetTests(ITestOutputHelper output)
{
    private const int Contacts = 130; // three of the tenant's seconds: 50, 50, 30

    [SkippableFact]
    public async Task Circulate_TwoInstancesOneDatabase_NoTenantThrottlingAndEachContactOnce()
    {
        var postgres = await Requirement.PostgresAsync(output);
        var database = await postgres.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(BotFactory.Start);
        await using var simulator = await BotFrameworkSimulator.StartAsync(new BotFrameworkSimulatorOptions { Time = clock });
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = simulator.Options.AppId,
            ["Teams:AppPassword"] = simulator.Options.AppPassword,
            ["Teams:TenantId"] = simulator.Options.TenantId,
            ["Teams:OpenIdMetadataUrl"] = simulator.OpenIdMetadataUrl,
            ["Teams:TokenAuthority"] = simulator.TokenAuthority,
            ["Teams:DefaultServiceUrl"] = simulator.ServiceUrl,
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database,
            ["Reminders:Enabled"] = "false",
            ["SendBudget:LongestWait"] = "00:00:00", // no worker waits on the fake clock: a refused send is rescheduled
        };
        await using var first = new BotFactory(settings, clock);
        await using var second = new BotFactory(settings, clock);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await BulkCoalition.SeedAsync(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>(), Contacts, clock.GetUtcNow(), partnerIdentity: (contact, i) => new ContactIdentity
            {
                ContactId = contact.Id, Platform = Platform.Teams, TenantId = simulator.Options.TenantId,
                UserId = $"29:user-{i:D4}", ConversationId = $"a:conv-{i:D4}", LastSeenAt = clock.GetUtcNow(),
            });
        }

        _ = second.Services;
        await first.Services.GetRequiredService<IInboundHandler>().HandleAsync(BulkCoalition.Says(BulkCoalition.CoordinatorEmail, "circulate M-1"), CancellationToken.None);

        var started = clock.GetUtcNow();
        for (var round = 0; round < 20 && await PendingAsync(first) is not null; round++)
        {
            var handled = await Task.WhenAll(Task.Run(first.DeliverAsync), Task.Run(second.DeliverAsync));
            output.WriteLine($"{(clock.GetUtcNow() - started).TotalSeconds:F1} s: the instances handled {handled[0]} and {handled[1]}, Teams holds {simulator.Activities.Count}");
            if (await PendingAsync(first) is { } due)
            {
                clock.Advance(due > clock.GetUtcNow() ? due - clock.GetUtcNow() : TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.Equal(0, simulator.Throttled);
        var perContact = simulator.Activities.Where(a => a.Method == "POST").GroupBy(a => a.ConversationId).ToList();
        Assert.Equal(Contacts, perContact.Count);
        Assert.All(perContact, g => Assert.Single(g));
        await using var check = first.Services.CreateAsyncScope();
        var deliveries = check.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries;
        Assert.Equal(Contacts, await deliveries.CountAsync(d => d.State == DeliveryState.Sent));
        // Waiting for a place in the budget is not a failed attempt: every delivery was sent on its first.
        Assert.Equal(Contacts, await deliveries.SumAsync(d => d.Attempts));
        // Both budgets together, not each: 50 in the first second, 50 in the second, the rest in the third.
        Assert.InRange(clock.GetUtcNow() - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
    }

    private static async Task<DateTimeOffset?> PendingAsync(BotFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries
            .Where(d => d.State == DeliveryState.Pending).OrderBy(d => d.NotBefore).Select(d => (DateTimeOffset?)d.NotBefore).FirstOrDefaultAsync();
    }
}
