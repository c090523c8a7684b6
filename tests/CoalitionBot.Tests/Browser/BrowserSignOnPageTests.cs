using CoalitionBot.Testing.Support;
using CoalitionBot.Tests.SignOnPage;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.Browser;

/// <summary>An e-mailed partner's personal link in a real browser (Debian's Chromium driven by Playwright), on a phone-sized screen.</summary>
public sealed class BrowserSignOnPageTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task PersonalLink_SignCommentWithdrawDecline_AndTheBadLinkPages()
    {
        var chromium = Requirement.Browser(output);
        Skip.If(chromium is null, "Chromium is not installed");
        await using var factory = await SignOnPageHost.StartAsync(new() { ["Reminders:Enabled"] = "false" }, kestrel: true);
        var url = await factory.IssueLinkAsync(SignOnPageHost.Amira);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator(".cb-whose")).ToContainTextAsync("You are answering as Amira Haddad for The Human Rights Advocates — not you?");
        await Assertions.Expect(page.Locator("#p2 .memo-para-marker")).ToHaveTextAsync("§2");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");

        // Sign on with the keyboard: the card's button, then the core's form (an error first, then success).
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var form = page.Locator("form.cb-form[data-form-id=signon]");
        await Assertions.Expect(form.GetByLabel("Name as it should appear")).ToHaveValueAsync("The Human Rights Advocates");
        await form.GetByLabel("Signatory title").FillAsync("Executive Director");
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-field=attest] .cb-error")).ToContainTextAsync("confirm you may sign");
        await Assertions.Expect(form.Locator("input[name=attest]")).ToHaveAttributeAsync("aria-describedby", "e-attest");
        await Assertions.Expect(form.GetByLabel("Signatory title")).ToHaveValueAsync("Executive Director");
        await form.GetByLabel("I confirm I am authorised to sign this memo on behalf of The Human Rights Advocates.").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The Human Rights Advocates has signed M-1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "coalitionbot-signon-page.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await page.GetByLabel("Which part?").SelectOptionAsync("2");
        await page.GetByLabel("Your comment").FillAsync("Please name the law in §2.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("comment #1 on M-1 (§2) is stored");

        await page.Locator("details summary").ClickAsync();
        await page.GetByLabel("Reason (optional, seen by coordinators)").FillAsync("Our board has not approved it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the signature" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signature on M-1 is withdrawn");

        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await page.GetByLabel("Reason (optional, seen by coordinators)").FillAsync("Not our focus.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The Human Rights Advocates declines M-1");
        await Assertions.Expect(page.Locator(".cb-fields")).ToContainTextAsync("declined");

        // A form whose antiforgery token was taken out is refused, and nothing changes.
        await page.GotoAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.remove())");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This form could not be accepted");

        var tampered = await page.GotoAsync(url[..^2] + (url[^2] == 'x' ? "yy" : "xx"));
        Assert.Equal(404, tampered!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ask a coordinator to send you a new link");

        await SignOnPageHost.Coordinator(factory, kestrel: true).Says("partners revoke-link M-1 amira@hra.example.org");
        var revoked = await page.GotoAsync(url);
        Assert.Equal(410, revoked!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("revoked this personal link");

        var ben = await factory.IssueLinkAsync("ben@hra.example.org");
        factory.Clock.Advance(TimeSpan.FromDays(30));
        var expired = await page.GotoAsync(ben);
        Assert.Equal(410, expired!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link has expired");
    }
}
