using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Slack;
using CoalitionBot.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Tests.Slack;

public sealed class MixedSlackTeamsTests
{
    private const string Text = "We urge you to attach human rights conditions.\n\n**First**, vet every unit.";

    [Fact]
    public async Task OneMemo_PartnersOnSlackAndTeams_CompiledIntoOneList()
    {
        // One host with both platforms on, each talking to its own simulator on the same clock.
        var clock = new FakeTimeProvider(BotFactory.Start);
        await using var simulator = await SlackSimulator.StartAsync(clock); // disposed last: the bot stops before its Slack does
        await using var teams = await TeamsHost.StartAsync(clock: clock, more: SlackHost.Settings(simulator, SlackTransport.SocketMode));
        var slack = await SlackHost.AttachAsync(simulator, teams.Factory);
        var cora = slack.User("Cora Coordinator", "cora@coalition.org");
        var amira = slack.User("Amira Haddad", "amira@hra.org");
        var sam = slack.User("Sam Lee", "sam@gpn.org");
        var lucia = teams.User("Lucía Gómez", "lucia@fdh.org");
        var tom = teams.User("Tom Rivers", "tom@rra.org", startsInChannel: true);

        Assert.Contains("you are its coordinator", await cora.Says("setup Rights Before Arms"));
        foreach (var org in SlackCycleTests.Organisations)
        {
            Assert.Contains("Added", await cora.Says("partners add " + org));
        }

        foreach (var link in new[]
        {
            "The Human Rights Advocates | Amira Haddad | amira@hra.org", "Global Peace Network | Sam Lee | sam@gpn.org",
            "Fundación Derechos Humanos | Lucía Gómez | lucia@fdh.org", "Riverside Refugee Aid | Tom Rivers | tom@rra.org",
            "Citizens for Accountability | Dana Park | dana@cfa.org",
        })
        {
            await cora.Says("partners link " + link);
        }

        await amira.Says("help");
        await sam.Says("help");
        await lucia.Says("help");
        await tom.Says("help");

        Assert.Contains("Draft M-1", await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + Text));
        // Dana never wrote to the bot: she is reached by e-mail (queued; this host has no e-mail channel).
        var circulated = await cora.Says("circulate M-1");
        Assert.Contains("5 messages queued", circulated);
        Assert.Contains("1 e-mail", circulated);
        Assert.Equal(5, await teams.DeliverAsync());
        tom.MovesToPrivateChat();
        Assert.Contains("M-1: Memo to the Secretary of State", TeamsCards.Text(lucia.LastCard));
        Assert.Contains("M-1 · Memo to the Secretary of State", SlackBlocks.Text(amira.LastCard.Blocks));

        // Slack: both sign through the card's button and the modal. Teams: one signs through the dialog, one declines.
        await SlackCycleTests.SignsAsync(amira, "Sign on", "The Human Rights Advocates", "Amira Haddad", "Director", "International");
        await SlackCycleTests.SignsAsync(sam, "Sign on", "Global Peace Network", "Sam Lee", "Coordinator", "International");
        var dialog = await lucia.Presses(lucia.LastCard, ActionIds.Sign);
        var closed = await lucia.Fills(dialog["task"]!["value"]!["card"]!["content"]!.AsObject(), TeamsCycleTests.Fields("Fundación Derechos Humanos", "Lucía Gómez", "Presidenta", "National"), dialog: true);
        Assert.Contains("has signed M-1", closed["task"]!["value"]!.GetValue<string>());
        Assert.Contains("declines M-1", TeamsCards.Text(await tom.Says("decline M-1 Not this time")));

        var status = (await cora.SaysRaw("status M-1"))["blocks"];
        Assert.Equal("3", SlackBlocks.Fact(status, "Signed"));
        Assert.Equal("1", SlackBlocks.Fact(status, "Declined"));
        Assert.Contains("• Citizens for Accountability", SlackBlocks.Text(status));

        Assert.Contains("is closed", await cora.Says("close M-1"));
        var compiled = await cora.Says("compile M-1 final");
        Assert.Contains(
            "*Signatories (3)*\n\n*International*\n\n• Global Peace Network\n• The Human Rights Advocates\n\n*National*\n\n• Fundación Derechos Humanos\nDownload links work until",
            compiled);

        await using var scope = teams.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var signers = await db.SignOns.Where(s => s.State == SignOnState.Signed).Select(s => s.ActorId).ToListAsync();
        var platforms = await db.Identities.Where(i => signers.Contains(i.ContactId)).Select(i => i.Platform).Distinct().ToListAsync();
        Assert.Equal([Platform.Slack, Platform.Teams, Platform.Email], platforms.Order());
        Assert.Equal(MemoStatus.Final, (await db.Memos.SingleAsync()).Status);
        Assert.Empty(slack.Problems());
    }
}
