using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Coalitions;

/// <summary>Several coalitions in one deployment: starting one, picking one, links, and buttons that know their coalition.</summary>
public sealed class SeveralCoalitionsTests
{
    [Fact]
    public async Task Setup_CoordinatorWithANewName_StartsAnotherCoalitionWithThemAsItsCoordinator()
    {
        await using var world = await TwoCoalitions.StartAsync();

        Assert.Equal(2, await world.Bot.QueryAsync(db => db.Coalitions.CountAsync()));
        var mine = (await world.Cora.Says("coalition use")).Text;
        Assert.Contains($"{TwoCoalitions.Alpha} (current)", mine);
        Assert.Contains(TwoCoalitions.Beta, mine);
        Assert.Contains("Coordinators of Water For All: Bea Beta <bea@beta.org>, Cora Coordinator <cora@coalition.org>", (await world.Bea.Says("coordinators")).Text);
    }

    [Fact]
    public async Task Setup_StrangerOrExistingName_StartsNothing()
    {
        await using var world = await TwoCoalitions.StartAsync();

        Assert.Contains("already set up. Ask one of its coordinators", (await world.Bot.Person("Eve", "eve@elsewhere.org").Says("setup Eve's Own")).Text);
        Assert.Contains($"\"{TwoCoalitions.Beta}\" is already set up", (await world.Cora.Says("setup water for all")).Text);
        Assert.Equal(2, await world.Bot.QueryAsync(db => db.Coalitions.CountAsync()));
    }

    [Fact]
    public async Task PersonInTwoCoalitions_WithoutAPick_IsToldWhichAndHowToPick()
    {
        await using var world = await TwoCoalitions.StartAsync();

        var reply = (await world.Amira.Says("list")).Text;

        Assert.Contains($"You are in 2 coalitions: \"{TwoCoalitions.Alpha}\", \"{TwoCoalitions.Beta}\"", reply);
        Assert.Contains("coalition use <name>", reply);
        Assert.DoesNotContain(TwoCoalitions.Secret, reply);
    }

    [Fact]
    public async Task CoalitionUse_IsRemembered_AndScopesEveryLaterCommand()
    {
        await using var world = await TwoCoalitions.StartAsync();

        Assert.Contains($"now for \"{TwoCoalitions.Beta}\"", (await world.Amira.Says("coalition use water for all")).Text);
        var list = (await world.Amira.Says("list")).Text;
        Assert.Contains("Beta water memo", list);
        Assert.DoesNotContain(TwoCoalitions.Secret, list);

        await world.Amira.Says($"coalition use {TwoCoalitions.Alpha}");
        var shown = (await world.Amira.Says("show M-1")).Text;
        Assert.Contains(TwoCoalitions.Secret, shown);
        Assert.Contains($"Coalition: {TwoCoalitions.Alpha}", shown); // M-1 of which? She is in two.
        Assert.DoesNotContain("Coalition: ", (await world.Sam.Says("show M-1")).Text); // Sam is in one: answers as before
        Assert.Contains("You are not in a coalition called \"Nowhere\"", (await world.Amira.Says("coalition use Nowhere")).Text);
    }

    [Fact]
    public async Task Button_OfTheOtherCoalitionsCard_ActsOnThatCoalitionsMemo()
    {
        await using var world = await TwoCoalitions.StartAsync();
        await world.Amira.Says($"coalition use {TwoCoalitions.Alpha}");
        var beta = world.Amira.Inbox.Single(m => m.Summary.Contains("Beta water memo", StringComparison.Ordinal));
        var sign = beta.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).Single(b => b.ActionId == ActionIds.Sign);
        Assert.EndsWith("~" + (await world.CoalitionIdAsync(TwoCoalitions.Beta)).ToString("N"), sign.Value);

        var form = (await world.Amira.Presses(sign.ActionId, sign.Value)).Form!;
        var accepted = await world.Amira.Submits(form, new() { ["display_name"] = "The Human Rights Advocates", ["signatory_name"] = "Amira Haddad", ["signatory_title"] = "Director", ["category"] = "International", ["attest"] = "true" });

        Assert.Contains("Thank you: The Human Rights Advocates", accepted.Text);
        var betaMemo = await world.MemoAsync(TwoCoalitions.Beta, 1);
        var alphaMemo = await world.MemoAsync(TwoCoalitions.Alpha, 1);
        Assert.Equal(1, await world.Bot.QueryAsync(db => db.SignOns.CountAsync(s => s.MemoId == betaMemo.Id)));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.SignOns.CountAsync(s => s.MemoId == alphaMemo.Id)));
    }

    [Fact]
    public async Task CardUpdate_OfTheOtherCoalitionsCard_KeepsThatCoalitionOnItsButtons()
    {
        await using var world = await TwoCoalitions.StartAsync();
        await world.Amira.Says($"coalition use {TwoCoalitions.Beta}");
        await world.Amira.Says("decline M-1 Not this time");
        await world.Bot.DeliverAsync(); // the outbox renders the update of her Beta card

        var beta = world.Amira.Inbox.Single(m => new BotReply(new MessageReply(m)).Text.Contains("Beta water memo", StringComparison.Ordinal));
        Assert.Contains("Declined by Amira Haddad", new BotReply(new MessageReply(beta)).Text);
        var memoButtons = beta.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).Where(b => b.Value?.StartsWith("M-1", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(memoButtons);
        var stamp = "~" + (await world.CoalitionIdAsync(TwoCoalitions.Beta)).ToString("N");
        Assert.All(memoButtons, b => Assert.EndsWith(stamp, b.Value));
    }

    [Fact]
    public async Task CoalitionLink_Channel_ReachesTheLinkedCoalition_AndIsTheirsAlone()
    {
        await using var world = await TwoCoalitions.StartAsync();
        await world.Cora.Says($"coalition use {TwoCoalitions.Beta}");
        Assert.Contains("Linked to Water For All", (await InChannel(world.Bot, world.Cora, "C-water", "coalition link channel")).Text);

        Assert.Contains("Beta water memo", (await InChannel(world.Bot, world.Amira, "C-water", "list")).Text);
        Assert.Contains("You are in 2 coalitions", (await world.Amira.Says("list")).Text);

        await world.Cora.Says($"coalition use {TwoCoalitions.Alpha}");
        Assert.Contains("already linked to another coalition", (await InChannel(world.Bot, world.Cora, "C-water", "coalition link channel")).Text);
        Assert.Contains("in the channel itself", (await world.Cora.Says("coalition link channel")).Text);
        Assert.Contains("Linked to Rights Before Arms: every conversation in Web workspace local", (await world.Cora.Says("coalition link workspace")).Text);
        Assert.Contains(TwoCoalitions.Secret, (await world.Amira.Says("list")).Text);
        Assert.Contains("Unlinked from Rights Before Arms", (await world.Cora.Says("coalition unlink workspace")).Text);
    }

    private static async Task<BotReply> InChannel(TestBot bot, Person person, string channel, string text)
    {
        var place = new Place(person.Actor.Identity.Platform, person.Actor.Identity.TenantId, channel, PlaceKind.Channel);
        return new BotReply(await bot.Handler.HandleAsync(new Inbound(Guid.NewGuid().ToString("N"), person.Actor, place, new CommandText(text)), CancellationToken.None));
    }
}
