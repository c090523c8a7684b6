using CoalitionBot.Testing.Support;
using CoalitionBot.Tests.WebChannel;
using CoalitionBot.WebChannel;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser through the real host: sign-in by link, a partner's sign-on arriving live
/// while the page is open, actions by keyboard only, refused links, and the screenshots in docs/images.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string Amira = "amira@hra.example.org";

    [SkippableFact]
    public async Task Coordinator_SignsInByLink_SeesAPartnersSignOnLive_AndActsByKeyboard()
    {
        var chromium = Requirement.Browser(output);
        Skip.If(chromium is null, "Chromium is not installed");
        await using var factory = DashboardAccessTests.Demo();
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;
        var http = new HttpClient { BaseAddress = baseAddress };
        var cora = new WebClient(http, DemoCoalition.CoordinatorEmail, "Cora Coordinator");
        await cora.Says("circulate M-1");
        await new WebClient(http, "tom@rra.example.org", "Tom Rivers").Says("decline M-1 Not our focus this year");
        await new WebClient(http, "sam@gpn.example.org", "Sam Lee").Says("comment M-1 §2 Please name the vetting law.");
        await factory.DeliverAsync();
        var link = await DashboardClient.LinkAsync(factory);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var coordinator = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1200, Height = 900 } });
        var page = await coordinator.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !message.Location.Contains("favicon", StringComparison.Ordinal)) { errors.Add(message.Text + " at " + message.Location); } };
        page.Response += (_, response) => { if (response.Request.Method == "POST") { output.WriteLine($"POST {response.Url} -> {response.Status}"); } };

        // Sign in by keyboard: the button has focus.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Cora Coordinator" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Memos" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".db-playground")).ToContainTextAsync("identities are not verified");
        await Screenshot(page, "dashboard-memos.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "M-1: Memo to the Secretary of State: human rights conditions on military aid" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("a[data-filter=signed]")).ToHaveTextAsync("Signed (0)");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        // The chart draws a labelled line for the published version and the deadline (the labels once read "undefined").
        await Assertions.Expect(page.Locator("#progress-chart")).ToHaveAttributeAsync("data-markers", "[\"version 1\",\"deadline\"]");
        Assert.Equal(["version 1", "deadline"], await page.EvaluateAsync<string[]>("() => JSON.parse(document.getElementById('progress-data').textContent).markers.map(m => m.label)"));

        // A partner signs on in another browser context, through the web channel's card and form.
        var partner = await (await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString() })).NewPageAsync();
        await partner.GotoAsync("/");
        await partner.Locator("#person").SelectOptionAsync(Amira);
        var card = partner.Locator(".cb-push").Filter(new() { HasText = "M-1: Memo to the Secretary of State" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        var form = partner.Locator("form.cb-form[data-form-id=signon]");
        await form.Locator("#f-signatory_title").FillAsync("Executive Director");
        await form.Locator("input[name=attest]").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(partner.Locator("#log")).ToContainTextAsync("has signed M-1");

        // The dashboard shows it without a reload (Server-Sent Events, then a fetch of the live part).
        await Assertions.Expect(page.Locator("a[data-filter=signed]")).ToHaveTextAsync("Signed (1)");
        await Assertions.Expect(page.Locator("#board")).ToContainTextAsync("by Amira Haddad, Executive Director");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));

        // Keyboard only: Tab to the nudge field, type, Tab to its button, Enter.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "nudge-orgs"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync("Global Peace Network");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#reply")).ToContainTextAsync("Nudged");
        await Assertions.Expect(page.Locator("#board")).ToContainTextAsync("Queued1");

        await page.GetByLabel("Reply to #1").FillAsync("Good point, we will.");
        await page.GetByLabel("Reply to #1").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#board")).ToContainTextAsync("Good point, we will.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve comment #1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen comment #1" })).ToBeVisibleAsync();

        // Compile shows its steps in the status region, from the live stream, then the answer with its links.
        await Assertions.Expect(page.Locator("#board[data-live=open]")).ToBeAttachedAsync();
        await page.EvaluateAsync("() => { const work = document.getElementById('work'); window.workLog = []; new MutationObserver(() => window.workLog.push(work.textContent)).observe(work, { childList: true, subtree: true, characterData: true }); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compile" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reply a", new() { HasText = "CSV" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#work")).ToContainTextAsync("Compiled M-1: 8 of 8 files ready");
        Assert.Contains(await page.EvaluateAsync<string[]>("() => window.workLog"), t => t.StartsWith("Compiling M-1: preparing files, 3 of 8 ready", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#reply code").First).ToHaveTextAsync("close M-1"); // commands as code, not `backticks`
        await Assertions.Expect(page.Locator("#reply")).Not.ToContainTextAsync("`");
        await Screenshot(page, "dashboard-memo.png", fullPage: true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Close M-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reply")).ToContainTextAsync("closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen M-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reply")).ToContainTextAsync("open again");
        Assert.Empty(errors);

        // A used link, and a link older than ten minutes, are refused.
        var other = await (await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString() })).NewPageAsync();
        await other.GotoAsync(link);
        await Assertions.Expect(other.Locator("[role=alert]")).ToContainTextAsync("already been used");
        var late = await DashboardClient.LinkAsync(factory);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await other.GotoAsync(late);
        await Assertions.Expect(other.Locator("[role=alert]")).ToContainTextAsync("expired");
    }

    private async Task Screenshot(IPage page, string name, bool fullPage = false)
    {
        var folder = DocsImages();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        output.WriteLine("Screenshot: " + path);
    }

    /// <summary>docs/images of the repository this test was built from, so the guide's pictures stay current.</summary>
    private static string DocsImages()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoalitionBot.sln")))
            {
                return Path.Combine(directory.FullName, "docs", "images");
            }
        }

        return Path.Combine(Path.GetTempPath(), "coalitionbot-docs-images");
    }
}
