using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>The status reply's Dashboard button in Slack: rendered as a Block Kit button, and pressing it in the DM answers with the one-time link.</summary>
public sealed class SlackDashboardButtonTests
{
    [Fact]
    public async Task StatusInTheDm_DashboardButton_AnswersWithTheSignInLink()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        await cora.Says("setup Rights Before Arms");
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you to act.");

        var status = await cora.SaysRaw("status M-1");
        var button = Assert.Single(SlackBlocks.Buttons(status["blocks"]), b => (string?)b["text"]?["text"] == "Dashboard");
        var ack = await host.InteractAsync(host.Simulator.ButtonPress((string)button["action_id"]!, (string)button["value"]!, "1700000000.000100", cora.Id, cora.Channel));
        await host.Simulator.WaitUntilAsync(s => s.ResponseUrlPosts.Any(p => p.ToJsonString().Contains("/dashboard/sign-in/", StringComparison.Ordinal)));

        Assert.Null(ack); // block_actions are acked empty; the answer goes to the response_url
        var answer = host.Simulator.ResponseUrlPosts.Single(p => p.ToJsonString().Contains("/dashboard/sign-in/", StringComparison.Ordinal));
        Assert.Contains("Your dashboard link works once", SlackBlocks.Text(answer["blocks"]));
        Assert.Contains("Open the dashboard", SlackBlocks.ButtonLabels(answer["blocks"]));
        Assert.Empty(host.Problems());
    }
}
