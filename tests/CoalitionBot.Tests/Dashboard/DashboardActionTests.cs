using System.Diagnostics;
using System.Net;
using CoalitionBot.Core.Domain;
using CoalitionBot.Documents;
using CoalitionBot.Storage;
using CoalitionBot.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using Chat = CoalitionBot.Tests.WebChannel.WebClient;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>Dashboard actions are the chat commands, sent as the signed-in coordinator: same effect, same audit, same answers.</summary>
public sealed class DashboardActionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Circulate_AndNudge_RunTheChatCommandsAsTheCoordinator_AndAreAudited()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);

        var (_, circulated) = await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        var (_, nudged) = await client.ActAsync("M-1", new() { ["action"] = "nudge", ["organisations"] = "Global Peace Network" });

        Assert.Contains("M-1 is open", circulated);
        Assert.Contains("Nudged", nudged);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var cora = await db.Contacts.SingleAsync(c => c.Email == DemoCoalition.CoordinatorEmail);
        var actions = await db.AuditEvents.Where(a => a.ActorId == cora.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains("memo.opened", actions);
        Assert.Contains("memo.nudged", actions);
    }

    [Fact]
    public async Task SameFormSentTwice_TakesEffectOnce()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        var nonce = Guid.NewGuid().ToString("N");

        await client.ActAsync("M-1", new() { ["action"] = "circulate", ["nonce"] = nonce });
        var (_, again) = await client.ActAsync("M-1", new() { ["action"] = "circulate", ["nonce"] = nonce });

        Assert.Contains("already sent", again);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().AuditEvents.CountAsync(a => a.Action == "memo.opened"));
    }

    [Fact]
    public async Task CloseCompileReopen_AnswerLikeChat_WithSignedDownloadLinks()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });

        var (_, closed) = await client.ActAsync("M-1", new() { ["action"] = "close" });
        var (_, preview) = await client.ActAsync("M-1", new() { ["action"] = "compile", ["late"] = "mark", ["unconfirmed"] = "exclude", ["countries"] = "true" });
        var (_, compiled) = await client.ActAsync("M-1", new() { ["action"] = "compile", ["late"] = "mark", ["unconfirmed"] = "exclude", ["countries"] = "true", ["final"] = "true" });
        var (_, reopened) = await client.ActAsync("M-1", new() { ["action"] = "reopen" });

        Assert.Contains("closed", closed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("This is the list as it would be made final", preview);
        Assert.Contains("now final", compiled);
        Assert.Contains("/downloads/", compiled);
        Assert.DoesNotContain("data-action-id", compiled); // chat buttons mean nothing here; links do
        Assert.Contains("is open again", reopened);
        var download = System.Text.RegularExpressions.Regex.Match(compiled, "href=\"[^\"]*(/downloads/[^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(WebUtility.HtmlDecode(download))).StatusCode);
    }

    [Fact]
    public async Task ReplyAndResolve_OnAPartnersComment_ShowOnTheBoard()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        await new Chat(factory.CreateClient(), "sam@gpn.example.org", "Sam Lee").Says("comment M-1 §2 Please name the vetting law.");

        await client.ActAsync("M-1", new() { ["action"] = "reply", ["comment"] = "1", ["text"] = "Good point, we will." });
        await client.ActAsync("M-1", new() { ["action"] = "resolve", ["comment"] = "1" });

        var (_, board) = await client.GetAsync("/dashboard/memos/M-1/board", fragment: true);
        Assert.Contains("§2", board);
        Assert.Contains("Please name the vetting law.", board);
        Assert.Contains("Good point, we will.", board);
        Assert.Contains("<strong>resolved</strong>", board);
    }

    [Fact]
    public async Task Board_ShowsAnswersInTheFinalListsOrder_AndFilters()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        await new Chat(factory.CreateClient(), "tom@rra.example.org", "Tom Rivers").Says("decline M-1 Not our focus this year");

        var (_, all) = await client.GetAsync("/dashboard/memos/M-1");
        var (_, declined) = await client.GetAsync("/dashboard/memos/M-1?answer=declined");

        // International before National before Local (the coalition's order); "The Human Rights Advocates" sorts under H.
        Assert.True(all.IndexOf("Global Peace Network", StringComparison.Ordinal) < all.IndexOf("The Human Rights Advocates", StringComparison.Ordinal));
        Assert.True(all.IndexOf("The Human Rights Advocates", StringComparison.Ordinal) < all.IndexOf("Citizens for Accountability", StringComparison.Ordinal));
        Assert.True(all.IndexOf("Fundación Derechos Humanos", StringComparison.Ordinal) < all.IndexOf("Riverside Refugee Aid", StringComparison.Ordinal));
        Assert.Contains("reason: Not our focus this year", declined);
        Assert.DoesNotContain("Global Peace Network", declined);
        Assert.Contains("Declined (1)", declined);
    }

    [Fact]
    public async Task MemoPage_With500Organisations_RendersInUnderASecond()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await SeedAsync(factory, 495);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        await client.GetAsync("/dashboard/memos/M-1"); // warm up: the first request compiles the queries

        var watch = Stopwatch.StartNew();
        var (status, html) = await client.GetAsync("/dashboard/memos/M-1");
        watch.Stop();

        output.WriteLine($"500 organisations: {watch.ElapsedMilliseconds} ms, {html.Length / 1024} KiB");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("All (500)", html);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.ElapsedMilliseconds} ms");
    }

    private static async Task SeedAsync(BotFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var coalition = await db.Coalitions.SingleAsync();
        for (var i = 0; i < count; i++)
        {
            var name = $"Partner Organisation {i:D3}";
            var org = new Organisation { CoalitionId = coalition.Id, Name = name, SortName = SortNames.Derive(name), Category = coalition.Categories[i % coalition.Categories.Count], CreatedAt = factory.Clock.GetUtcNow() };
            db.Organisations.Add(org);
            db.Contacts.Add(new Contact { CoalitionId = coalition.Id, OrganisationId = org.Id, Name = $"Contact {i}", Email = $"c{i}@p{i}.example.org", CreatedAt = factory.Clock.GetUtcNow() });
        }

        await db.SaveChangesAsync();
    }
}
