using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.MultiInstance;

/// <summary>Two host instances on one PostgreSQL database: each message goes out once, each inbound item takes effect once.</summary>
public sealed class TwoInstanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Circulate_500ContactsTwoInstancesOneDatabase_EachContactGetsExactlyOneMessage()
    {
        var postgres = await Requirement.PostgresAsync(output);

        var database = await postgres.CreateDatabaseAsync();
        var channel = new SharedChannel();
        await using var first = new PostgresInstance(database, channel);
        await using var second = new PostgresInstance(database, channel);
        await first.QueryAsync(db => BulkCoalition.SeedAsync(db, 500, DateTimeOffset.UtcNow).ContinueWith(_ => 0));
        _ = second.Services; // starts the second instance (it migrates too: nothing left to do)

        var reply = await first.Handler.HandleAsync(BulkCoalition.Says(BulkCoalition.CoordinatorEmail, "circulate M-1"), CancellationToken.None);
        Assert.Contains("500 messages queued", TextOf(reply));
        var handled = await Task.WhenAll(Task.Run(first.DrainAsync), Task.Run(second.DrainAsync));

        output.WriteLine($"first instance sent {handled[0]}, second instance sent {handled[1]}");
        Assert.Equal(500, handled.Sum());
        var perContact = channel.Sent.GroupBy(m => m.Target.UserId).ToList();
        Assert.Equal(500, perContact.Count);
        Assert.All(perContact, g => Assert.Single(g));
        Assert.Equal(500, await first.QueryAsync(db => db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent)));
    }

    [SkippableFact]
    public async Task SameInbound_DeliveredToBothInstances_HandledOnce()
    {
        var postgres = await Requirement.PostgresAsync(output);

        var database = await postgres.CreateDatabaseAsync();
        var channel = new SharedChannel();
        await using var first = new PostgresInstance(database, channel);
        await using var second = new PostgresInstance(database, channel);
        await first.QueryAsync(db => BulkCoalition.SeedAsync(db, 20, DateTimeOffset.UtcNow, openMemo: true).ContinueWith(_ => 0));
        _ = second.Services;

        for (var i = 0; i < 20; i++)
        {
            // A platform retry that reached both instances: the same delivery id, at the same moment.
            var inbound = BulkCoalition.Says(BulkCoalition.PartnerEmail(i), "decline M-1 Our board has not met", deliveryId: $"evt-{i}");
            var replies = await Task.WhenAll(
                Task.Run(() => first.Handler.HandleAsync(inbound, CancellationToken.None)),
                Task.Run(() => second.Handler.HandleAsync(inbound, CancellationToken.None)));

            Assert.Single(replies, r => r is not DuplicateReply);
            Assert.Contains("declines M-1", TextOf(replies.Single(r => r is not DuplicateReply)));
        }

        Assert.Equal(20, await first.QueryAsync(db => db.SignOns.CountAsync(s => s.State == SignOnState.Declined)));
        Assert.Equal(20, await first.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "signon.declined")));
        Assert.Equal(20, await first.QueryAsync(db => db.ProcessedInbound.CountAsync(p => p.Key.StartsWith("Web:evt-"))));
    }

    private static string TextOf(Reply reply) =>
        reply is MessageReply m ? string.Join("\n", m.Message.Blocks.OfType<TextBlock>().Select(t => t.Text)) : reply.GetType().Name;
}
