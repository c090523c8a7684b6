using System.Net;
using CoalitionBot.Storage;
using CoalitionBot.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>
/// Who gets in: a coordinator with a fresh link, once. Without a valid session every page and action answers 403
/// with a "sign in from chat" page (no redirects), including for a session whose person is no longer a coordinator.
/// </summary>
public sealed class DashboardAccessTests
{
    public static TheoryData<string, string> EveryPageAndAction()
    {
        var data = new TheoryData<string, string>
        {
            { "GET", "/dashboard" },
            { "GET", "/dashboard/memos/M-1" },
            { "GET", "/dashboard/memos/M-1?answer=none" },
            { "GET", "/dashboard/memos/M-1/board" },
            { "GET", "/dashboard/memos/M-1/events" },
            { "POST", "/dashboard/sign-out" },
        };
        foreach (var action in new[] { "nudge", "close", "reopen", "circulate", "approve", "compile", "reply", "resolve" })
        {
            data.Add("POST " + action, "/dashboard/memos/M-1/act");
        }

        return data;
    }

    [Fact]
    public async Task SignIn_FreshLink_OpensTheMemoList()
    {
        await using var factory = Demo();
        var client = DashboardClient.For(factory);

        var response = await client.SignInAsync(await DashboardClient.LinkAsync(factory));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cb_dashboard=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var (status, html) = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("M-1: Memo to the Secretary of State", html);
        Assert.Contains("Playground: you signed in from the local web channel", html);
    }

    [Fact]
    public async Task SignIn_LinkUsedBefore_IsRefused()
    {
        await using var factory = Demo();
        var link = await DashboardClient.LinkAsync(factory);
        await DashboardClient.For(factory).SignInAsync(link);

        var again = await DashboardClient.For(factory).SignInAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_LinkOlderThanTenMinutes_IsRefused()
    {
        await using var factory = Demo();
        var link = await DashboardClient.LinkAsync(factory);
        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var response = await DashboardClient.For(factory).SignInAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        await using var factory = Demo();
        var link = await DashboardClient.LinkAsync(factory);

        var response = await DashboardClient.For(factory).PostAsync("/dashboard/sign-in", new() { ["token"] = link[(link.LastIndexOf('/') + 1)..] }, antiforgery: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardClient.For(factory).SignInAsync(link)).StatusCode); // the link was not used up
    }

    [Fact]
    public async Task Dashboard_AskedByAPartner_IsRefusedInChat()
    {
        await using var factory = Demo();

        var reply = await new CoalitionBot.Tests.WebChannel.WebClient(factory.CreateClient(), "amira@hra.example.org", "Amira Haddad").Says("dashboard");

        Assert.Contains("Only coordinators", reply.Html);
        Assert.DoesNotContain("/dashboard/sign-in/", reply.Html);
    }

    [Theory]
    [MemberData(nameof(EveryPageAndAction))]
    public async Task EveryPageAndAction_WithoutASession_Is403(string method, string path)
    {
        await using var factory = Demo();
        await AssertRefusedAsync(DashboardClient.For(factory), method, path);
    }

    [Theory]
    [MemberData(nameof(EveryPageAndAction))]
    public async Task EveryPageAndAction_SessionOlderThanTwelveHours_Is403(string method, string path)
    {
        await using var factory = Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        factory.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        await AssertRefusedAsync(client, method, path);
    }

    /// <summary>A partner's session: the person behind it is (no longer) a coordinator. Refused at once, without signing out.</summary>
    [Theory]
    [MemberData(nameof(EveryPageAndAction))]
    public async Task EveryPageAndAction_SessionOfSomeoneNoLongerCoordinator_Is403(string method, string path)
    {
        await using var factory = Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).Status);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            await db.Contacts.Where(c => c.Email == DemoCoalition.CoordinatorEmail).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCoordinator, false));
        }

        await AssertRefusedAsync(client, method, path);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var factory = Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        var (_, page) = await client.GetAsync("/dashboard");

        var response = await client.PostAsync("/dashboard/sign-out", [], DashboardClient.Token(page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Action_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        await using var factory = Demo();
        var client = await DashboardClient.SignedInAsync(factory);

        var response = await client.PostAsync("/dashboard/memos/M-1/act", new() { ["action"] = "circulate", ["nonce"] = Guid.NewGuid().ToString("N") }, antiforgery: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Status</dt><dd>Draft", (await client.GetAsync("/dashboard/memos/M-1")).Html);
    }

    internal static BotFactory Demo() => new(new() { ["WebChannel:Demo"] = "true" });

    private static async Task AssertRefusedAsync(DashboardClient client, string method, string path)
    {
        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        }
        else
        {
            var action = method.Split(' ').ElementAtOrDefault(1) ?? "";
            response = await client.PostAsync(path, new() { ["action"] = action, ["organisation"] = "Global Peace Network", ["comment"] = "1", ["text"] = "hi" }, antiforgery: null);
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Sign in from chat", await response.Content.ReadAsStringAsync());
    }
}
