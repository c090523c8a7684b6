using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>Memo cards in Slack DMs change where they were posted (chat.update with the stored channel and ts) when the answer, the version or the memo's state changes.</summary>
public sealed class SlackLiveCardTests
{
    [Fact]
    public async Task Answers_Versions_AndClose_UpdateTheCardsInPlace()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        var ben = host.User("Ben Okafor", "ben@hra.org");
        var sam = host.User("Sam Lee", "sam@gpn.org");
        foreach (var line in LiveCardScript.Coalition.Concat(["partners add Global Peace Network | International | CH", "partners link Global Peace Network | Sam Lee | sam@gpn.org"]))
        {
            await cora.Says(line);
        }

        foreach (var partner in new[] { amira, ben, sam })
        {
            await partner.Says("help");
        }

        await cora.Says(LiveCardScript.NewMemo);
        await cora.Says("circulate M-1");
        Assert.Equal(3, await host.DeliverAsync());
        var (amirasCard, bensCard, samsCard) = (amira.LastCard, ben.LastCard, sam.LastCard);

        // Amira signs from her card: her card and her colleague Ben's say so, in place; Sam's (another organisation) does not change.
        await SlackCycleTests.SignsAsync(amira, "Sign on", "The Human Rights Advocates", "Amira Haddad", "Director", "International");
        Assert.Equal(2, await host.DeliverAsync());
        Assert.Contains("Signed by Amira Haddad (Director)", SlackBlocks.Text(Current(amira, amirasCard).Blocks));
        Assert.Contains("Signed by Amira Haddad (Director)", SlackBlocks.Text(Current(ben, bensCard).Blocks));
        Assert.Contains("Update sign-on", SlackBlocks.ButtonLabels(Current(ben, bensCard).Blocks));
        Assert.Equal((1, 1, 0), (host.Simulator.EditsOf(amira.Channel, amirasCard.Ts), host.Simulator.EditsOf(ben.Channel, bensCard.Ts), host.Simulator.EditsOf(sam.Channel, samsCard.Ts)));

        // A new version: the old cards say they are superseded and open the current one.
        await cora.Says(LiveCardScript.Publish);
        Assert.Equal(6, await host.DeliverAsync()); // three new cards, three updates
        var old = Current(ben, bensCard);
        Assert.Contains("This is version 1; version 2 is current.", SlackBlocks.Text(old.Blocks));
        Assert.Equal(["Open version 2"], SlackBlocks.ButtonLabels(old.Blocks));
        Assert.Contains("please re-confirm", SlackBlocks.Text(ben.LastCard.Blocks));
        var cards = new[] { (amira, amirasCard), (ben, bensCard), (amira, amira.LastCard), (ben, ben.LastCard), (sam, sam.LastCard) };

        // Sam deleted his first card; closing updates the others, and the missing one ends at Slack's message_not_found.
        host.Simulator.DeleteMessage(sam.Channel, samsCard.Ts);
        await cora.Says("close M-1");
        Assert.Equal(6, await host.DeliverAsync());
        foreach (var (partner, card) in cards)
        {
            var now = Current(partner, card);
            Assert.Contains("M-1 is closed", SlackBlocks.Text(now.Blocks));
            Assert.DoesNotContain(SlackBlocks.ButtonLabels(now.Blocks), l => l is "Sign on" or "Re-confirm" or "Update sign-on" or "Decline");
        }

        Assert.DoesNotContain(sam.Dm, m => m.Ts == samsCard.Ts);

        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.DeliverAsync()); // nothing retried
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var failed = await db.Deliveries.SingleAsync(d => d.Purpose == DeliveryPurpose.CardUpdate && d.State == DeliveryState.Failed);
        Assert.Equal((1, "message_not_found"), (failed.Attempts, failed.LastError));
        Assert.False((await db.Contacts.SingleAsync(c => c.Email == "sam@gpn.org")).Unreachable);
        Assert.DoesNotContain(cora.Dm, m => (m.Text ?? "").Contains("could not deliver", StringComparison.Ordinal));
        Assert.Equal(["chat.update: message_not_found"], host.Problems());
    }

    private static Testing.Slack.SimulatedMessage Current(SlackUser user, Testing.Slack.SimulatedMessage card) => user.Dm.Single(m => m.Ts == card.Ts);
}
