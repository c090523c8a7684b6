using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Support;
using CoalitionBot.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using WebClient = CoalitionBot.Tests.WebChannel.WebClient;

namespace CoalitionBot.Tests.Browser;

/// <summary>A newcomer opens the e-mail a partner would have received, from the playground's /mail page, in Chromium.</summary>
public sealed class BrowserMailPickupTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "coalitionbot-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MailPage_CirculatedEmail_OpensWithBothPartsAndTheMemo()
    {
        if (Requirement.Browser(output) is not { } chromium)
        {
            return;
        }

        await using var factory = new BotFactory(new() { ["WebChannel:Demo"] = "true", ["Email:PickupDirectory"] = _pickup });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var sam = await db.Contacts.SingleAsync(c => c.Email == "sam@gpn.example.org");
            sam.PreferredPlatform = Platform.Email; // the demo partner also has a web identity, which would come first
            db.Identities.Add(new ContactIdentity { ContactId = sam.Id, Platform = Platform.Email, TenantId = "email", UserId = sam.Email!, LastSeenAt = factory.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await new WebClient(new HttpClient { BaseAddress = baseAddress }, DemoCoalition.CoordinatorEmail, "Cora Coordinator").Says("circulate M-1");
        await factory.DeliverAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, chromium);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "E-mails sent (pickup folder)" }).ClickAsync();

        var row = page.Locator("table.cb-mail tbody tr").Filter(new() { HasText = "sam@gpn.example.org" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.Locator("h1").Last).ToContainTextAsync("M-1: Memo to the Secretary of State");
        await Assertions.Expect(page.Locator("pre.cb-mail-text")).ToContainTextAsync("§1 We write as a coalition");
        var frame = page.FrameLocator("iframe.cb-mail-frame");
        await Assertions.Expect(frame.Locator("[role=note]")).ToContainTextAsync("Draft for coalition members only");
        await Assertions.Expect(frame.Locator("#p1")).ToContainTextAsync("We write as a coalition");
        var shot = Path.Combine(Path.GetTempPath(), "coalitionbot-mail.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine("Screenshot: " + shot);
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }
}
