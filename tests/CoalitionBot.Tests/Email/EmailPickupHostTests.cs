using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Storage;
using CoalitionBot.WebChannel;
using WebClient = CoalitionBot.Tests.WebChannel.WebClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace CoalitionBot.Tests.Email;

/// <summary>The real host with nothing configured for e-mail: deliveries become .eml files in the pickup folder, listed at /mail.</summary>
public sealed partial class EmailPickupHostTests : IDisposable
{
    private const string Amira = "amira@hra.example.org";

    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "coalitionbot-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Circulate_PartnerReachedByEmail_WritesAnEmlFileTheMailPageShows()
    {
        await using var factory = Factory();
        var http = factory.CreateClient();
        await AddEmailIdentityAsync(factory, Amira);

        await new WebClient(http, DemoCoalition.CoordinatorEmail, "Cora Coordinator").Says("circulate M-1");
        await factory.DeliverAsync();

        var file = Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
        var message = MimeMessage.Load(file);
        Assert.Equal(Amira, message.To.Mailboxes.Single().Address);
        Assert.StartsWith("M-1: Memo to the Secretary of State", message.Subject, StringComparison.Ordinal);
        Assert.Contains("§1 We write as a coalition", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("id=\"p1\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Draft for coalition members only", message.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_pickup, "*.tmp"));

        var list = await http.GetStringAsync("/mail");
        var name = Path.GetFileName(file);
        Assert.Contains($"href=\"/mail/{name}\"", list, StringComparison.Ordinal);
        Assert.Contains(Amira, list, StringComparison.Ordinal);
        var view = await http.GetStringAsync("/mail/" + name);
        Assert.Contains($"<iframe class=\"cb-mail-frame\" title=\"The e-mail as HTML\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" src=\"/mail/{name}/html\">", view, StringComparison.Ordinal);
        Assert.Contains("§1 We write as a coalition", view, StringComparison.Ordinal);
        var html = await http.GetAsync($"/mail/{name}/html");
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<base target=\"_blank\">", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var raw = await http.GetAsync($"/mail/{name}/raw");
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task EmailDelivery_WithALink_WritesTheFile_AndTheLinkInItWorks()
    {
        await using var factory = Factory(new() { ["PublicBaseUrl"] = "http://127.0.0.1:3978" });
        var http = factory.CreateClient();
        var identity = await AddEmailIdentityAsync(factory, Amira);
        var delivery = await QueueAsync(factory, identity, memo =>
        {
            var links = factory.Services.GetRequiredService<DownloadLinks>();
            var signer = factory.Services.GetRequiredService<DownloadSigner>();
            var url = links.UrlFor(signer.Ticket(memo.CoalitionId, DownloadFormat.DirectoryCsv));
            return new Message("M-1: a memo waits for you", [new TextBlock("Hello <Amira> & co"), new ButtonsBlock([new Button("Open", "memo.open", "M-1", ButtonStyle.Primary, url)])]);
        });

        await factory.DeliverAsync();
        await factory.DeliverAsync();

        var message = MimeMessage.Load(Path.Combine(_pickup, $"{delivery:N}.eml"));
        Assert.Contains("Hello &lt;Amira&gt; &amp; co", message.HtmlBody, StringComparison.Ordinal);
        var link = LinkPattern().Match(message.TextBody ?? "").Groups[1].Value;
        Assert.StartsWith("http://127.0.0.1:3978/downloads/", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody, StringComparison.Ordinal);
        var followed = await http.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Contains("Amira Haddad", await followed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Deliveries.SingleAsync(d => d.Id == delivery);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal($"{delivery:N}.coalitionbot@localhost", row.PlatformMessageId);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task MailPage_RelayedRequest_IsRefused(string header, string value)
    {
        await using var factory = Factory();
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add(header, value);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/mail")).StatusCode);
    }

    [Theory]
    [InlineData("/mail/notes.eml")]
    [InlineData("/mail/..%2Fbot.db")]
    [InlineData("/mail/0123456789abcdef0123456789abcdef.eml/html")]
    public async Task MailPage_UnknownOrForeignName_IsNotFound(string path)
    {
        await using var factory = Factory();

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(path)).StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private BotFactory Factory(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["WebChannel:Demo"] = "true", ["Email:PickupDirectory"] = _pickup };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new BotFactory(all);
    }

    /// <summary>What the reach work records for a partner reached by e-mail: an identity on the e-mail platform.</summary>
    private static async Task<ContactIdentity> AddEmailIdentityAsync(BotFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var contact = await db.Contacts.SingleAsync(c => c.Email == email);
        contact.PreferredPlatform = Platform.Email; // the demo partner also has a web identity, which would come first
        var identity = new ContactIdentity { ContactId = contact.Id, Platform = Platform.Email, TenantId = "email", UserId = email, LastSeenAt = factory.Clock.GetUtcNow() };
        db.Identities.Add(identity);
        await db.SaveChangesAsync();
        return identity;
    }

    private static async Task<Guid> QueueAsync(BotFactory factory, ContactIdentity identity, Func<Memo, Message> message)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var memo = await db.Memos.SingleAsync();
        var delivery = new Delivery
        {
            IdempotencyKey = "test:" + Guid.NewGuid().ToString("N"), CoalitionId = memo.CoalitionId, MemoId = memo.Id, ContactId = identity.ContactId,
            IdentityId = identity.Id, Platform = Platform.Email, Purpose = DeliveryPurpose.Circulation,
            Payload = JsonSerializer.Serialize(message(memo), Deliveries.Json), NotBefore = factory.Clock.GetUtcNow(), CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    [GeneratedRegex("Open: (\\S+)")]
    private static partial Regex LinkPattern();
}
