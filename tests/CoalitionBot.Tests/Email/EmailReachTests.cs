using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reminders;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Email;
using CoalitionBot.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;
using WebClient = CoalitionBot.Tests.WebChannel.WebClient;

namespace CoalitionBot.Tests.Email;

/// <summary>
/// The real host sending e-mail over SMTP to an in-process server (what MailKit sends, parsed back): reminders and nudges
/// carry the partner's personal link, and the one-click unsubscribe (RFC 8058) works over HTTP without a login.
/// </summary>
public sealed partial class EmailReachTests
{
    private const string Pat = "pat@openhands.example.org";

    [Fact]
    public async Task RemindersAndNudges_ByEmail_CarryTheSamePersonalLinkAsTheCirculation()
    {
        await using var server = SmtpTestServer.Start();
        await using var factory = Factory(server);
        var cora = await CirculatedAsync(factory);
        var circulation = Assert.Single(server.Received, r => r.Message.To.Mailboxes.Single().Address == Pat).Message;
        var link = PersonalLink(circulation);

        Assert.Contains("Nudged: 1 reminder", await Says(cora, "nudge M-1 Open Hands"));
        await factory.DeliverAsync();
        var nudge = server.Received.Last().Message;
        Assert.StartsWith("Reminder: M-1", nudge.Subject, StringComparison.Ordinal);
        Assert.Equal(link, PersonalLink(nudge));
        Assert.Contains($"href=\"{link}\"", nudge.HtmlBody, StringComparison.Ordinal);

        var deadline = await DeadlineAsync(factory);
        factory.Clock.SetUtcNow(deadline - TimeSpan.FromMinutes(5));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None)).Queued > 0);
        }

        await factory.DeliverAsync();
        var reminder = server.Received.Last(r => r.Message.To.Mailboxes.Single().Address == Pat).Message;
        Assert.NotEqual(nudge.MessageId, reminder.MessageId);
        Assert.StartsWith("Reminder: M-1", reminder.Subject, StringComparison.Ordinal);
        Assert.Equal(link, PersonalLink(reminder));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task OneClickUnsubscribe_PostWithoutLogin_ClosesTheEmailRoute_OnceAndVisibly()
    {
        await using var server = SmtpTestServer.Start();
        await using var factory = Factory(server);
        var cora = await CirculatedAsync(factory);
        var message = Assert.Single(server.Received, r => r.Message.To.Mailboxes.Single().Address == Pat).Message;
        var header = message.Headers[HeaderId.ListUnsubscribe] ?? "";
        var url = UnsubscribePattern().Match(header).Groups[1].Value;
        Assert.StartsWith("https://bot.example.org/unsubscribe/", url, StringComparison.Ordinal);
        Assert.EndsWith(", <mailto:memos@coalition.example.org?subject=unsubscribe>", header, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers[HeaderId.ListUnsubscribePost]);
        Assert.Contains(url, message.TextBody, StringComparison.Ordinal);
        var http = factory.CreateClient();
        var path = new Uri(url).PathAndQuery;

        // A GET (a person, or a mail scanner opening links) only asks.
        var page = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(Pat, html, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"{path}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsubscribed", await Says(cora, "partners"), StringComparison.Ordinal);

        // The mailbox provider's POST (RFC 8058), twice: the second changes nothing.
        for (var i = 0; i < 2; i++)
        {
            using var oneClick = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
            var done = await http.PostAsync(path, oneClick);
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("You are unsubscribed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains($"Pat Partner <{Pat}>, signer, UNREACHABLE: unsubscribed from e-mail", await Says(cora, "partners"), StringComparison.Ordinal);
        Assert.Contains("Pat Partner (unsubscribed from e-mail)", await Says(cora, "status M-1"), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            Assert.Equal("unsubscribed", (await db.Identities.SingleAsync(i => i.Platform == Platform.Email && i.UserId == Pat)).RouteFailure);
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == "contact.unsubscribed"));
        }

        var before = server.Received.Count;
        Assert.Contains("Nobody to nudge", await Says(cora, "nudge M-1 Open Hands"));
        await Says(cora, "circulate M-1");
        await factory.DeliverAsync();
        Assert.Equal(before, server.Received.Count);

        var tampered = path[..^3] + (path[^3] == 'A' ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(tampered, new StringContent("List-Unsubscribe=One-Click"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/unsubscribe/not-a-token")).StatusCode);
    }

    /// <summary>What the coordinator reads in the web channel (the reply's HTML with its entities decoded).</summary>
    private static async Task<string> Says(WebClient person, string text) => WebUtility.HtmlDecode((await person.Says(text)).Html);

    private static BotFactory Factory(SmtpTestServer server) => new(new()
    {
        ["WebChannel:Demo"] = "true",
        ["Reminders:Enabled"] = "false", // the test runs the reminder sweep itself
        ["PublicBaseUrl"] = "https://bot.example.org",
        ["Email:From"] = "Our coalition <memos@coalition.example.org>",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = server.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:UseStartTls"] = "false",
    });

    /// <summary>The demo coalition plus one partner known only by e-mail, M-1 circulated and the e-mails sent.</summary>
    private static async Task<WebClient> CirculatedAsync(BotFactory factory)
    {
        var cora = new WebClient(factory.CreateClient(), DemoCoalition.CoordinatorEmail, "Cora Coordinator");
        Assert.Contains("Added", await Says(cora, "partners add Open Hands | International"));
        await Says(cora, $"partners link Open Hands | Pat Partner | {Pat}");
        Assert.Contains("1 e-mail", await Says(cora, "circulate M-1"));
        await factory.DeliverAsync();
        return cora;
    }

    private static async Task<DateTimeOffset> DeadlineAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Memos.SingleAsync()).Deadline!.Value;
    }

    private static string PersonalLink(MimeMessage message) => PersonalLinkPattern().Match(message.TextBody ?? "").Value;

    [GeneratedRegex(@"https://bot\.example\.org/m/[A-Za-z0-9_-]{43}")]
    private static partial Regex PersonalLinkPattern();

    [GeneratedRegex("^<(https://[^>]+)>")]
    private static partial Regex UnsubscribePattern();
}
