using System.Text;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Testing;
using CoalitionBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Campaign;

/// <summary>
/// The whole campaign issue #11 was found with, as one conversation: a 66-organisation directory imported, 40
/// sign-ons, 8 declines, comments, a substantive new version and re-confirmations, a withdrawal, an on-behalf
/// sign-on, a nudge, closing by hand, a sign-on after closing, compile, make final. The compiled list, the status
/// and the audit certificate are compared with the files in Golden/ (the clock is fake, so times are stable).
/// To accept an intended change: <c>COALITIONBOT_UPDATE_GOLDEN=1 dotnet test --filter CampaignGoldenTests</c>, then
/// review the diff of tests/CoalitionBot.Core.Tests/Golden/campaign-*.
/// </summary>
public sealed class CampaignGoldenTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    private const string Text = """
        We write as a coalition of human rights, humanitarian and faith organisations to urge you to attach human rights conditions to further security assistance.

        **First**, no assistance should flow to units credibly implicated in gross violations of human rights.

        **Second**, end-use monitoring must be strengthened.
        """;

    [Fact]
    public async Task Campaign_SixtySixOrganisations_ListStatusAndCertificateMatchTheGoldenFiles()
    {
        await using var bot = await TestBot.StartAsync(Start);
        var cora = bot.Person("Cora Coordinator", "cora@lawg.example.org", "America/New_York");
        var orgs = CampaignDirectory.Organisations;
        var signer = Enumerable.Range(0, orgs.Length).Select(i => bot.Person(CampaignDirectory.ContactName(i), CampaignDirectory.ContactEmail(i), "America/New_York")).ToArray();
        void Later(int minutes) => bot.Clock.Advance(TimeSpan.FromMinutes(minutes));

        await cora.Says("setup Latin America Working Group");
        Assert.Contains("66 organisations added", (await cora.Says(CampaignDirectory.ImportCommand())).Text);
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | America/New_York\n" + Text);
        await cora.Says("circulate M-1");
        await bot.DeliverAsync();

        // 30 sign on to the first version (two of them as they want to appear), 8 decline, 3 comment.
        for (var i = 0; i < 30; i++)
        {
            Later(37);
            await signer[i].SignsOn("M-1", displayName: i switch { 0 => "Amnesty International USA", 10 => "WOLA", _ => null }, title: "Executive Director");
        }

        for (var i = 38; i < 46; i++)
        {
            Later(41);
            await signer[i].Says($"decline M-1 {(i % 2 == 0 ? "Our board has not met" : "Outside our mandate")}");
        }

        Later(60);
        await signer[2].Says("comment M-1 §2 Please name the vetting law.");
        await signer[21].Says("comment M-1 §3 Add a reporting deadline.");
        await signer[50].Says("comment M-1 Thank you for this.");

        // A substantive version: 25 of the 30 re-confirm, 8 more sign the new text, one withdraws.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 6, 15, 0, 0, TimeSpan.Zero));
        Assert.Contains("30 signers are asked to re-confirm", (await cora.Says("publish M-1 substantive\n" + Text + "\n\n**Third**, consult civil society in recipient countries.")).Text);
        await bot.DeliverAsync();
        for (var i = 0; i < 25; i++)
        {
            Later(23);
            await signer[i].SignsOn("M-1", displayName: i switch { 0 => "Amnesty International USA", 10 => "WOLA", _ => null }, title: "Executive Director");
        }

        for (var i = 30; i < 38; i++)
        {
            Later(29);
            await signer[i].SignsOn("M-1", title: "Coordinator");
        }

        Later(90);
        await signer[3].Says("withdraw M-1 Our board asked us to withdraw");

        // A coordinator records one sign-on on behalf of a partner, nudges the silent, and closes early.
        Later(60);
        var onBehalf = (await cora.Says($"sign M-1 for {orgs[46].Name}")).Form!;
        await cora.Submits(onBehalf, new() { ["signatory_name"] = "Ana Morales", ["signatory_title"] = "Director", ["attest"] = "true" });
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 14, 0, 0, TimeSpan.Zero));
        await cora.Says("nudge M-1");
        await bot.DeliverAsync();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 21, 0, 0, TimeSpan.Zero));
        await cora.Says("close M-1");
        Later(600);
        await signer[47].SignsOn("M-1", title: "Director");
        await bot.DeliverAsync();

        // Compile: the preview asks first; Make final fixes the list.
        Later(60);
        var preview = await cora.Says("compile M-1");
        var makeFinal = preview.Buttons.Single(b => b.Label == "Make final");
        var final = await cora.Presses(makeFinal.ActionId, makeFinal.Value);
        Assert.Contains("M-1 is now final: 34 organisations on the list.", final.Text);
        var status = await cora.Says("status M-1");

        Golden.AssertMatches("campaign-list.txt", final.Text);
        Golden.AssertMatches("campaign-status.txt", status.Text);
        Golden.AssertMatches("campaign-audit.csv", await DownloadAsync(bot, final, "Audit certificate (CSV)"));
        Golden.AssertMatches("campaign-list-only.txt", await DownloadAsync(bot, final, "Plain text, list only"));
    }

    private static async Task<string> DownloadAsync(TestBot bot, BotReply reply, string label)
    {
        var file = await bot.Services.GetRequiredService<IDownloadFileSource>().FromLinkAsync(reply.Buttons.Single(b => b.Label == label).Url!, CancellationToken.None);
        return Encoding.UTF8.GetString(file!.Content);
    }
}
