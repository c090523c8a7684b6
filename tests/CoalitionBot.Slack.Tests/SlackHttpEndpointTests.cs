using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Testing.Slack;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackHttpEndpointTests
{
    [Fact]
    public async Task Commands_MemoHelp_AnswersInlineWithValidBlocks()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.SendCommandAsync("help");

        Assert.Equal(200, response.Status);
        var body = response.Json!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("/memo sign M-12", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.ValidateMessage(body["blocks"], (string?)body["text"]));
        var inbound = Assert.Single(host.Handler.Received);
        Assert.Equal(new CommandText("help"), inbound.Content);
        Assert.Equal(new ChatIdentity(Platform.Slack, host.Slack.TeamId, "U1"), inbound.Actor.Identity);
        Assert.Equal(PlaceKind.Channel, inbound.Place.Kind);
    }

    [Fact]
    public async Task Commands_EmptyText_IsHelp()
    {
        await using var host = await SlackTestHost.StartAsync();

        await host.SendCommandAsync(string.Empty);

        Assert.Equal(new CommandText("help"), Assert.Single(host.Handler.Received).Content);
    }

    [Fact]
    public async Task Commands_Unsigned_401WithNoRetryAndHandlerNeverCalled()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackSimulator.FormEncode(host.Slack.SlashCommand("help"));

        var forged = await host.Slack.DeliverAsync(host.Url("slack/commands"), "application/x-www-form-urlencoded", body, secret: "not-the-secret");
        var stale = await host.Slack.DeliverAsync(host.Url("slack/commands"), "application/x-www-form-urlencoded", body, at: host.Time.GetUtcNow().AddMinutes(-6));

        Assert.Equal(401, forged.Status);
        Assert.Equal("1", forged.Headers["X-Slack-No-Retry"]);
        Assert.Equal(401, stale.Status);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Events_ForgedDelivery_SlackStopsRetryingAfterFirstRefusal()
    {
        await using var host = await SlackTestHost.StartAsync();

        var attempts = await host.Slack.DeliverEventWithRetriesAsync(host.Url("slack/events"), host.Slack.EventCallback(host.Slack.DirectMessage("help")), secret: "forged");

        Assert.Equal(401, Assert.Single(attempts).Status);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Events_NoSigningSecretConfigured_401()
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: true, httpMode: false);

        var response = await host.SendEventAsync(new JsonObject { ["type"] = "url_verification", ["challenge"] = "abc" });

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task Commands_SslCheck_200()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.Slack.DeliverAsync(host.Url("slack/commands"), "application/x-www-form-urlencoded", "ssl_check=1&token=abc");

        Assert.Equal(200, response.Status);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesChallenge()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.SendEventAsync(new JsonObject { ["token"] = "x", ["type"] = "url_verification", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)response.Json!["challenge"]);
    }

    [Fact]
    public async Task Events_SameEventDeliveredTwice_HandledOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        var envelope = host.Slack.EventCallback(host.Slack.DirectMessage("help"), eventId: "Ev0DUPLICATE");

        var first = await host.SendEventAsync(envelope);
        var retry = await host.SendEventAsync(envelope, retryNum: 1);
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.Channel == "DU1"));

        Assert.Equal(200, first.Status);
        Assert.Equal(200, retry.Status);
        var inbound = Assert.Single(host.Handler.Received);
        Assert.Equal("Ev0DUPLICATE", inbound.DeliveryId);
        Assert.Equal(PlaceKind.Direct, inbound.Place.Kind);
        Assert.Single(host.Slack.Messages, m => m.Channel == "DU1");
    }

    [Fact]
    public async Task Events_BotAndSubtypeMessages_Ignored()
    {
        await using var host = await SlackTestHost.StartAsync();
        var fromBot = host.Slack.DirectMessage("Your open memos");
        fromBot["bot_id"] = "B0SIM";
        var edited = host.Slack.DirectMessage("help");
        edited["subtype"] = "message_changed";
        var real = host.Slack.DirectMessage("help");

        await host.SendEventAsync(host.Slack.EventCallback(fromBot));
        await host.SendEventAsync(host.Slack.EventCallback(edited));
        await host.SendEventAsync(host.Slack.EventCallback(real));
        await host.Handler.WaitForAsync(r => r.Count >= 1);
        await host.Slack.WaitUntilAsync(s => s.Messages.Count >= 1);

        Assert.Single(host.Handler.Received);
    }

    [Fact]
    public async Task Events_AppMention_StripsTheBotMention()
    {
        await using var host = await SlackTestHost.StartAsync();
        var mention = new JsonObject { ["type"] = "app_mention", ["user"] = "U2", ["text"] = "<@U0BOT> list", ["ts"] = "1.1", ["channel"] = "C1", ["event_ts"] = "1.1" };

        await host.SendEventAsync(host.Slack.EventCallback(mention));
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.EphemeralUser == "U2"));

        var inbound = Assert.Single(host.Handler.Received);
        Assert.Equal(new CommandText("list"), inbound.Content);
        Assert.Equal("ben@example.org", inbound.Actor.Email);
        Assert.Equal("America/New_York", inbound.Actor.TimeZone);
    }

    [Fact]
    public async Task Events_AppHomeOpened_PublishesTheListAsHomeView()
    {
        await using var host = await SlackTestHost.StartAsync();
        var opened = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U1", ["channel"] = "DU1", ["tab"] = "home", ["event_ts"] = "1.2" };

        await host.SendEventAsync(host.Slack.EventCallback(opened));
        await host.Slack.WaitUntilAsync(s => !s.Views.IsEmpty);

        Assert.Equal(new CommandText("list"), Assert.Single(host.Handler.Received).Content);
        var (method, view) = Assert.Single(host.Slack.Views);
        Assert.Equal("views.publish", method);
        Assert.Equal("home", (string?)view["type"]);
        Assert.Contains("Human rights, not military aid", view.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_DoubleClickedSignButton_OneFormOneHandlerCall()
    {
        await using var host = await SlackTestHost.StartAsync();
        var first = host.Slack.ButtonPress(ActionIds.Sign + "~0", "M-12", messageTs: "1700000000.000200");
        var second = host.Slack.ButtonPress(ActionIds.Sign + "~0", "M-12", messageTs: "1700000000.000200");

        var responses = await Task.WhenAll(host.SendInteractionAsync(first), host.SendInteractionAsync(second));

        await host.Slack.WaitUntilAsync(s => s.Views.Count == 1);

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        var inbound = Assert.Single(host.Handler.Received);
        Assert.Equal(new ButtonAction(ActionIds.Sign, "M-12"), inbound.Content);
        var (method, view) = Assert.Single(host.Slack.Views);
        Assert.Equal("views.open", method);
        Assert.Equal(FormIds.SignOn, (string?)view["callback_id"]);
    }

    [Fact]
    public async Task Interactions_ViewSubmissionRefused_ErrorsKeyedByFieldBlockId()
    {
        await using var host = await SlackTestHost.StartAsync();
        var submission = ViewSubmission(host, attest: false);

        var response = await host.SendInteractionAsync(submission);

        var body = response.Json!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal("Only an authorised signer can sign on.", (string?)body["errors"]!["attest"]);
        var form = Assert.IsType<FormSubmission>(Assert.Single(host.Handler.Received).Content);
        Assert.Equal("M-12", form.Context);
        Assert.Equal("false", form.Fields["attest"]);
        Assert.Equal("Friends of the Earth", form.Fields["display_name"]);
    }

    [Fact]
    public async Task Interactions_ViewSubmissionAccepted_ClosesAndConfirmsInTheChannel()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.SendInteractionAsync(ViewSubmission(host, attest: true));
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.EphemeralUser == "U1"));

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Contains("signed M-12", host.Slack.Messages.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_ResponseUrlExpired_AnswerGoesToTheDirectMessageInstead()
    {
        await using var host = await SlackTestHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Handler.Gate = release.Task;

        var pending = host.SendCommandAsync("help");
        await host.Handler.WaitForAsync(r => r.Count == 1);
        host.Time.Advance(TimeSpan.FromSeconds(2.5));
        await pending;
        host.Slack.ExpireResponseUrls();
        release.SetResult();
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.Text?.Contains("CoalitionBot commands", StringComparison.Ordinal) == true));

        Assert.Empty(host.Slack.ResponseUrlPosts);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Commands_SlowHandler_AcksEmptyThenAnswersThroughResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Handler.Gate = release.Task;

        var pending = host.SendCommandAsync("help");
        await host.Handler.WaitForAsync(r => r.Count == 1);
        host.Time.Advance(TimeSpan.FromSeconds(2.5));
        var response = await pending;
        release.SetResult();
        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count == 1);

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Contains("CoalitionBot commands", host.Slack.ResponseUrlPosts[0].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_MemoSign_AcksThenOpensTheSignOnModal()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.SendCommandAsync("sign M-12");
        await host.Slack.WaitUntilAsync(s => s.Views.Count == 1);

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        var (method, view) = Assert.Single(host.Slack.Views);
        Assert.Equal("views.open", method);
        Assert.Equal("Sign on to M-12", (string?)view["title"]!["text"]);
        Assert.Equal(["display_name", "signatory", "attest"], view["blocks"]!.AsArray().Skip(1).Select(b => (string?)b!["block_id"]));
    }

    [Fact]
    public async Task DirectMessage_FormWithoutTrigger_OffersAButtonThatOpensIt()
    {
        await using var host = await SlackTestHost.StartAsync();

        await host.SendEventAsync(host.Slack.EventCallback(host.Slack.DirectMessage("sign M-12")));
        await host.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.Channel == "DU1"));
        var posted = host.Slack.Messages.Single();
        var button = posted.Blocks!.Select(b => b!["elements"]).OfType<JsonArray>().SelectMany(e => e).Single()!;
        await host.SendInteractionAsync(host.Slack.ButtonPress((string)button["action_id"]!, (string)button["value"]!, posted.Ts, channelId: "DU1"));
        await host.Slack.WaitUntilAsync(s => s.Views.Count == 1);

        var (method, view) = Assert.Single(host.Slack.Views);
        Assert.Equal("views.open", method);
        Assert.Equal(FormIds.SignOn, (string?)view["callback_id"]);
        Assert.Equal([new CommandText("sign M-12"), new CommandText("sign M-12")], host.Handler.Received.Select(i => i.Content));
    }

    [Fact]
    public async Task Commands_FormAfterTheTriggerExpired_SaysSoInsteadOfFailingSilently()
    {
        await using var host = await SlackTestHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Handler.Gate = release.Task;

        var pending = host.SendCommandAsync("sign M-12");
        await host.Handler.WaitForAsync(r => r.Count == 1);
        host.Time.Advance(TimeSpan.FromSeconds(2.5));
        var response = await pending;
        host.Time.Advance(TimeSpan.FromSeconds(2));
        release.SetResult();
        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count == 1);

        Assert.Equal(string.Empty, response.Body);
        Assert.Contains(host.Slack.Calls, c => c.Method == "views.open" && c.Error == "expired_trigger_id");
        Assert.Contains("did not let me open", host.Slack.ResponseUrlPosts[0].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_VeryLongMemoAnswer_InlineThenFiveResponseUrlPostsThenEphemeral()
    {
        await using var host = await SlackTestHost.StartAsync();
        var memo = new Message("M-12 full text", [new MemoExcerptBlock("M-12", "Human rights, not military aid", BlockKitRendererTests.LongMemo(120_000), false)]);
        host.Handler.Override = _ => new Core.Replies.MessageReply(memo);
        var parts = Rendering.BlockKitRenderer.Render(memo).Count;

        var response = await host.SendCommandAsync("read M-12");
        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count + s.Messages.Count == parts - 1);

        Assert.True(parts > 6);
        Assert.Equal("M-12 full text", (string?)response.Json!["text"]);
        Assert.Equal(5, host.Slack.ResponseUrlPosts.Count);
        Assert.All(host.Slack.Messages, m => Assert.Equal(("C1", "U1"), (m.Channel, m.EphemeralUser)));
        Assert.Equal(parts - 6, host.Slack.Messages.Count);
    }

    private static JsonObject ViewSubmission(SlackTestHost host, bool attest)
    {
        var view = Rendering.ModalRenderer.Render(RecordingInboundHandler.SignOnForm("M-12"), "C1");
        view["id"] = "V123";
        view["hash"] = "1700000000.abcd";
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["display_name"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Friends of the Earth" } },
                ["signatory"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Ana Lopes, Director" } },
                ["attest"] = new JsonObject
                {
                    ["value"] = new JsonObject
                    {
                        ["type"] = "checkboxes",
                        ["selected_options"] = attest ? new JsonArray(new JsonObject { ["value"] = "true" }) : new JsonArray(),
                    },
                },
            },
        };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = host.Slack.TeamId },
            ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "ana", ["team_id"] = host.Slack.TeamId },
            ["api_app_id"] = "A0SIM",
            ["trigger_id"] = host.Slack.IssueTrigger(),
            ["view"] = view,
        };
    }
}
