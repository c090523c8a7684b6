using System.Net;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Dashboard;
using CoalitionBot.Tests.SignOnPage;
using WebClient = CoalitionBot.Tests.WebChannel.WebClient;
using CoalitionBot.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Coalitions;

/// <summary>
/// Isolation on the web surfaces: the demo coalition (Alpha, the first) and Beta, started in chat by Cora, both with a
/// memo M-1; Alpha also has M-2. Bea coordinates Beta only. Her dashboard, its actions, download links and a partner's
/// personal link each stay inside their own coalition.
/// </summary>
public sealed partial class HostIsolationTests
{
    private const string AlphaTitle = "Memo to the Secretary of State";
    private const string Secret = "ALPHA-SECRET-7731";
    private const string BeaEmail = "bea@beta.example.org";

    [Fact]
    public async Task Dashboard_OfAnotherCoalitionsCoordinator_ShowsAndChangesNothingOfAlpha()
    {
        await using var factory = await StartAsync();
        var bea = DashboardClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await bea.SignInAsync(await DashboardClient.LinkAsync(factory, BeaEmail, "Bea Beta"))).StatusCode);

        foreach (var path in new[] { "/dashboard", "/dashboard/memos/M-1", "/dashboard/memos/M-1/board", "/dashboard/memos/M-2", "/dashboard/memos/M-2/board", "/dashboard/memos/M-2?answer=none" })
        {
            var (_, html) = await bea.GetAsync(path);
            Assert.DoesNotContain(AlphaTitle, html);
            Assert.DoesNotContain(Secret, html);
        }

        Assert.Contains("Beta water memo", (await bea.GetAsync("/dashboard")).Html);
        foreach (var action in new[] { "close", "circulate", "compile" })
        {
            var (_, html) = await bea.ActAsync("M-2", new() { ["action"] = action });
            Assert.DoesNotContain(Secret, html);
        }

        await bea.ActAsync("M-1", new() { ["action"] = "circulate" }); // Beta's M-1
        Assert.Equal(MemoStatus.Draft, (await MemoAsync(factory, "Rights Before Arms Coalition", 1)).Status);
        Assert.Equal(MemoStatus.Draft, (await MemoAsync(factory, "Rights Before Arms Coalition", 2)).Status);
        Assert.Equal(MemoStatus.Open, (await MemoAsync(factory, "Water For All", 1)).Status);
    }

    [Fact]
    public async Task DownloadLinks_ForTheSameCode_EachServeTheirOwnCoalitionsMemo()
    {
        await using var factory = await StartAsync();
        var http = factory.CreateClient();
        var cora = SignOnPageHost.Coordinator(factory);
        var bea = new WebClient(http, BeaEmail, "Bea Beta");
        await cora.Says("circulate M-1");
        await bea.Says("circulate M-1");

        var alpha = await http.GetStringAsync(HtmlListLink((await cora.Says("compile M-1")).Html));
        var beta = await http.GetStringAsync(HtmlListLink((await bea.Says("compile M-1")).Html));

        Assert.Contains(AlphaTitle, alpha);
        Assert.DoesNotContain("Beta water memo", alpha);
        Assert.Contains("Beta water memo", beta);
        Assert.DoesNotContain(AlphaTitle, beta);
    }

    [Fact]
    public async Task PersonalLink_AnswersOnlyItsOwnCoalitionsMemo_EvenWithAForgedStamp()
    {
        await using var factory = await StartAsync();
        await SignOnPageHost.Coordinator(factory).Says("circulate M-1");
        var beta = await MemoAsync(factory, "Water For All", 1);
        var page = await new PageClient(factory.CreateClient()).OpenAsync(SignOnPageHost.PathOf(await factory.IssueLinkAsync(SignOnPageHost.Amira)));
        Assert.Contains(AlphaTitle, page.Text);
        Assert.DoesNotContain("Beta water memo", page.Text);

        var (action, hidden) = page.FormWith("Decline");
        hidden["cb_value"] = $"M-1~{beta.CoalitionId:N}";
        await page.PostRawAsync(action, hidden);

        Assert.DoesNotContain("Beta water memo", page.Text);
        Assert.Equal(0, await QueryAsync(factory, db => db.SignOns.CountAsync(s => s.MemoId == beta.Id)));
    }

    [Fact]
    public async Task LiveStream_OfAnotherCoalitionsCoordinator_MissesAlphasChanges_AndSeesItsOwn()
    {
        await using var factory = await StartAsync();
        var bea = DashboardClient.For(factory);
        await bea.SignInAsync(await DashboardClient.LinkAsync(factory, BeaEmail, "Bea Beta"));
        using var response = await bea.Http.GetAsync("/dashboard/memos/M-1/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": still here", await NextLookAsync(factory, stream)); // the first look: Beta's draft M-1

        // Alpha's M-1 (same code) opens and is circulated: Bea's stream of Beta's M-1 must not hear of it.
        Assert.Contains("queued", (await SignOnPageHost.Coordinator(factory).Says("circulate M-1")).Html);
        Assert.Equal(": still here", await NextLookAsync(factory, stream));
        Assert.Equal(": still here", await NextLookAsync(factory, stream));

        // Her own memo changes: the same stream says so (the test can fail).
        await bea.ActAsync("M-1", new() { ["action"] = "circulate" });
        string? look = null;
        for (var i = 0; i < 5 && look != "event: changed"; i++)
        {
            look = await NextLookAsync(factory, stream);
        }

        Assert.Equal("event: changed", look);
    }

    /// <summary>Moves the clock past the stream's next look and reads what that look wrote: a change, or "still here".</summary>
    private static async Task<string> NextLookAsync(BotFactory factory, StreamReader stream)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(5)); // the stream looks every 5 seconds (LiveEndpoint.CheckEvery)
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                while (await stream.ReadLineAsync(wait.Token) is { } line)
                {
                    if (line is ": still here" or "event: changed" or "event: signedout")
                    {
                        return line;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // the stream was not waiting on the clock yet: move it again
            }
        }

        throw new InvalidOperationException("The live stream wrote nothing.");
    }

    /// <summary>The demo (Alpha) with M-2 added; Beta started by Cora with Bea as coordinator and its draft M-1; Cora back on Alpha.</summary>
    private static async Task<BotFactory> StartAsync()
    {
        var factory = new BotFactory(new() { ["WebChannel:Demo"] = "true" });
        var cora = SignOnPageHost.Coordinator(factory);
        await cora.Says($"new {Secret} | The Minister | 2026-11-25 17:00\nSecret text {Secret}.");
        await cora.Says("setup Water For All");
        await cora.Says($"coordinators add Bea Beta | {BeaEmail}");
        await cora.Says("new Beta water memo | The Mayor | 2026-11-22 17:00\nClean water for every district.");
        await cora.Says("coalition use Rights Before Arms Coalition");
        await new WebClient(factory.CreateClient(), BeaEmail, "Bea Beta").Says("help");
        return factory;
    }

    private static Task<Memo> MemoAsync(BotFactory factory, string coalition, int number) =>
        QueryAsync(factory, db => db.Memos.SingleAsync(m => m.Number == number && db.Coalitions.Any(c => c.Id == m.CoalitionId && c.Name == coalition)));

    private static async Task<T> QueryAsync<T>(BotFactory factory, Func<CoalitionDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }

    private static string HtmlListLink(string html) =>
        new Uri(WebUtility.HtmlDecode(ListLinkPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No list link in: " + html))).PathAndQuery;

    [GeneratedRegex("<a class=\"cb-button\" href=\"([^\"]+)\"[^>]*>[^<]*HTML[^<]*</a>")]
    private static partial Regex ListLinkPattern();
}
