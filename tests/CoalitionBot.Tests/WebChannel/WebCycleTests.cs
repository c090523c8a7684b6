using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Core.Messages;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.WebChannel;

public sealed class WebCycleTests
{
    private const string Text = "We urge you to attach human rights conditions.\n\n**First**, vet every unit.\n\n**Second**, monitor end use.";

    [Fact]
    public async Task WholeCycle_OverHttp_CompilesExactlyTheRightList()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        var cora = new WebClient(http, "cora@coalition.org", "Cora Coordinator");
        var amira = new WebClient(http, "amira@hra.org", "Amira Haddad");
        var ben = new WebClient(http, "ben@hra.org", "Ben Okafor");
        var sam = new WebClient(http, "sam@gpn.org", "Sam Lee");
        var lucia = new WebClient(http, "lucia@fdh.org", "Lucía Gómez");
        var tom = new WebClient(http, "tom@rra.org", "Tom Rivers");
        var dana = new WebClient(http, "dana@cfa.org", "Dana Park");

        Assert.Contains("you are its coordinator", (await cora.Says("setup Rights Before Arms")).Html);
        foreach (var org in new[]
        {
            "The Human Rights Advocates | International | UK", "Global Peace Network | International | CH", "Fundación Derechos Humanos | National | MX",
            "Riverside Refugee Aid | Local | US", "Citizens for Accountability | National | US",
        })
        {
            Assert.Contains("Added", (await cora.Says("partners add " + org)).Html);
        }

        foreach (var link in new[]
        {
            "The Human Rights Advocates | Amira Haddad | amira@hra.org", "The Human Rights Advocates | Ben Okafor | ben@hra.org",
            "Global Peace Network | Sam Lee | sam@gpn.org", "Fundación Derechos Humanos | Lucía Gómez | lucia@fdh.org",
            "Riverside Refugee Aid | Tom Rivers | tom@rra.org", "Citizens for Accountability | Dana Park | dana@cfa.org",
        })
        {
            await cora.Says("partners link " + link);
        }

        foreach (var partner in new[] { amira, ben, sam, lucia, tom, dana })
        {
            await partner.Says("help");
        }

        var created = await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + Text);
        Assert.Contains("Draft M-1", created.Html);
        Assert.Contains("6 messages queued", (await cora.Says("circulate M-1")).Html);
        Assert.Equal(6, await factory.DeliverAsync());
        Assert.Contains("Sign on", Assert.Single(await amira.InboxAsync()));

        // Three organisations sign, one of them from two contacts.
        var form = await amira.Presses(ActionIds.Sign, "M-1");
        Assert.Equal("form", form.Kind);
        Assert.Contains("I confirm I am authorised to sign this memo on behalf of The Human Rights Advocates", form.Html);
        Assert.Contains("has signed M-1", (await amira.Submits("signon", "M-1", Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International"))).Html);
        Assert.Contains("already signed", (await ben.Presses(ActionIds.Sign, "M-1")).Html);
        await ben.Submits("signon", "M-1", Fields("The Human Rights Advocates", "Ben Okafor", "Deputy Director", "International"));
        await sam.Submits("signon", "M-1", Fields("Global Peace Network", "Sam Lee", "Coordinator", "International"));
        await tom.Submits("signon", "M-1", Fields("Riverside Refugee Aid", "Tom Rivers", "Chair", "Local"));

        // One declines, one comments on §2.
        Assert.Contains("declines M-1", (await lucia.Says("decline M-1 Our board has not met")).Html);
        Assert.Contains("(§2)", (await dana.Says("comment M-1 §2 Please name the vetting law")).Html);

        var status = (await cora.Says("status M-1")).Html;
        Assert.Contains("<dt>Signed</dt><dd>3</dd>", status);
        Assert.Contains("<dt>Declined</dt><dd>1</dd>", status);
        Assert.Contains("<dt>No answer</dt><dd>1</dd>", status);
        Assert.Contains("• Citizens for Accountability", status);

        // A substantive version marks the signers for re-confirmation; Sam re-confirms.
        Assert.Contains("3 signers are asked to re-confirm", (await cora.Says("publish M-1 substantive\n" + Text + "\n\n**Third**, consult civil society.")).Html);
        await factory.DeliverAsync();
        Assert.Contains("please re-confirm", (await amira.InboxAsync()).Last());
        await sam.Submits("signon", "M-1", Fields("Global Peace Network", "Sam Lee", "Coordinator", "International"));
        Assert.Contains("<dt>Needs re-confirmation</dt><dd>2</dd>", (await cora.Says("status M-1")).Html);

        Assert.Contains("is closed", (await cora.Says("close M-1")).Html);
        Assert.Contains("This is the list as it would be made final", (await cora.Says("compile M-1")).Html);
        var compiled = (await cora.Says("compile M-1 final")).Html;
        Assert.Contains("now final", compiled);
        var list = Normalise(compiled);
        Assert.Equal(
            "<h1>Memo to the Secretary of State</h1>\n<p>To: The Secretary of State<br />\nDate: 2 November 2026</p>\n<h2>Signatories (1)</h2>\n"
            + "<h3>International</h3>\n<ul>\n<li>Global Peace Network</li>\n</ul>\n"
            + "<h2>Signed an earlier version, not yet re-confirmed (2)</h2>\n<ul>\n<li>The Human Rights Advocates</li>\n<li>Riverside Refugee Aid</li>\n</ul>\n",
            list);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(compiled, "<a class=\"cb-button\" href=\"http://[^\"]+/downloads/[A-Za-z0-9_.-]+\"").Count);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        Assert.Equal(4, await db.SignOns.CountAsync());
        Assert.Equal(Core.Domain.MemoStatus.Final, (await db.Memos.SingleAsync()).Status);
    }

    [Fact]
    public async Task Health_And_Readiness_Answer()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var ready = await http.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Page_SaysItIsAPlayground()
    {
        await using var factory = new BotFactory();
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("identities are not verified", html);
    }

    [Fact]
    public async Task Send_WithoutAnIdentity_IsRefusedClearly()
    {
        await using var factory = new BotFactory();
        var response = await factory.CreateClient().PostAsJsonAsync("/web/api/send", new { text = "help" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose who you are first", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HostileNames_AreEscapedInHtml()
    {
        await using var factory = new BotFactory();
        var cora = new WebClient(factory.CreateClient(), "cora@coalition.org", "<script>alert(1)</script>");
        await cora.Says("setup <img src=x onerror=alert(1)>");
        var reply = await cora.Says("partners add <script>alert(1)</script> | National");
        Assert.DoesNotContain("<script>", reply.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", reply.Html);
    }

    [Fact]
    public async Task MemoLinks_WithUnsafeSchemes_AreNeverRenderedAsLinks()
    {
        await using var factory = new BotFactory();
        var cora = new WebClient(factory.CreateClient(), "cora@coalition.org", "Cora");
        await cora.Says("setup");
        await cora.Says("new Links | X | 2026-12-20 17:00\nAutolink <javascript:alert(1)> and [inline](javascript:alert(2)) and <https://example.org/ok>.");
        var card = (await cora.Says("show M-1")).Html;
        Assert.DoesNotContain("href=\"javascript:", card, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org/ok\"", card);
    }

    [Fact]
    public async Task RelayedRequests_AreRefused_EvenFromLoopback()
    {
        await using var factory = new BotFactory();
        var request = new HttpRequestMessage(HttpMethod.Post, "/web/api/send") { Content = JsonContent.Create(new { email = "cora@coalition.org", text = "setup" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DemoCoalition_LoadsIntoAnEmptyDatabase()
    {
        await using var factory = new BotFactory(new() { ["WebChannel:Demo"] = "true" });
        var people = await factory.CreateClient().GetFromJsonAsync<List<JsonElement>>("/web/api/people");
        Assert.Equal(7, people!.Count);
        var cora = new WebClient(factory.CreateClient(), "cora@coalition.example.org", "Cora");
        Assert.Contains("M-1: Memo to the Secretary of State", (await cora.Says("list")).Html);
    }

    private static Dictionary<string, string?> Fields(string displayName, string signatory, string title, string category) => new()
    {
        ["display_name"] = displayName, ["signatory_name"] = signatory, ["signatory_title"] = title, ["category"] = category, ["attest"] = "true",
    };

    /// <summary>The compiled list's HTML without the memo renderer's wrappers, up to where the download links start.</summary>
    private static string Normalise(string html)
    {
        var list = html[html.IndexOf("<h1>", StringComparison.Ordinal)..html.IndexOf("<p>Download links", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Replace(list, "</?(div|article)[^>]*>\n?", "");
    }
}
