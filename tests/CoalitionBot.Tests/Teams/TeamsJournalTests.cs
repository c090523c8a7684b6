using CoalitionBot.Core.Conversation;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Teams;

/// <summary>Teams messages are acknowledged before they are handled: the inbound journal keeps them through a crash.</summary>
public sealed class TeamsJournalTests
{
    [Fact]
    public async Task HandledMessage_IsCompletedInTheJournal_AndAnUnfinishedOneIsHandledAfterRecovery()
    {
        await using var host = await TeamsHost.StartAsync();
        var cora = host.User("Cora", "cora@coalition.org");
        await cora.Says("setup Rights Before Arms");

        InboundJournalEntry handled;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            handled = await db.InboundJournal.SingleAsync(e => e.Platform == Platform.Teams);
            Assert.NotNull(handled.CompletedAt);

            // As if the process had died after the 202 for a second message: recorded, never handled.
            var key = handled.Key + "-crashed";
            db.InboundJournal.Add(new InboundJournalEntry
            {
                Platform = Platform.Teams, Key = key, ReceivedAt = handled.ReceivedAt,
                Payload = handled.Payload.Replace(handled.Key, key, StringComparison.Ordinal).Replace("setup Rights Before Arms", "coordinators", StringComparison.Ordinal),
            });
            await db.SaveChangesAsync();
        }

        var before = cora.Chat.Count;
        host.Clock.Advance(TimeSpan.FromMinutes(6)); // the recovery loop ticks every minute and takes items older than five
        await host.Simulator.WaitForActivitiesAsync(host.Simulator.Activities.Count + 1, TeamsHost.Timeout());
        Assert.True(cora.Chat.Count > before);
        Assert.Contains("Coordinators of Rights Before Arms", string.Concat(cora.Chat.Select(a => a.Body.ToJsonString())));

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            Assert.True(await db.InboundJournal.AllAsync(e => e.CompletedAt != null));
        }
    }
}
