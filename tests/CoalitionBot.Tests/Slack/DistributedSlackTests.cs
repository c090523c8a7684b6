using CoalitionBot.Storage;
using CoalitionBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>One deployment, installed with "Add to Slack" in several workspaces: each workspace's work runs on its own token.</summary>
public sealed class DistributedSlackTests
{
    private static readonly SimulatedUser Cora = new("UA0", "Cora Coordinator", "cora@coalition.org");
    private static readonly SimulatedUser Amira = new("UA1", "Amira Haddad", "amira@hra.org");
    private static readonly SimulatedUser Sam = new("UB1", "Sam Lee", "sam@gpn.org");
    private static readonly SimulatedUser Lucia = new("UC1", "Lucia Gomez", "lucia@fdh.org");

    [Fact]
    public async Task Circulate_PartnersInThreeWorkspaces_EachGetsTheirDmThroughTheirWorkspacesToken()
    {
        await using var host = await StartAsync();
        foreach (var (team, installer) in new[] { ("TA", Cora), ("TB", Sam), ("TC", Lucia) })
        {
            var (status, page) = await host.InstallAsync(team, installer.Id);
            Assert.Equal(200, status);
            Assert.Contains("CoalitionBot is installed", page);
        }

        var cora = new SlackUser(host, Cora, "TA");
        Assert.Contains("you are its coordinator", await cora.Says("setup Rights Before Arms"));
        foreach (var org in new[] { "The Human Rights Advocates", "Global Peace Network", "Fundación Derechos Humanos" })
        {
            Assert.Contains("Added", await cora.Says("partners add " + org));
        }

        await cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org");
        await cora.Says("partners link Fundación Derechos Humanos | Lucia Gomez | lucia@fdh.org");
        var partners = new[] { (new SlackUser(host, Amira, "TA"), "TA"), (new SlackUser(host, Sam, "TB"), "TB"), (new SlackUser(host, Lucia, "TC"), "TC") };
        foreach (var (partner, _) in partners)
        {
            Assert.DoesNotContain("I don't know you yet", await partner.Says("help")); // users.info with their workspace's token found their e-mail
        }

        Assert.Contains("Draft M-1", await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you."));
        Assert.Contains("3 messages queued", await cora.Says("circulate M-1"));
        Assert.Equal(3, await host.DeliverAsync());

        foreach (var (partner, team) in partners)
        {
            await partner.ReceivesAsync("Memo to the Secretary of State");
            var tokens = host.Simulator.Calls.Where(c => c.Method == "chat.postMessage" && c.Error is null
                && ((string?)c.Arguments["channel"] == partner.Id || (string?)c.Arguments["channel"] == partner.Channel)).Select(c => c.TeamId).Distinct();
            Assert.Equal(team, Assert.Single(tokens));
        }

        Assert.Empty(host.Problems());
        var stored = await ReadInstallationsAsync(host);
        Assert.Equal(["TA", "TB", "TC"], stored.Select(i => i.TeamId).Order());
        Assert.All(stored, i => Assert.DoesNotContain("xoxb-", i.ProtectedBotToken, StringComparison.Ordinal)); // encrypted at rest
    }

    [Fact]
    public async Task HomePage_Distributed_OffersAddToSlack()
    {
        await using var host = await StartAsync();
        var (status, page) = await host.BrowseAsync(new Uri(SlackHost.PublicBaseUrl + "/"));
        Assert.Equal(200, status);
        Assert.Contains("<a href=\"/slack/install\"", page);
        Assert.Contains("Add to Slack", page);
    }

    [Fact]
    public async Task Install_AuthorizeUrl_AsksForTheManifestsScopesAndOurRedirect()
    {
        await using var host = await StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var install = await browser.GetAsync(new Uri(host.Factory.ClientOptions.BaseAddress, "slack/install"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(install.Headers.Location!.Query);
        Assert.Equal(host.Simulator.ClientId, query["client_id"]);
        Assert.Equal(SlackHost.PublicBaseUrl + "/slack/oauth/callback", query["redirect_uri"]);
        Assert.Contains("users:read.email", query["scope"].ToString().Split(','));
        Assert.False(string.IsNullOrEmpty(query["state"]));
    }

    [Fact]
    public async Task Install_Denied_SaysSoAndStoresNothing()
    {
        await using var host = await StartAsync();
        var (status, page) = await host.InstallAsync("TB", Sam.Id, allow: false);
        Assert.Equal(400, status);
        Assert.Contains("cancelled", page);
        Assert.Empty(await ReadInstallationsAsync(host));
    }

    [Fact]
    public async Task Callback_StateUsedTwice_SecondIsRefused()
    {
        await using var host = await StartAsync();
        Uri? callback = null;
        var (first, _) = await host.InstallAsync("TB", Sam.Id, tamper: u => callback = u);
        Assert.Equal(200, first);
        var (second, page) = await host.BrowseAsync(callback!);
        Assert.Equal(400, second);
        Assert.Contains("already used", page);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("expired")]
    [InlineData("code")]
    public async Task Callback_BadStateOrCode_ClearPageNothingStored(string what)
    {
        await using var host = await StartAsync();
        var (status, page) = await host.InstallAsync("TB", Sam.Id, tamper: u =>
        {
            if (what == "expired")
            {
                host.Clock.Advance(TimeSpan.FromMinutes(11));
                return u;
            }

            return new Uri(what == "state" ? u.ToString().Replace("state=", "state=x", StringComparison.Ordinal) : u.ToString().Replace("code=TB.", "code=TB.0", StringComparison.Ordinal));
        });
        Assert.Equal(what == "code" ? 502 : 400, status);
        Assert.Contains(what == "code" ? "invalid_code" : "older than 10 minutes", page);
        Assert.Empty(await ReadInstallationsAsync(host));
    }

    [Fact]
    public async Task TokenRotation_TokenNearExpiry_RefreshedBeforeTheCall()
    {
        await using var host = await StartAsync(s => s.TokenRotation = true);
        await host.InstallAsync("TB", Sam.Id);
        var first = host.Simulator.Workspaces["TB"].BotToken;
        host.Clock.Advance(TimeSpan.FromHours(11.9));

        await new SlackUser(host, Sam, "TB").Says("help"); // users.info needs a token: the old one is about to expire

        Assert.NotEqual(first, host.Simulator.Workspaces["TB"].BotToken);
        Assert.Contains(host.Simulator.Calls, c => c.Method == "oauth.v2.access" && (string?)c.Arguments["grant_type"] == "refresh_token" && c.Error is null);
        Assert.DoesNotContain(host.Simulator.Calls, c => c.Error is "token_expired");
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Uninstalled_Event_DeactivatesThatWorkspaceOnly(string eventType)
    {
        await using var host = await StartAsync();
        await host.InstallAsync("TB", Sam.Id);
        await host.InstallAsync("TC", Lucia.Id);
        host.Simulator.Revoke("TB");

        await host.EventAsync(host.Simulator.EventCallback(new() { ["type"] = eventType, ["event_ts"] = "1.2" }, teamId: "TB"));
        await SlackWorkDoneAsync(host);

        var stored = await ReadInstallationsAsync(host);
        Assert.NotNull(Assert.Single(stored, i => i.TeamId == "TB").DeactivatedAt);
        Assert.Null(Assert.Single(stored, i => i.TeamId == "TC").DeactivatedAt);
    }

    /// <summary>
    /// Returns once the Slack work queue has finished what was queued before: one marker per worker, each holding its
    /// worker until all have started, so every worker is past its earlier items (the queue is first in, first out).
    /// </summary>
    private static async Task SlackWorkDoneAsync(SlackHost host)
    {
        var queue = host.Factory.Services.GetRequiredService<CoalitionBot.Core.Receiving.WorkQueues>()[CoalitionBot.Core.Conversation.Platform.Slack];
        var started = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < queue.Workers; i++)
        {
            Assert.True(queue.TryEnqueue(async _ =>
            {
                if (Interlocked.Increment(ref started) == queue.Workers)
                {
                    all.TrySetResult();
                }

                await all.Task;
            }));
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Task<SlackHost> StartAsync(Action<SlackSimulator>? more = null) => SlackHost.StartDistributedAsync(s =>
    {
        s.AddWorkspace("TA", "Coalition HQ", Cora, Amira);
        s.AddWorkspace("TB", "Global Peace Network", Sam);
        s.AddWorkspace("TC", "Fundación Derechos Humanos", Lucia);
        more?.Invoke(s);
    });

    private static async Task<List<Storage.Installations.SlackInstallation>> ReadInstallationsAsync(SlackHost host)
    {
        using var scope = host.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().SlackInstallations.AsNoTracking().ToListAsync();
    }
}
