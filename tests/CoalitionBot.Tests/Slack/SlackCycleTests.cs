using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Slack;

public sealed class SlackCycleTests
{
    private const string Text = "We urge you to attach human rights conditions.\n\n**First**, vet every unit.\n\n**Second**, monitor end use.";

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task WholeCycle_OverSlack_CompilesExactlyTheRightList(SlackTransport transport)
    {
        await using var host = await SlackHost.StartAsync(transport);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        var ben = host.User("Ben Okafor", "ben@hra.org");
        var sam = host.User("Sam Lee", "sam@gpn.org");
        var lucia = host.User("Lucía Gómez", "lucia@fdh.org");
        var tom = host.User("Tom Rivers", "tom@rra.org");
        var dana = host.User("Dana Park", "dana@cfa.org");

        Assert.Contains("you are its coordinator", await cora.Says("setup Rights Before Arms"));
        foreach (var org in Organisations)
        {
            Assert.Contains("Added", await cora.Says("partners add " + org));
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

        // Partners first talk to the bot: it asks Slack (users.info) for each one's e-mail and links them to their contact.
        foreach (var partner in new[] { amira, ben, sam, lucia, tom, dana })
        {
            var help = await partner.Says("help");
            Assert.Contains("sign M-3 [for <organisation>]", help);
            Assert.DoesNotContain("I don't know you yet", help);
        }

        Assert.True(host.Simulator.CountCalls("users.info") >= 7);
        var directory = await cora.Says("partners list");
        Assert.Equal(6, directory.Split(", reachable in chat").Length - 1);

        // The memo's text follows the command on the next lines of the same /memo message.
        Assert.Contains("Draft M-1", await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + Text));
        Assert.Contains("6 messages queued", await cora.Says("circulate M-1"));
        Assert.Equal(6, await host.DeliverAsync());
        foreach (var partner in new[] { amira, ben, sam, lucia, tom, dana })
        {
            var card = partner.LastCard;
            Assert.Contains("M-1 · Memo to the Secretary of State", SlackBlocks.Text(card.Blocks));
            Assert.Contains("Sign on", SlackBlocks.ButtonLabels(card.Blocks));
        }

        // Amira presses Sign on: the bot opens the modal (views.open). Slack's client will not submit an empty required
        // input, but a blank title gets through and comes back as an error on that block; then a good submission counts.
        var modal = await amira.Presses(amira.LastCard, "Sign on");
        Assert.Contains("I confirm I am authorised to sign this memo on behalf of The Human Rights Advocates", modal.ToJsonString());
        var refused = await amira.Submits(modal, Fields("The Human Rights Advocates", "Amira Haddad", "   ", "International"));
        Assert.Equal("errors", (string?)refused!["response_action"]);
        Assert.Equal(["signatory_title"], refused["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null(await amira.Submits(modal, Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International")));
        await amira.ReceivesAsync("has signed M-1");

        // Ben, of the same organisation, is told it already signed; his submission updates the one sign-on.
        var bensModal = await ben.Presses(ben.LastCard, "Sign on");
        Assert.Contains("already signed", SlackBlocks.Text(bensModal["blocks"]));
        Assert.Null(await ben.Submits(bensModal, Fields("The Human Rights Advocates", "Ben Okafor", "Deputy Director", "International")));
        await ben.ReceivesAsync("has signed M-1");

        await SignsAsync(sam, "Sign on", "Global Peace Network", "Sam Lee", "Coordinator", "International");
        await SignsAsync(tom, "Sign on", "Riverside Refugee Aid", "Tom Rivers", "Chair", "Local");

        // One declines, one comments on §2.
        Assert.Contains("declines M-1", await lucia.Says("decline M-1 Our board has not met"));
        Assert.Contains("(§2)", await dana.Says("comment M-1 §2 Please name the vetting law"));

        var status = (await cora.SaysRaw("status M-1"))["blocks"];
        Assert.Equal("3", SlackBlocks.Fact(status, "Signed"));
        Assert.Equal("1", SlackBlocks.Fact(status, "Declined"));
        Assert.Equal("1", SlackBlocks.Fact(status, "No answer"));
        Assert.Contains("• Citizens for Accountability", SlackBlocks.Text(status));

        // A substantive version marks the signers for re-confirmation; Sam re-confirms from the new card.
        var published = await cora.Says("publish M-1 substantive\n" + Text + "\n\n**Third**, consult civil society.");
        Assert.Contains("§4 added", published);
        Assert.Contains("3 signers are asked to re-confirm", published);
        Assert.Contains("6 partner contacts are being told", published);
        Assert.Equal(12, await host.DeliverAsync()); // six new cards, and six updates of the cards delivered before (the answers, now superseded)
        Assert.Contains("please re-confirm", SlackBlocks.Text(amira.LastCard.Blocks));
        await SignsAsync(sam, "Re-confirm", "Global Peace Network", "Sam Lee", "Coordinator", "International");
        Assert.Equal("2", SlackBlocks.Fact((await cora.SaysRaw("status M-1"))["blocks"], "Needs re-confirmation"));

        Assert.Contains("is closed", await cora.Says("close M-1"));
        var compiled = await cora.Says("compile M-1 final");
        Assert.Contains("now final", compiled);
        Assert.Contains(
            "*Memo to the Secretary of State*\n\nTo: The Secretary of State\nDate: 2 November 2026\n\n*Signatories (1)*\n\n*International*\n\n• Global Peace Network\n\n"
            + "*Signed an earlier version, not yet re-confirmed (2)*\n\n• The Human Rights Advocates\n• Riverside Refugee Aid\nDownload links work until",
            compiled);

        // The files behind the links arrive as uploads in the coordinator's DM (no public address needed).
        await host.Simulator.WaitUntilAsync(sim => sim.Calls.Count(c => c.Method == "files.completeUploadExternal" && c.Error is null) >= 6);
        var uploaded = host.Simulator.Calls.Where(c => c.Method == "files.getUploadURLExternal" && c.Error is null)
            .Select(c => c.Arguments["filename"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["M-1-audit-certificate.csv", "M-1-audit-certificate.docx", "M-1-memo-and-signatories.docx", "M-1-signatories.csv", "M-1-signatories.html", "M-1-signatories.txt"], uploaded);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var answers = await db.SignOns.ToListAsync();
        Assert.Equal(4, answers.Count);
        var hra = Assert.Single(answers, s => s.DisplayName == "The Human Rights Advocates");
        Assert.Equal(("Ben Okafor", "Deputy Director", true), (hra.SignatoryName, hra.SignatoryTitle, hra.NeedsReconfirmation));
        Assert.Equal(SignOnState.Declined, Assert.Single(answers, s => s.State != SignOnState.Signed).State);
        var gpn = Assert.Single(answers, s => s.DisplayName == "Global Peace Network");
        Assert.Equal((2, false), (gpn.VersionNumber, gpn.NeedsReconfirmation));
        Assert.Equal(MemoStatus.Final, (await db.Memos.SingleAsync()).Status);
        var comment = await db.Comments.SingleAsync();
        Assert.Equal((2, 1, "Please name the vetting law"), (comment.Paragraph, comment.VersionNumber, comment.Text));
        Assert.Equal(7, await db.Identities.CountAsync(i => i.Platform == Platform.Slack));

        Assert.Empty(host.Problems());
    }

    internal static readonly string[] Organisations =
    [
        "The Human Rights Advocates | International | UK", "Global Peace Network | International | CH", "Fundación Derechos Humanos | National | MX",
        "Riverside Refugee Aid | Local | US", "Citizens for Accountability | National | US",
    ];

    internal static async Task SignsAsync(SlackUser user, string button, string displayName, string signatory, string title, string category)
    {
        var seen = user.Dm.Count;
        var modal = await user.Presses(user.LastCard, button);
        Assert.Null(await user.Submits(modal, Fields(displayName, signatory, title, category)));
        await user.ReceivesAsync("has signed M-1", seen);
    }

    internal static Dictionary<string, string> Fields(string displayName, string signatory, string title, string category) => new()
    {
        ["display_name"] = displayName, ["signatory_name"] = signatory, ["signatory_title"] = title, ["category"] = category, ["attest"] = "true",
    };
}
