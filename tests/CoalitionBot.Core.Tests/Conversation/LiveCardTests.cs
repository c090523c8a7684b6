using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Replies;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>Delivered memo cards stay true: an answer, a new version or a close updates them where they were posted.</summary>
public sealed class LiveCardTests
{
    [Fact]
    public async Task SignOn_UpdatesTheCardsOfThatOrganisation_SignedByTheSigner()
    {
        await using var chat = await CoalitionChat.StartAsync();
        Assert.Equal(4, await chat.Bot.DeliverAsync());

        await chat.Amira.SignsOn("M-1", title: "Director of Advocacy");
        Assert.Equal(2, await chat.Bot.DeliverAsync());

        // Amira's card and her colleague Ben's (the same organisation) changed in place; nobody got a new message.
        Assert.Contains("Signed by Amira Haddad (Director of Advocacy)", Text(Assert.Single(chat.Amira.Inbox)));
        var bens = Assert.Single(chat.Ben.Inbox);
        Assert.Contains("Signed by Amira Haddad (Director of Advocacy)", Text(bens));
        Assert.Contains("Update sign-on", Labels(bens));
        Assert.DoesNotContain("Signed by", Text(Assert.Single(chat.Sam.Inbox))); // another organisation: untouched
        Assert.Equal(["amira@hra.org", "ben@hra.org"], chat.Bot.Channel.Updates.Select(u => u.Target.UserId).Order());
        Assert.Equal(0, await chat.Bot.DeliverAsync());
    }

    [Fact]
    public async Task Decline_ThenWithdrawnSignature_CardSaysWhoAndWhat()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();

        await chat.Lucia.Says("decline M-1 Our board has not met");
        await chat.Bot.DeliverAsync();
        Assert.Contains("Declined by Lucía Gómez", Text(Assert.Single(chat.Lucia.Inbox)));

        await chat.Sam.SignsOn("M-1");
        await chat.Sam.Says("withdraw M-1 changed our mind");
        await chat.Bot.DeliverAsync();
        Assert.Contains("Signature withdrawn by Sam Lee", Text(Assert.Single(chat.Sam.Inbox)));
    }

    [Fact]
    public async Task Publish_OldCardsSaySuperseded_AndOpenTheCurrentVersion()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        await chat.Amira.SignsOn("M-1");
        await chat.Bot.DeliverAsync();

        await chat.Cora.Says("publish M-1 substantive\n" + CoalitionChat.MemoText + "\n\n**Third**, consult civil society.");
        await chat.Bot.DeliverAsync();

        foreach (var partner in new[] { chat.Amira, chat.Ben, chat.Sam, chat.Lucia })
        {
            var (old, current) = (partner.Inbox[0], partner.Inbox[^1]);
            Assert.Equal(2, partner.Inbox.Count);
            Assert.Contains("This is version 1; version 2 is current.", Text(old));
            var open = Assert.Single(Buttons(old));
            Assert.Equal(("Open version 2", ActionIds.Refresh, "M-1"), (open.Label, open.ActionId, open.Value));
            Assert.Null(old.LiveMemoCode); // a refresh must not turn it into the current card
            Assert.DoesNotContain("is current", Text(current));
        }

        Assert.Contains("please re-confirm", Text(chat.Ben.Inbox[0]));
        var opened = await chat.Ben.Presses(ActionIds.Refresh, "M-1");
        Assert.Contains("2 · ", opened.Text);
    }

    [Fact]
    public async Task Close_CardsShowClosed_AndOfferNoSignOn()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        await chat.Sam.SignsOn("M-1");
        await chat.Cora.Says("close M-1");
        await chat.Bot.DeliverAsync();

        foreach (var partner in new[] { chat.Amira, chat.Ben, chat.Sam, chat.Lucia })
        {
            var card = Assert.Single(partner.Inbox);
            Assert.Contains("M-1 is closed", Text(card));
            Assert.DoesNotContain("Sign on", Labels(card));
            Assert.DoesNotContain("Update sign-on", Labels(card));
            Assert.DoesNotContain("Decline", Labels(card));
        }

        Assert.Contains("Signed by Sam Lee", Text(chat.Sam.Inbox[0]));
        await chat.Cora.Says("reopen M-1");
        await chat.Bot.DeliverAsync();
        Assert.Contains("Sign on", Labels(chat.Amira.Inbox[0]));
    }

    [Fact]
    public async Task BurstOfTwentyAnswers_KeepsAtMostOneUpdateWaitingPerCard()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();

        for (var i = 0; i < 20; i++)
        {
            var who = i % 2 == 0 ? chat.Amira : chat.Ben;
            if (i % 3 == 0)
            {
                await who.Says($"decline M-1 reason {i}");
            }
            else
            {
                await who.SignsOn("M-1", title: $"Title {i}");
            }

            var waiting = await chat.Bot.QueryAsync(db => db.Deliveries
                .Where(d => d.Purpose == DeliveryPurpose.CardUpdate && d.State == DeliveryState.Pending)
                .GroupBy(d => d.ReplacesDeliveryId).Select(g => g.Count()).ToListAsync());
            Assert.Equal(2, waiting.Count);
            Assert.All(waiting, n => Assert.Equal(1, n));
        }

        Assert.Equal(2, await chat.Bot.DeliverAsync());
        Assert.Equal(2, chat.Bot.Channel.Updates.Count);
        Assert.Contains("Signed by Ben Okafor (Title 19)", Text(chat.Amira.Inbox[0])); // the last answer, not the first
    }

    [Fact]
    public async Task Update_NeverOvertakesTheCardItReplaces()
    {
        await using var chat = await CoalitionChat.StartAsync();
        chat.Bot.Channel.FailFor("amira@hra.org", new DeliveryRetry("busy"));
        await chat.Bot.DeliverAsync(); // Amira's card waits for a retry
        await chat.Amira.SignsOn("M-1");
        await chat.Bot.DeliverAsync();
        Assert.Empty(chat.Amira.Inbox);
        Assert.DoesNotContain(chat.Bot.Channel.Updates, u => u.Target.UserId == "amira@hra.org");

        chat.Bot.Channel.RecoverFor("amira@hra.org");
        for (var i = 0; i < 10 && chat.Bot.Channel.Updates.All(u => u.Target.UserId != "amira@hra.org"); i++)
        {
            chat.Bot.Clock.Advance(TimeSpan.FromMinutes(1));
            await chat.Bot.DeliverAsync();
        }

        // Her card arrived (drawn before she signed), then its update put her answer on it.
        Assert.Contains("Signed by Amira Haddad", Text(Assert.Single(chat.Amira.Inbox)));
    }

    private static string Text(Message message) => new BotReply(new MessageReply(message)).Text;

    private static List<Button> Buttons(Message message) => message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).ToList();

    private static List<string> Labels(Message message) => Buttons(message).Select(b => b.Label).ToList();
}
