using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Email;
using CoalitionBot.Testing.Slack;
using CoalitionBot.Testing.Support;
using CoalitionBot.Testing.Teams;
using CoalitionBot.Tests.Browser;
using CoalitionBot.Tests.SignOnPage;
using CoalitionBot.Tests.Slack;
using CoalitionBot.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.Reach;

/// <summary>
/// Issue #10's acceptance test through the real host, on one clock with the Slack simulator (Slack's real Tier 3 limit on
/// users.lookupByEmail), the Bot Framework simulator (the bot installed in the coalition's team, its roster read through
/// pagedmembers) and an in-process SMTP server: a directory of 60 organisations and 76 contacts imported with e-mail
/// only; 30 are in the Slack workspace, 20 in the Teams team, 26 on neither. All 76 are reached by the one circulation.
/// </summary>
public sealed partial class ReachAcceptanceTests(ITestOutputHelper output)
{
    private const int Organisations = 60, Contacts = 76, InSlack = 30, InTeams = 20, ByEmail = Contacts - InSlack - InTeams;

    [SkippableFact]
    public async Task Circulate_DirectoryImportedWithEmailOnly_ReachesAllSeventySix()
    {
        var emails = Enumerable.Range(1, Contacts).Select(i => $"person{i}@org{OrganisationOf(i)}.example").ToList();
        var clock = new FakeTimeProvider(BotFactory.Start);
        await using var smtp = SmtpTestServer.Start();
        await using var simulator = await SlackSimulator.StartAsync(clock); // disposed last: the bot stops before its Slack does
        var settings = SlackHost.Settings(simulator, SlackTransport.SocketMode);
        settings["Email:From"] = "Rights Before Arms <memos@coalition.example.org>";
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Email:Smtp:UseStartTls"] = "false";
        // The bot's own pacing of look-ups waits in real time; Slack's limit (the simulator's, on the fake clock) is what counts here.
        settings["Slack:LookupsPerMinute"] = "6000";
        await using var teams = await TeamsHost.StartAsync(clock: clock, more: settings, kestrel: true, services: ReachHosts.WithoutBackgroundLookUps);
        var host = await SlackHost.AttachAsync(simulator, teams.Factory);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var slackPeople = emails.Take(InSlack).Select((e, i) => host.User($"Person {i + 1}", e)).ToList();
        host.Simulator.AddUser("Someone Else", "else@elsewhere.example");
        var team = teams.Simulator.AddTeam("Rights Before Arms Coalition");
        var teamsPeople = emails.Skip(InSlack).Take(InTeams).Select((e, i) => teams.Simulator.AddTeamMember(team, $"Person {InSlack + i + 1}", e)).ToList();
        teams.Simulator.AddTeamMember(team, "A colleague outside the directory", "colleague@elsewhere.example");

        Assert.Contains("you are its coordinator", await cora.Says("setup Rights Before Arms"));
        Assert.All(await teams.Simulator.InstallBotAsync(teams.Http, teams.Messages, team), s => Assert.True((int)s < 300, s.ToString()));
        var imported = await cora.Says("partners import\n" + DirectoryCsv(emails));
        Assert.Contains($"{Organisations} organisations added", imported);

        // The background look-up of the import: Slack answers 50 look-ups a minute, then 429 with Retry-After.
        Assert.Equal(Contacts, await teams.Factory.SweepAsync());
        // The 51st was refused (and the up to three asked at the same moment); the bot then waits instead of asking again.
        Assert.InRange(host.Simulator.CountCalls("users.lookupByEmail"), 51, 54);

        Assert.Contains("Draft M-1", await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you to attach human rights conditions."));
        var circulated = await cora.Says("circulate M-1");
        Assert.True(circulated.Contains($"{Contacts - 26} messages queued", StringComparison.Ordinal), circulated);
        Assert.Contains("Still being looked up (26)", circulated);
        Assert.DoesNotContain("Not reachable", circulated);

        // Slack's Retry-After passes; the sweep asks again and sends the 26 the circulation they waited for.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(26, await teams.Factory.SweepAsync());
        await teams.DeliverAsync();

        Assert.All(slackPeople, p => Assert.Contains("M-1", SlackBlocks.Text(p.LastCard.Blocks)));
        Assert.Equal(ByEmail, smtp.Received.Count);
        await using (var scope = teams.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var cards = await db.Deliveries.Where(d => d.Purpose == DeliveryPurpose.Circulation).ToListAsync();
            Assert.Equal(Contacts, cards.Count);
            Assert.All(cards, d => Assert.Equal(DeliveryState.Sent, d.State));
            Assert.Equal(InSlack, cards.Count(d => d.Platform == Platform.Slack));
            Assert.Equal(InTeams, cards.Count(d => d.Platform == Platform.Teams));
            Assert.Equal(ByEmail, cards.Count(d => d.Platform == Platform.Email));
            var mailed = await db.Identities.Where(i => i.Platform == Platform.Email).Select(i => i.UserId).ToListAsync();
            Assert.Equal(emails.Skip(InSlack + InTeams).Order(), mailed.Order());
        }

        Assert.Equal(InTeams, teams.Simulator.CreatedConversations.Values.Intersect(teamsPeople.Select(m => m.Id)).Count());
        var status = SlackBlocks.Text((await cora.SaysRaw("status M-1"))["blocks"]);
        Assert.Contains($"Reach: {Contacts} reached: {InSlack} Slack DM, {InTeams} Teams chat, {ByEmail} e-mail of {Contacts} contacts.", status);
        Assert.DoesNotContain("Not reached", status);
        Assert.DoesNotContain("being looked up", status);

        // One partner of each route signs: from the Slack DM, from the Teams chat, and through the e-mailed personal link.
        await SlackCycleTests.SignsAsync(slackPeople[0], "Sign on", "Organisation 1", "Person 1", "Director", "International");
        await TeamsCycleTests.SignsAsync(TeamsPerson(teams, teamsPeople[0]), "Organisation 16", "Person 31", "Director", "International");
        var http = new HttpClient { BaseAddress = teams.Factory.ClientOptions.BaseAddress };
        var page = await new PageClient(http).OpenAsync(new Uri(LinkIn(smtp, emails[50])).PathAndQuery);
        await page.SubmitAsync("Sign on");
        await page.SubmitAsync("Sign on", TeamsCycleTests.Fields("Organisation 35", "Person 51", "Director", "International"));
        Assert.Contains("Organisation 35 has signed M-1", page.Text);

        // And one e-mailed partner signs in a real browser, from the link in the e-mail the SMTP server received.
        await SignsInChromiumAsync(LinkIn(smtp, emails[51]), "Organisation 36");

        Assert.Contains("is closed", await cora.Says("close M-1"));
        var compiled = await cora.Says("compile M-1");
        foreach (var signer in new[] { "Organisation 1", "Organisation 16", "Organisation 35", "Organisation 36" })
        {
            Assert.Matches($"• {signer}(?!\\d)", compiled);
        }

        Assert.All(host.Problems(), p => Assert.Equal("users.lookupByEmail: ratelimited", p));
    }

    private async Task SignsInChromiumAsync(string link, string organisation)
    {
        var chromium = Requirement.Browser(output);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, chromium);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        var form = page.Locator("form.cb-form[data-form-id=signon]");
        await Assertions.Expect(form.GetByLabel("Name as it should appear")).ToHaveValueAsync(organisation);
        await form.GetByLabel("Signatory title").FillAsync("Coordinator");
        await form.GetByLabel($"I confirm I am authorised to sign this memo on behalf of {organisation}.").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{organisation} has signed M-1");
    }

    /// <summary>A roster member who never wrote to the bot, in the 1:1 chat the bot opened with them.</summary>
    private static TeamsUser TeamsPerson(TeamsHost teams, SimulatedMember member) => new(teams, new TeamsActivityFactory(teams.Simulator)
    {
        UserId = member.Id,
        UserAadObjectId = member.AadObjectId,
        UserName = member.Name,
        PersonalConversationId = teams.Simulator.CreatedConversations.Single(c => c.Value == member.Id).Key,
    }, inChannel: false);

    /// <summary>The personal link in the circulation e-mail this address received.</summary>
    private static string LinkIn(SmtpTestServer smtp, string address) =>
        LinkPattern().Match(smtp.Received.Single(r => r.Message.To.Mailboxes.Single().Address == address).Message.TextBody ?? "").Value;

    private static int OrganisationOf(int contact) => contact <= 16 * 2 ? (contact + 1) / 2 : contact - 16;

    private static string DirectoryCsv(IReadOnlyList<string> emails)
    {
        var csv = new StringBuilder("organisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n");
        for (var i = 1; i <= emails.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Organisation {OrganisationOf(i)},,International,,Person {i},{emails[i - 1]},,\n");
        }

        return csv.ToString();
    }

    [GeneratedRegex(@"http://[^/\s]+/m/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
