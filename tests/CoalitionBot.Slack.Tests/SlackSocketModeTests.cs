using System.Text.Json.Nodes;
using CoalitionBot.Slack.Hosting;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackSocketModeTests
{
    [Fact]
    public async Task SlashCommand_MemoHelp_ReplyTravelsInTheAck()
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);

        var ack = await host.Slack.SendEnvelopeAsync("slash_commands", host.Slack.SlashCommand("help"));

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("/memo sign M-12", ack.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.ValidateMessage(ack["blocks"], (string?)ack["text"]));
        Assert.Equal("help", Assert.IsType<Core.Conversation.CommandText>(Assert.Single(host.Handler.Received).Content).Text);
    }

    [Fact]
    public async Task Events_SocketDroppedMidEnvelope_RedeliveredEnvelopeHandledOnce()
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);
        var envelope = host.Slack.EventCallback(host.Slack.DirectMessage("help"));

        // The first copy dies with its socket; the bot reconnects and Slack redelivers the same event_id.
        var ack = await host.Slack.SendEnvelopeAsync("events_api", envelope, dropAfterSend: true);
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.Channel == "DU1"));

        Assert.Empty(ack);
        Assert.True(host.Slack.ConnectionsOpened >= 2);
        Assert.Single(host.Handler.Received);
        Assert.Single(host.Slack.Messages, m => m.Channel == "DU1");
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task Disconnect_WarningOrRefresh_OpensTheNewSocketBeforeClosingTheOld(string reason)
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);

        await host.Slack.SendDisconnectAsync(reason);
        await host.Slack.WaitUntilAsync(s => s.ConnectionsOpened == 2 && s.OpenSockets == 1);
        var ack = await host.Slack.SendEnvelopeAsync("slash_commands", host.Slack.SlashCommand("help"));

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Equal(2, host.Slack.ConnectionsOpened);
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task Disconnect_SlowHandlerDuringRefresh_StillAcksOnTheOldSocket(string reason)
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);
        var old = host.Slack.NewestConnection;
        var release = new TaskCompletionSource();
        host.Handler.Gate = release.Task;
        var slow = host.Slack.SendEnvelopeAsync("slash_commands", host.Slack.SlashCommand("help"));
        await host.Handler.WaitForAsync(r => r.Count == 1);

        await host.Slack.SendDisconnectAsync(reason);
        await host.Slack.WaitUntilAsync(s => s.ConnectionsOpened == 2);
        var onNew = await host.Slack.SendEnvelopeAsync("events_api", host.Slack.EventCallback(host.Slack.DirectMessage("list")));
        var lateOnOld = await host.Slack.SendEnvelopeAsync("events_api", host.Slack.EventCallback(host.Slack.DirectMessage("help")), connection: old);
        release.SetResult();
        var ack = await slow;
        await host.Slack.WaitUntilAsync(s => !s.IsOpen(old));

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("CoalitionBot commands", ack.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(onNew);
        Assert.Empty(lateOnOld);
        Assert.Equal(2, host.Slack.AcksOn(old));
        Assert.Equal(2, host.Slack.ConnectionsOpened);
    }

    [Fact]
    public async Task Events_SameEventOverHttpAndSocket_HandledOnceBecauseBothPathsShareThePipeline()
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: true);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);
        var envelope = host.Slack.EventCallback(host.Slack.DirectMessage("help"));

        var overHttp = await host.SendEventAsync(envelope);
        var overSocket = await host.Slack.SendEnvelopeAsync("events_api", envelope);
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.Channel == "DU1"));

        Assert.Equal(200, overHttp.Status);
        Assert.Empty(overSocket);
        Assert.Single(host.Handler.Received);
    }

    [Fact]
    public async Task SilentSocket_UnansweredPings_ReplacedByANewConnection()
    {
        await using var host = await SlackTestHost.StartAsync(
            socketMode: true,
            httpMode: false,
            configure: s => s["Slack:SocketKeepAlive"] = "00:00:01",
            arrange: s => s.SilentConnections = 1);

        await host.Slack.WaitUntilAsync(s => s.ConnectionsOpened == 2 && s.OpenSockets == 1);
        var ack = await host.Slack.SendEnvelopeAsync("slash_commands", host.Slack.SlashCommand("help"));

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
    }

    [Fact]
    public async Task Interactive_ViewSubmissionRefused_ErrorsTravelInTheAck()
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);
        var view = Rendering.ModalRenderer.Render(RecordingInboundHandler.SignOnForm("M-12"), null);
        view["id"] = "V9";
        view["state"] = new JsonObject { ["values"] = new JsonObject() };
        var submission = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U1", ["team_id"] = host.Slack.TeamId },
            ["team"] = new JsonObject { ["id"] = host.Slack.TeamId },
            ["view"] = view,
        };

        var ack = await host.Slack.SendEnvelopeAsync("interactive", submission);

        Assert.Equal("errors", (string?)ack["response_action"]);
        Assert.NotNull(ack["errors"]!["attest"]);
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_StopsAndReportsIt()
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);
        await host.Slack.WaitUntilAsync(s => s.OpenSockets == 1);

        await host.Slack.SendDisconnectAsync("link_disabled");
        var error = await host.Services.GetRequiredService<SlackHealth>().Stopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("link_disabled", error);
        Assert.Equal(1, host.Slack.ConnectionsOpened);
    }

    [Fact]
    public async Task SlackUnreachable_HostStartsAndReportsDegraded()
    {
        await using var host = await SlackTestHost.StartAsync(
            socketMode: true,
            httpMode: false,
            configure: s => s["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/");

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Entries["slack"].Status);
        Assert.Null(host.Services.GetRequiredService<SlackHealth>().FatalError);
    }

    [Fact]
    public async Task AppToken_Invalid_HealthCheckReportsItAndHostKeepsRunning()
    {
        await using var host = await SlackTestHost.StartAsync(
            socketMode: true,
            httpMode: false,
            configure: s => s["Slack:AppToken"] = "xapp-1-revoked");
        await host.Slack.WaitUntilAsync(s => s.Calls.Any(c => c.Method == "apps.connections.open"));
        var health = host.Services.GetRequiredService<SlackHealth>();
        await health.Stopped.WaitAsync(TimeSpan.FromSeconds(10));

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal("invalid_auth", health.FatalError);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["slack"].Status);
        Assert.Contains("invalid_auth", report.Entries["slack"].Description, StringComparison.Ordinal);
    }
}
