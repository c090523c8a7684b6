using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Slack.Tests;

/// <summary>
/// A form opens in a modal after the ack, never before it: the ack keeps Slack's 3 s even when views.open is slow
/// (issue 12, "Every acknowledgement survives"), and a refused trigger is reported where the person is.
/// </summary>
public sealed class SlackModalAckTests
{
    [Fact]
    public async Task Commands_SlowViewsOpen_AckedBeforeSlackAnswersViewsOpen()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.SetLatency("views.open", TimeSpan.FromSeconds(3.5));

        // The clock stands still until views.open is called: the ack cannot have waited for its 3.5 s answer.
        var response = await host.SendCommandAsync("sign M-12").WaitAsync(TimeSpan.FromSeconds(10));
        await host.Slack.WaitUntilAsync(s => s.CountCalls("views.open") == 1);
        host.Time.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Null(Assert.Single(host.Slack.Calls, c => c.Method == "views.open").Error);
        Assert.Single(host.Slack.Views);
    }

    [Fact]
    public async Task Interactions_SignButtonWithSlowViewsOpen_AckedBeforeSlackAnswersViewsOpen()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.SetLatency("views.open", TimeSpan.FromSeconds(3.5));

        var response = await host.SendInteractionAsync(host.Slack.ButtonPress(ActionIds.Sign + "~0", "M-12", messageTs: "1700000000.000300"))
            .WaitAsync(TimeSpan.FromSeconds(10));
        await host.Slack.WaitUntilAsync(s => s.CountCalls("views.open") == 1);
        host.Time.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Equal(FormIds.SignOn, (string?)Assert.Single(host.Slack.Views).View["callback_id"]);
    }

    [Fact]
    public async Task Commands_ViewsOpenRefusedAfterTheAck_SaysSoThroughResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        var command = host.Slack.SlashCommand("sign M-12");
        command["trigger_id"] = "12345.T0SIM.never-issued";

        var response = await host.Slack.DeliverAsync(host.Url("slack/commands"), "application/x-www-form-urlencoded", SlackSimulator.FormEncode(command));
        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count == 1);

        Assert.Equal(string.Empty, response.Body);
        Assert.Contains(host.Slack.Calls, c => c.Method == "views.open" && c.Error == "invalid_trigger_id");
        Assert.Contains("did not let me open", host.Slack.ResponseUrlPosts[0].ToJsonString(), StringComparison.Ordinal);
    }
}
