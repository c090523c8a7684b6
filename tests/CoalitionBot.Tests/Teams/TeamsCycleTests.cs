using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Teams;

public sealed class TeamsCycleTests
{
    private const string Text = "We urge you to attach human rights conditions.\n\n**First**, vet every unit.\n\n**Second**, monitor end use.";

    [SkippableFact]
    public async Task WholeCycle_OverTeams_CompilesExactlyTheRightList()
    {
        var schema = await AdaptiveCardSchema.LoadAsync();
        Skip.If(schema is null, "No shared/schemas folder: the cards cannot be checked against the Adaptive Card schema.");
        await using var host = await TeamsHost.StartAsync();
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        var ben = host.User("Ben Okafor", "ben@hra.org");
        var sam = host.User("Sam Lee", "sam@gpn.org", startsInChannel: true);
        var lucia = host.User("Lucía Gómez", "lucia@fdh.org");
        var tom = host.User("Tom Rivers", "tom@rra.org", startsInChannel: true);
        var dana = host.User("Dana Park", "dana@cfa.org");

        Assert.Contains("you are its coordinator", TeamsCards.Text(await cora.Says("setup Rights Before Arms")));
        foreach (var org in new[]
        {
            "The Human Rights Advocates | International | UK", "Global Peace Network | International | CH", "Fundación Derechos Humanos | National | MX",
            "Riverside Refugee Aid | Local | US", "Citizens for Accountability | National | US",
        })
        {
            Assert.Contains("Added", TeamsCards.Text(await cora.Says("partners add " + org)));
        }

        foreach (var link in new[]
        {
            "The Human Rights Advocates | Amira Haddad | amira@hra.org", "The Human Rights Advocates | Ben Okafor | ben@hra.org",
            "Global Peace Network | Sam Lee | sam@gpn.org", "Fundación Derechos Humanos | Lucía Gómez | lucia@fdh.org",
            "Riverside Refugee Aid | Tom Rivers | tom@rra.org", "Citizens for Accountability | Dana Park | dana@cfa.org",
        })
        {
            await cora.Says("partners link " + link);
        }

        // Partners first talk to the bot: four in their 1:1 chat, two by mentioning it in a team channel. The bot
        // asks Teams for each one's e-mail and links them to their directory contact.
        foreach (var partner in new[] { amira, ben, sam, lucia, tom, dana })
        {
            await partner.Says("help");
        }

        var directory = TeamsCards.Text(await cora.Says("partners list"));
        Assert.Equal(6, directory.Split(", reachable in chat").Length - 1);

        var created = TeamsCards.Text(await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + Text));
        Assert.Contains("Draft M-1", created);
        Assert.Contains("6 messages queued", TeamsCards.Text(await cora.Says("circulate M-1")));
        Assert.Equal(6, await host.DeliverAsync());

        // Channel users had no 1:1 chat yet: the bot opened one with POST /v3/conversations.
        Assert.NotNull(sam.ChatId);
        Assert.NotNull(tom.ChatId);
        sam.MovesToPrivateChat();
        tom.MovesToPrivateChat();
        foreach (var partner in new[] { amira, ben, sam, lucia, tom, dana })
        {
            var card = partner.LastCard;
            Assert.Contains("M-1: Memo to the Secretary of State", TeamsCards.Text(card));
            Assert.Contains(TeamsCards.Actions(card), a => a["title"]?.GetValue<string>() == "Sign on");
        }

        // Amira signs through the card's button: Teams opens the dialog (task/fetch), she submits it (task/submit).
        var dialog = await amira.Presses(amira.LastCard, ActionIds.Sign);
        Assert.Equal("continue", dialog["task"]!["type"]!.GetValue<string>());
        var form = dialog["task"]!["value"]!["card"]!["content"]!.AsObject();
        Assert.Contains("I confirm I am authorised to sign this memo on behalf of The Human Rights Advocates", TeamsCards.Text(form));
        var closed = await amira.Fills(form, Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International"), dialog: true);
        Assert.Equal("message", closed["task"]!["type"]!.GetValue<string>());
        Assert.Contains("has signed M-1", closed["task"]!["value"]!.GetValue<string>());

        // Ben's card, refreshed after his organisation signed, shows the new state.
        var bensCard = ben.LastCard;
        Assert.Null(TeamsCards.Fact(bensCard, "Your answer"));
        var refreshed = await ben.Refreshes(bensCard);
        var refreshedCard = refreshed["value"]!.AsObject();
        Assert.Equal("signed as \"The Human Rights Advocates\"", TeamsCards.Fact(refreshedCard, "Your answer"));
        Assert.Contains(TeamsCards.Actions(refreshedCard), a => a["title"]?.GetValue<string>() == "Update sign-on");

        // Ben signs too, through Action.Execute: the card turns into the form, and submitting it into the receipt.
        var formCard = await ben.Executes(ActionIds.Sign, new() { [TeamsCards.ActionKey] = ActionIds.Sign, ["cb.value"] = "M-1" });
        Assert.Equal("application/vnd.microsoft.card.adaptive", formCard["type"]!.GetValue<string>());
        Assert.Contains("already signed", TeamsCards.Text(formCard["value"]!.AsObject()));
        var receipt = await ben.Fills(formCard["value"]!.AsObject(), Fields("The Human Rights Advocates", "Ben Okafor", "Deputy Director", "International"), dialog: false);
        Assert.Contains("has signed M-1", TeamsCards.Text(receipt["value"]!.AsObject()));

        await SignsAsync(sam, "Global Peace Network", "Sam Lee", "Coordinator", "International");
        await SignsAsync(tom, "Riverside Refugee Aid", "Tom Rivers", "Chair", "Local");

        // One declines, one comments on §2.
        Assert.Contains("declines M-1", TeamsCards.Text(await lucia.Says("decline M-1 Our board has not met")));
        Assert.Contains("(§2)", TeamsCards.Text(await dana.Says("comment M-1 §2 Please name the vetting law")));

        var status = await cora.Says("status M-1");
        Assert.Equal("3", TeamsCards.Fact(status, "Signed"));
        Assert.Equal("1", TeamsCards.Fact(status, "Declined"));
        Assert.Equal("1", TeamsCards.Fact(status, "No answer"));
        Assert.Contains("• Citizens for Accountability", TeamsCards.Text(status));

        // A substantive version marks the signers for re-confirmation; Sam re-confirms from the new card.
        var published = TeamsCards.Text(await cora.Says("publish M-1 substantive\n" + Text + "\n\n**Third**, consult civil society."));
        Assert.Contains("§4 added", published);
        Assert.Contains("3 signers are asked to re-confirm", published);
        Assert.Contains("6 partner contacts are being told", published);
        Assert.Equal(12, await host.DeliverAsync()); // six new cards, and six updates of the cards delivered before (the answers, now superseded)
        Assert.Contains("please re-confirm", TeamsCards.Text(amira.LastCard));
        Assert.Contains(TeamsCards.Actions(sam.LastCard), a => a["title"]?.GetValue<string>() == "Re-confirm");
        await SignsAsync(sam, "Global Peace Network", "Sam Lee", "Coordinator", "International");
        Assert.Equal("2", TeamsCards.Fact(await cora.Says("status M-1"), "Needs re-confirmation"));

        Assert.Contains("is closed", TeamsCards.Text(await cora.Says("close M-1")));
        var compiled = TeamsCards.Text(await cora.Says("compile M-1 final"));
        Assert.Contains("now final", compiled);
        Assert.Contains(
            "Memo to the Secretary of State\nTo: The Secretary of State\nDate: 2 November 2026\nSignatories (1)\nInternational\n- Global Peace Network\n"
            + "Signed an earlier version, not yet re-confirmed (2)\n- The Human Rights Advocates\n- Riverside Refugee Aid\nDownload links work until",
            compiled);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var answers = await db.SignOns.ToListAsync();
        Assert.Equal(4, answers.Count);
        var hra = Assert.Single(answers, s => s.DisplayName == "The Human Rights Advocates");
        Assert.Equal("Ben Okafor", hra.SignatoryName);
        Assert.Equal(SignOnState.Declined, Assert.Single(answers, s => s.State != SignOnState.Signed).State);
        Assert.Equal(MemoStatus.Final, (await db.Memos.SingleAsync()).Status);
        var comment = await db.Comments.SingleAsync();
        Assert.Equal((2, 1, "Please name the vetting law"), (comment.Paragraph, comment.VersionNumber, comment.Text));
        Assert.Equal(7, await db.Identities.CountAsync(i => i.Platform == Core.Conversation.Platform.Teams));

        foreach (var card in host.Simulator.Activities.Select(a => a.Card).OfType<System.Text.Json.Nodes.JsonObject>().Concat(host.InvokeCards))
        {
            var errors = AdaptiveCardSchema.Errors(schema!, card);
            Assert.True(errors.Count == 0, $"Card does not validate ({string.Join("; ", errors)}): {card.ToJsonString()}");
        }
    }

    internal static async Task SignsAsync(TeamsUser user, string displayName, string signatory, string title, string category)
    {
        var dialog = await user.Presses(user.LastCard, ActionIds.Sign);
        var form = dialog["task"]!["value"]!["card"]!["content"]!.AsObject();
        var closed = await user.Fills(form, Fields(displayName, signatory, title, category), dialog: true);
        Assert.Contains("has signed M-1", closed["task"]!["value"]!.GetValue<string>());
    }

    internal static Dictionary<string, string> Fields(string displayName, string signatory, string title, string category) => new()
    {
        ["display_name"] = displayName, ["signatory_name"] = signatory, ["signatory_title"] = title, ["category"] = category, ["attest"] = "true",
    };
}
