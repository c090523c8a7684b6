using System.Text.RegularExpressions;
using Xunit;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>Long work started on the dashboard reports its steps over the page's live stream; the result still comes with the action's answer.</summary>
public sealed class DashboardProgressTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Compile_ReportsEachFileOverTheLiveStream_ThenTheSizes()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        using var events = await DashboardEvents.OpenAsync(client, "M-1");

        var (_, answer) = await client.ActAsync("M-1", new() { ["action"] = "compile" });
        var done = await events.ProgressAsync(t => t.StartsWith("Compiled M-1", StringComparison.Ordinal), Wait);

        Assert.Contains("/downloads/", answer);
        Assert.NotNull(done);
        Assert.Matches(@"^Compiled M-1: 8 of 8 files ready — HTML \d+ (bytes|KB) · Plain text .* · Audit certificate \(CSV\) \d+ (bytes|KB) · HTML, list only .* · Plain text, list only \d+ (bytes|KB)\.$", done);
        Assert.Equal("Compiling M-1: building the list…", events.Progress[0]);
        Assert.Contains("Compiling M-1: preparing files, 3 of 8 ready (now: Word: memo + list)…", events.Progress);
        Assert.DoesNotContain("preparing files", answer); // the page shows progress from the stream; the answer is the chat answer
    }

    [Fact]
    public async Task Compile_Refused_ClearsTheProgress()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        using var events = await DashboardEvents.OpenAsync(client, "M-1");

        var (_, answer) = await client.ActAsync("M-1", new() { ["action"] = "compile" }); // a draft: nobody could sign yet

        Assert.Contains("has not been circulated yet", answer);
        Assert.Equal("", await events.ProgressAsync(t => t.Length == 0, Wait));
    }

    [Fact]
    public async Task Circulate_FollowsTheMemoCardsUntilAllAreSent()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        using var events = await DashboardEvents.OpenAsync(client, "M-1");

        await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        var queued = await events.ProgressAsync(t => t.Contains(" of ", StringComparison.Ordinal), Wait);
        await factory.DeliverAsync();

        // The stream looks again every few seconds (on the test's clock) and whenever something arrives.
        string? settled = null;
        for (var i = 0; i < 10 && settled is null; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(5));
            settled = await events.ProgressAsync(t => t.StartsWith("Circulated", StringComparison.Ordinal), TimeSpan.FromSeconds(3));
        }

        Assert.Equal("Circulating M-1: queueing the memo for every contact…", events.Progress[0]);
        var total = Regex.Match(queued!, @"^Circulating M-1: 0 of (\d+) messages delivered…$").Groups[1].Value;
        Assert.NotEqual("", total);
        Assert.Equal($"Circulated M-1: {total} of {total} messages delivered.", settled);
    }
}
