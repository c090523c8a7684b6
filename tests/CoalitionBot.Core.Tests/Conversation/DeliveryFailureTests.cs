using System.Text.Json;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>What a delivery that fails for good means, as the core's outcome handler decides it.</summary>
public sealed class DeliveryFailureTests
{
    [Fact]
    public async Task RouteFailed_FallsToTheNextRoute_AndDoesNotMarkTheContactUnreachable()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        chat.Bot.Channel.FailFor("sam@gpn.org", new DeliveryRouteFailed("no shared team"));
        await chat.Cora.Says("circulate M-1");
        await chat.Bot.DeliverAsync();
        await chat.Bot.DeliverAsync();

        Assert.Single(chat.Bot.EmailsTo("sam@gpn.org")); // the same card, by e-mail with his personal link
        Assert.False(await chat.Bot.QueryAsync(db => db.Contacts.Where(c => c.Email == "sam@gpn.org").Select(c => c.Unreachable).SingleAsync()));
        Assert.Equal(DeliveryState.Failed, await chat.Bot.QueryAsync(db => db.Deliveries.Where(d => d.LastError!.EndsWith("no shared team")).Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task Failure_WhoseNoticeIsQueuedAlready_IsRecorded_AndTheNoticeNotRepeated()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        chat.Bot.Channel.FailFor("sam@gpn.org", new DeliveryFailed("user blocked the app", RecipientUnreachable: true));
        await chat.Cora.Says("circulate M-1");
        await chat.Bot.QueryAsync(async db =>
        {
            var sams = await db.Deliveries.Join(db.Contacts.Where(c => c.Email == "sam@gpn.org"), d => d.ContactId, c => c.Id, (d, _) => d).SingleAsync();
            var cora = await db.Identities.Join(db.Contacts.Where(c => c.Email == "cora@coalition.org"), i => i.ContactId, c => c.Id, (i, _) => i).SingleAsync();
            db.Deliveries.Add(new Delivery
            {
                IdempotencyKey = $"failed:{sams.Id:N}:{cora.ContactId:N}", CoalitionId = sams.CoalitionId, ContactId = cora.ContactId, IdentityId = cora.Id,
                Platform = cora.Platform, Purpose = DeliveryPurpose.Notice, Payload = JsonSerializer.Serialize(Message.Text("told already"), Deliveries.Json),
                NotBefore = chat.Bot.Clock.GetUtcNow(), CreatedAt = chat.Bot.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        await chat.Bot.DeliverAsync();
        Assert.Equal(DeliveryState.Failed, await chat.Bot.QueryAsync(db => db.Deliveries.Where(d => d.LastError == "user blocked the app").Select(d => d.State).SingleAsync()));
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.Deliveries.CountAsync(d => d.IdempotencyKey.StartsWith("failed:"))));
        Assert.Single(chat.Cora.Inbox, m => BotReply.Append(new(), m).Contains("told already"));
        Assert.DoesNotContain(chat.Cora.Inbox, m => BotReply.Append(new(), m).Contains("could not deliver"));
    }
}
