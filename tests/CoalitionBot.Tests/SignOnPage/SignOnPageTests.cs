using System.Net;
using CoalitionBot.Core.Domain;
using Xunit;
using static CoalitionBot.Tests.SignOnPage.SignOnPageHost;

namespace CoalitionBot.Tests.SignOnPage;

/// <summary>The web sign-on page over HTTP through the real host: links, status codes, headers, and every action through the core.</summary>
public sealed class SignOnPageTests
{
    [Fact]
    public async Task Open_PersonalLink_ShowsTheMemoNumberedWithNoticeAnswerAndWhoseLinkItIs()
    {
        await using var factory = await StartAsync();
        var page = await new PageClient(factory.CreateClient()).OpenAsync(PathOf(await factory.IssueLinkAsync(Amira)));

        Assert.Equal(HttpStatusCode.OK, page.Response!.StatusCode);
        Assert.Contains("You are answering as Amira Haddad for The Human Rights Advocates — not you?", page.Text);
        Assert.Contains("a…@hra.example.org", page.Text);
        Assert.Contains("Confidential: Draft for coalition members only; please do not share.", page.Text);
        Assert.Contains("§2", page.Text);
        Assert.Contains("<div class=\"memo-para\" id=\"p3\">", page.Html);
        Assert.Contains("not answered yet", page.Text);
        Assert.Contains("Sign-ons after the deadline are still accepted and marked late.", page.Text);
        Assert.Contains("<meta name=\"viewport\"", page.Html);
    }

    [Theory]
    [InlineData("/m/not-a-token")]
    [InlineData("/m/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Open_UnknownOrTamperedToken_Is404WithHowToGetANewLink(string path)
    {
        await using var factory = await StartAsync();
        var page = await new PageClient(factory.CreateClient()).OpenAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Response!.StatusCode);
        Assert.Contains("This link does not work", page.Text);
        Assert.Contains("ask a coordinator to send you a new link", page.Text);
        Assert.DoesNotContain("Exception", page.Html);
    }

    [Fact]
    public async Task Open_OneCharacterChanged_Is404()
    {
        await using var factory = await StartAsync();
        var path = PathOf(await factory.IssueLinkAsync(Amira));
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task EveryResponse_CarriesNoReferrerStrictCspAndNoSniff()
    {
        await using var factory = await StartAsync();
        var http = factory.CreateClient();
        foreach (var path in new[] { PathOf(await factory.IssueLinkAsync(Amira)), "/m/nothing" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp);
            Assert.Contains("form-action 'self'; frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.True(response.Headers.CacheControl?.NoStore);
        }
    }

    [Fact]
    public async Task IssueAsync_Again_ReturnsTheSameLink_AndInOneUnitOfWorkToo()
    {
        await using var factory = await StartAsync();
        var first = await factory.IssueLinkAsync(Amira);

        Assert.Equal(first, await factory.IssueLinkAsync(Amira));
        Assert.NotEqual(first, await factory.IssueLinkAsync("ben@hra.example.org"));
        Assert.Matches("^http://[^/]+/m/[A-Za-z0-9_-]{43}$", first);
    }

    [Fact]
    public async Task SignOn_ThroughTheForm_ShowsTheFieldErrorThenRecordsItAuditedViaEmailLink()
    {
        await using var factory = await StartAsync(kestrel: true); // a real connection, so the audit has an IP address
        var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0");
        var page = await new PageClient(http).OpenAsync(PathOf(await factory.IssueLinkAsync(Amira)));

        await page.SubmitAsync("Sign on");
        Assert.Contains("I confirm I am authorised to sign this memo on behalf of The Human Rights Advocates.", page.Text);
        await page.SubmitAsync("Sign on", new() { ["signatory_title"] = "Executive Director" });
        Assert.Contains("Please confirm you may sign, or ask someone who can.", page.Text);
        Assert.Contains("value=\"Executive Director\"", page.Html);
        Assert.Null(await factory.AnswerAsync());

        await page.SubmitAsync("Sign on", new() { ["signatory_title"] = "Executive Director", ["attest"] = "true" });
        Assert.Contains("Thank you: The Human Rights Advocates has signed M-1 as \"The Human Rights Advocates\".", page.Text);
        Assert.Contains("signed as \"The Human Rights Advocates\"", page.Text);
        var signed = Assert.Single(await factory.AuditAsync("signon."));
        Assert.Equal("e-mail link", signed.Via);
        Assert.Equal("127.0.0.1", signed.IpAddress);
        Assert.Equal("TestBrowser/1.0", signed.UserAgent);
        Assert.Equal(SignOnState.Signed, (await factory.AnswerAsync())!.State);
        Assert.Contains("e-mail link, IP 127.0.0.1, TestBrowser/1.0", await factory.AuditCertificateCsvAsync());
    }

    [Fact]
    public async Task DoubleSubmit_OfOneForm_IsOneEffect()
    {
        await using var factory = await StartAsync();
        var http = factory.CreateClient();
        var page = await new PageClient(http).OpenAsync(PathOf(await factory.IssueLinkAsync(Amira)));
        await page.SubmitAsync("Sign on");
        var (action, hidden) = page.FormWith("Sign on");
        var values = new Dictionary<string, string>(hidden) { ["signatory_title"] = "Director", ["attest"] = "true", ["display_name"] = "HRA", ["signatory_name"] = "Amira Haddad", ["category"] = "International" };

        await page.PostRawAsync(action, values);
        Assert.Contains("has signed M-1", page.Text);
        await page.PostRawAsync(action, values);

        Assert.Contains("That was already sent", page.Text);
        Assert.Single(await factory.AuditAsync("signon."));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndNothingSaved()
    {
        await using var factory = await StartAsync();
        var page = await new PageClient(factory.CreateClient()).OpenAsync(PathOf(await factory.IssueLinkAsync(Amira)));

        await page.SubmitAsync("Decline", withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Response!.StatusCode);
        Assert.Contains("This form could not be accepted", page.Text);
        Assert.Empty(await factory.AuditAsync("signon."));
    }

    [Fact]
    public async Task Post_AnotherMemosButton_IsRefused()
    {
        await using var factory = await StartAsync();
        var page = await new PageClient(factory.CreateClient()).OpenAsync(PathOf(await factory.IssueLinkAsync(Amira)));
        var (action, hidden) = page.FormWith("Decline");
        hidden["cb_action"] = "memo.new";

        await page.PostRawAsync(action, hidden);

        Assert.Equal(HttpStatusCode.BadRequest, page.Response!.StatusCode);
    }

    [Fact]
    public async Task Decline_Comment_Withdraw_GoThroughTheCore()
    {
        await using var factory = await StartAsync();
        var page = await new PageClient(factory.CreateClient()).OpenAsync(PathOf(await factory.IssueLinkAsync(Amira)));
        await page.SubmitAsync("Sign on");
        await page.SubmitAsync("Sign on", new() { ["signatory_title"] = "Director", ["attest"] = "true" });

        await page.SubmitAsync("Comment");
        await page.SubmitAsync("Send comment", new() { ["paragraph"] = "2", ["text"] = "Name the law in §2." });
        Assert.Contains("your comment #1 on M-1 (§2) is stored", page.Text);

        await page.SubmitAsync("Withdraw the signature", new() { ["reason"] = "Board\nsaid no" });
        Assert.Contains("signature on M-1 is withdrawn", page.Text);
        Assert.Equal("Board said no", (await factory.AnswerAsync())!.Reason);

        await page.SubmitAsync("Decline");
        await page.SubmitAsync("Decline", new() { ["reason"] = "Not our issue" });
        Assert.Contains("Noted: The Human Rights Advocates declines M-1.", page.Text);
        Assert.All(await factory.AuditAsync("signon."), e => Assert.Equal("e-mail link", e.Via));
    }

    [Fact]
    public async Task Open_RevokedLink_Is410_AndTheNextIssueIsANewWorkingLink()
    {
        await using var factory = await StartAsync();
        var url = await factory.IssueLinkAsync(Amira);
        var revoked = await Coordinator(factory).Says("partners revoke-link M-1 Amira Haddad");
        Assert.Contains("Amira Haddad's personal link to M-1 is revoked", WebUtility.HtmlDecode(revoked.Html));
        Assert.Single(await factory.AuditAsync("link.revoked"));

        var page = await new PageClient(factory.CreateClient()).OpenAsync(PathOf(url));
        Assert.Equal(HttpStatusCode.Gone, page.Response!.StatusCode);
        Assert.Contains("revoked this personal link", page.Text);
        Assert.Contains("To get a new link", page.Text);

        var fresh = await factory.IssueLinkAsync(Amira);
        Assert.NotEqual(url, fresh);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(PathOf(fresh))).StatusCode);
        Assert.Contains("no working personal link", (await Coordinator(factory).Says("partners revoke-link M-1 ben@hra.example.org")).Html);
    }

    [Fact]
    public async Task RevokeLink_ByAPartner_IsRefused()
    {
        await using var factory = await StartAsync();
        await factory.IssueLinkAsync(Amira);
        var sam = new WebChannel.WebClient(factory.CreateClient(), "sam@gpn.example.org", "Sam Lee");

        Assert.Contains("Only coordinators", (await sam.Says("partners revoke-link M-1 Amira Haddad")).Html);
    }

    [Fact]
    public async Task Open_AfterDeadlinePlusGrace_Is410_AndWithinGraceShowsTheLatePolicy()
    {
        await using var factory = await StartAsync(new() { ["Reminders:Enabled"] = "false" }); // the memo stays open past its deadline
        var path = PathOf(await factory.IssueLinkAsync(Amira));
        factory.Clock.Advance(TimeSpan.FromDays(10));

        var late = await new PageClient(factory.CreateClient()).OpenAsync(path);
        Assert.Equal(HttpStatusCode.OK, late.Response!.StatusCode);
        Assert.Contains("The deadline has passed. Sign-ons after the deadline are still accepted and marked late.", late.Text);

        factory.Clock.Advance(TimeSpan.FromDays(14));
        var expired = await new PageClient(factory.CreateClient()).OpenAsync(path);
        Assert.Equal(HttpStatusCode.Gone, expired.Response!.StatusCode);
        Assert.Contains("This link has expired", expired.Text);
        Assert.Contains("the memo's deadline plus the time it accepts late answers", expired.Text);
    }

    [Fact]
    public async Task Open_ClosedMemo_ShowsItsStateAndLatePolicy()
    {
        await using var factory = await StartAsync();
        var path = PathOf(await factory.IssueLinkAsync(Amira));
        await Coordinator(factory).Says("close M-1");

        var page = await new PageClient(factory.CreateClient()).OpenAsync(path);

        Assert.Contains("M-1 is closed. Sign-ons after the deadline are still accepted and marked late.", page.Text);
    }

    [Fact]
    public async Task ManyRequests_WithOneLink_AreRateLimited()
    {
        await using var factory = await StartAsync(new() { ["SignOnPage:PermitsPerLinkPerMinute"] = "3" });
        var http = factory.CreateClient();
        var path = PathOf(await factory.IssueLinkAsync(Amira));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
        }

        var refused = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(refused.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(PathOf(await factory.IssueLinkAsync("ben@hra.example.org")))).StatusCode);
    }
}
