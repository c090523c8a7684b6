using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Reach;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Reach;

public sealed class ReachTests
{
    private const string Csv = "organisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id,channel\n"
        + "The Human Rights Advocates,,,,Amira Haddad,amira@hra.org,,,\n"
        + "Global Peace Network,,,,Sam Lee,sam@gpn.org,,,\n"
        + "Fundación Derechos Humanos,,,,Lucía Gómez,lucia@fdh.org,,,\n"
        + "Riverside Refugee Aid,,,,Tom Rivers,tom@rra.org,,,email\n";

    [Fact]
    public async Task Circulate_ImportedByEmailOnly_ReachesEveryoneBySlackTeamsOrEmail()
    {
        await using var chat = await ReachChat.StartAsync();

        var reply = await chat.Cora.Says("circulate M-1");
        await chat.Bot.DeliverAsync();

        Assert.Contains("4 messages queued — 4 reached: 1 Slack DM, 1 Teams chat, 2 e-mail", reply.Text);
        Assert.DoesNotContain("Not reachable", reply.Text);
        Assert.Single(chat.Slack.Sent, m => m.Target.UserId == "U1AMIRA");
        Assert.Single(chat.Teams.Sent, m => m.Target.UserId == "29:sam");
        var mail = Assert.Single(chat.Bot.EmailsTo("lucia@fdh.org"));
        var link = mail.Message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).Single(b => b.Label == EmailRoute.LinkLabel);
        Assert.StartsWith("http", link.Url);
        Assert.Single(chat.Bot.EmailsTo("tom@rra.org")); // prefers e-mail although Slack knows him
        var routes = await chat.Bot.QueryAsync(db => db.Deliveries.Select(d => d.Route).ToListAsync());
        Assert.Contains("Slack DM (found by e-mail)", routes);
        Assert.Contains("e-mail (preferred)", routes);
    }

    [Fact]
    public async Task Partners_AfterBackgroundLookUp_ShowsHowEachIsReached()
    {
        await using var chat = await ReachChat.StartAsync();

        var partners = (await chat.Cora.Says("partners")).Text;

        Assert.Contains("Amira Haddad <amira@hra.org>, signer, reachable in chat: Slack DM (found by e-mail)", partners);
        Assert.Contains("Sam Lee <sam@gpn.org>, signer, reachable in chat: Teams chat (found by e-mail)", partners);
        Assert.Contains("Lucía Gómez <lucia@fdh.org>, signer, reached by e-mail (personal link)", partners);
        Assert.Contains("Tom Rivers <tom@rra.org>, signer, reached by e-mail (preferred)", partners);
    }

    [Fact]
    public async Task FoundIdentity_PersonWritesLater_IsAlreadyLinked()
    {
        await using var chat = await ReachChat.StartAsync();

        var amira = chat.Bot.Person(new Actor(new ChatIdentity(Platform.Slack, "T0SIM", "U1AMIRA"), "Amira Haddad"));
        var help = await amira.Says("help");

        Assert.DoesNotContain("I don't know you yet", help.Text);
    }

    [Fact]
    public async Task Deliver_SlackRouteFails_SameCardGoesByEmailAndStatusSaysSo()
    {
        await using var chat = await ReachChat.StartAsync();
        chat.Slack.FailFor("U1AMIRA", new DeliveryRouteFailed("cannot_dm_bot"));

        await chat.Cora.Says("circulate M-1");
        await chat.Bot.DeliverAsync();
        await chat.Bot.DeliverAsync();

        var mail = Assert.Single(chat.Bot.EmailsTo("amira@hra.org"));
        Assert.Contains(mail.Message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons), b => b.Label == EmailRoute.LinkLabel);
        var status = (await chat.Cora.Says("status M-1")).Text;
        Assert.Contains("Reach: 4 reached: 1 Teams chat, 3 e-mail of 4 contacts. 1 reached by another route after the first failed.", status);
        Assert.Contains("reached by e-mail", (await chat.Cora.Says("partners")).Text);
    }

    [Fact]
    public async Task Deliver_EmailBounces_ContactUnreachableAndCoordinatorsTold()
    {
        await using var chat = await ReachChat.StartAsync();
        chat.Bot.Email.FailFor("lucia@fdh.org", new DeliveryFailed("550 5.1.1 mailbox unavailable", RecipientUnreachable: true));

        await chat.Cora.Says("circulate M-1");
        await chat.Bot.DeliverAsync();
        await chat.Bot.DeliverAsync();

        Assert.Contains(chat.Cora.Inbox, m => m.Summary.Contains("Lucía Gómez", StringComparison.Ordinal) && m.Summary.Contains("550 5.1.1", StringComparison.Ordinal));
        Assert.Contains("Lucía Gómez <lucia@fdh.org>, signer, UNREACHABLE: e-mail bounced: 550 5.1.1 mailbox unavailable", (await chat.Cora.Says("partners")).Text);
    }

    [Fact]
    public async Task Link_PrefersEmail_IsStoredAndExported()
    {
        await using var chat = await ReachChat.StartAsync();

        var reply = await chat.Cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org | prefers email");
        var refused = await chat.Cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org | prefers carrier pigeon");

        Assert.Contains("They prefer e-mail.", reply.Text);
        Assert.Contains("is not an option of `partners link`", refused.Text);
        Assert.Equal(Platform.Email, await chat.Bot.QueryAsync(db => db.Contacts.Where(c => c.Email == "sam@gpn.org").Select(c => c.PreferredPlatform).SingleAsync()));
    }

    /// <summary>A coordinator on the web, four partners imported with e-mail only; Slack knows Amira and Tom, Teams knows Sam.</summary>
    private sealed class ReachChat : IAsyncDisposable
    {
        private ReachChat(TestBot bot, RecordingChannel slack, RecordingChannel teams)
        {
            Bot = bot;
            Slack = slack;
            Teams = teams;
            Cora = bot.Person("Cora Coordinator", "cora@coalition.org");
        }

        public TestBot Bot { get; }

        public RecordingChannel Slack { get; }

        public RecordingChannel Teams { get; }

        public Person Cora { get; }

        public static async Task<ReachChat> StartAsync()
        {
            var slack = new RecordingChannel(Platform.Slack);
            var teams = new RecordingChannel(Platform.Teams);
            var bot = await TestBot.StartAsync(configure: s => s
                .AddSingleton<IDeliveryChannel>(slack).AddSingleton<IDeliveryChannel>(teams)
                .AddSingleton<IContactFinder>(new ListedContactFinder(Platform.Slack, "T0SIM").With("amira@hra.org", "U1AMIRA").With("tom@rra.org", "U1TOM"))
                .AddSingleton<IContactFinder>(new ListedContactFinder(Platform.Teams, "tenant-1").With("sam@gpn.org", "29:sam")));
            var chat = new ReachChat(bot, slack, teams);
            await chat.Cora.Says("setup Rights Before Arms");
            foreach (var org in new[] { "The Human Rights Advocates", "Global Peace Network", "Fundación Derechos Humanos", "Riverside Refugee Aid" })
            {
                await chat.Cora.Says("partners add " + org);
            }

            Assert.Contains("in the background", (await chat.Cora.Says("partners import\n" + Csv)).Text);
            Assert.Equal(4, await bot.LookUpAsync());
            await chat.Cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");
            return chat;
        }

        public ValueTask DisposeAsync() => Bot.DisposeAsync();
    }
}
