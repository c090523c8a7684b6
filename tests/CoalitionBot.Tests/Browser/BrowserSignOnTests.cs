using CoalitionBot.Testing.Support;
using CoalitionBot.Tests.WebChannel;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.Browser;

/// <summary>The local web channel in a real browser (Debian's Chromium driven by Playwright).</summary>
public sealed class BrowserSignOnTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Partner_SignsOnThroughTheCardButtonAndForm_AndSeesTheConfirmation()
    {
        var chromium = Requirement.Browser(output);

        await using var factory = new BotFactory(new() { ["WebChannel:Demo"] = "true" });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;
        var http = new HttpClient { BaseAddress = baseAddress };
        await new WebClient(http, "cora@coalition.example.org", "Cora Coordinator").Says("circulate M-1");
        await factory.DeliverAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, chromium);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(page.Locator(".cb-banner")).ToContainTextAsync("identities are not verified");

        await page.Locator("#person").SelectOptionAsync("amira@hra.example.org");
        var card = page.Locator(".cb-push").Filter(new() { HasText = "M-1: Memo to the Secretary of State" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();

        var form = page.Locator("form.cb-form[data-form-id=signon]");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator("#f-display_name")).ToHaveValueAsync("The Human Rights Advocates");
        await form.Locator("#f-signatory_title").FillAsync("Executive Director");
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-field=attest] .cb-error")).ToContainTextAsync("confirm you may sign");

        await form.Locator("input[name=attest]").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync("The Human Rights Advocates has signed M-1 as \"The Human Rights Advocates\"");
        var shot = Path.Combine(Path.GetTempPath(), "coalitionbot-signed.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine("Screenshot: " + shot);
    }
}
