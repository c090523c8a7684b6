using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Testing.Fuzz;
using CoalitionBot.Testing.Slack;
using CsCheck;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Tests;

/// <summary>Issue #12: a verified but malformed Slack request is answered (4xx or 200 + ignored), never 5xx.</summary>
public sealed class SlackMalformedInputTests
{
    [Theory]
    [InlineData("""{"type":"plain_text_input","value":5}""")]
    [InlineData("""{"type":"static_select","selected_option":["x"]}""")]
    [InlineData("""{"type":"datetimepicker","selected_date_time":99999999999999}""")]
    [InlineData("""{"type":5,"value":"x"}""")]
    public async Task Interactions_ModalValueOfWrongType_AnsweredNot500(string element)
    {
        await using var host = await SlackTestHost.StartAsync();
        var view = Rendering.ModalRenderer.Render(RecordingInboundHandler.SignOnForm("M-12"), "C1");
        view["id"] = "V123";
        view["state"] = new JsonObject { ["values"] = new JsonObject { ["display_name"] = new JsonObject { ["value"] = JsonNode.Parse(element) } } };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = host.Slack.TeamId },
            ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "ana", ["team_id"] = host.Slack.TeamId },
            ["trigger_id"] = host.Slack.IssueTrigger(),
            ["view"] = view,
        };

        var response = await host.SendInteractionAsync(payload);

        Assert.Equal(200, response.Status);
        var errors = host.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Message}\n{e.Exception}")));
    }

    [Fact]
    public async Task Events_ChallengeWithLoneSurrogate_AnsweredWithReplacement()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.Slack.DeliverAsync(host.Url("slack/events"), "application/json", """{"type":"url_verification","challenge":"\ud800"}""");

        Assert.Equal(200, response.Status);
        Assert.Contains("\uFFFD", response.Json?["challenge"]?.GetValue<string>() ?? response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_LoneSurrogatesInIdAndText_HandledWithReplacement()
    {
        await using var host = await SlackTestHost.StartAsync();
        var envelope = host.Slack.EventCallback(host.Slack.DirectMessage("status LONE"), eventId: "EvLONE").ToJsonString().Replace("LONE", "\\ud800", StringComparison.Ordinal);

        var response = await host.Slack.DeliverAsync(host.Url("slack/events"), "application/json", envelope);
        await host.Handler.WaitForAsync(r => r.Count == 1);

        Assert.Equal(200, response.Status);
        Assert.Equal(new CommandText("status \uFFFD"), Assert.Single(host.Handler.Received).Content);
    }

    [Fact]
    public async Task Events_IsBotAsString_PersonStillAnswered()
    {
        await using var host = await SlackTestHost.StartAsync();
        var envelope = host.Slack.EventCallback(host.Slack.DirectMessage("status"));
        envelope["authorizations"]![0]!["is_bot"] = "true";

        var response = await host.SendEventAsync(envelope);
        await host.Handler.WaitForAsync(r => r.Count == 1);

        Assert.Equal(200, response.Status);
        var errors = host.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Message}\n{e.Exception}")));
    }

    [Fact]
    public async Task Events_VerifiedButNotJson_400LoggedOnceAtWarning()
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.Slack.DeliverAsync(host.Url("slack/events"), "application/json", """{"type":""");

        Assert.Equal(400, response.Status);
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("not a Slack payload", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Property: whatever malformed (but validly signed) payload reaches any of the three endpoints, the answer is
    /// below 500 and nothing is logged as an error. Bounded: a fixed number of samples per endpoint, one at a time.
    /// </summary>
    [Fact]
    public async Task Endpoints_GeneratedMalformedPayloads_No5xxAndNoErrorLogged()
    {
        // Why without Slack's rate limits: the replies to the few payloads that stay valid are beside the point here.
        await using var host = await SlackTestHost.StartAsync(arrange: s => s.WithoutRateLimits());
        var statuses = new List<(string Endpoint, int Status, string Body)>();

        async Task Send(string endpoint, string contentType, string body)
        {
            var response = await host.Slack.DeliverAsync(host.Url(endpoint), contentType, body);
            lock (statuses)
            {
                statuses.Add((endpoint, response.Status, body));
            }
        }

        await MalformedJson.From(host.Slack.SlashCommand("status")).SampleAsync(
            json => Send("slack/commands", "application/x-www-form-urlencoded", AsForm(json)), iter: 100, threads: 1);
        await MalformedJson.From(host.Slack.ButtonPress("sign", "M-12", "1700000000.000100")).SampleAsync(
            json => Send("slack/interactions", "application/x-www-form-urlencoded", SlackSimulator.FormEncode([KeyValuePair.Create("payload", json)])), iter: 100, threads: 1);
        await MalformedJson.From(ViewSubmission(host)).SampleAsync(
            json => Send("slack/interactions", "application/x-www-form-urlencoded", SlackSimulator.FormEncode([KeyValuePair.Create("payload", json)])), iter: 150, threads: 1);
        await MalformedJson.From(host.Slack.EventCallback(host.Slack.DirectMessage("status"))).SampleAsync(
            json => Send("slack/events", "application/json", json), iter: 150, threads: 1);

        Assert.DoesNotContain(statuses, s => s.Status >= 500);
        var errors = host.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Message}\n{e.Exception}")));
    }

    /// <summary>
    /// A slash command's fields as Slack form-encodes them (a lone surrogate as its raw UTF-8 bytes, %ED%A0%80); a
    /// malformed variant that is not an object is sent as one odd field.
    /// </summary>
    private static string AsForm(string json)
    {
        try
        {
            var marked = json.Replace("\\ud800", "LONESURROGATE", StringComparison.Ordinal).Replace("\\udc00", "LONESURROGATE", StringComparison.Ordinal);
            return JsonNode.Parse(marked) is JsonObject fields
                ? SlackSimulator.FormEncode(fields).Replace("LONESURROGATE", "%ED%A0%80", StringComparison.Ordinal)
                : "text=" + Uri.EscapeDataString(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return "text=" + Uri.EscapeDataString(json);
        }
    }

    private static JsonObject ViewSubmission(SlackTestHost host)
    {
        var view = Rendering.ModalRenderer.Render(RecordingInboundHandler.SignOnForm("M-12"), "C1");
        view["id"] = "V123";
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["display_name"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Friends of the Earth" } },
                ["attest"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray() } },
            },
        };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = host.Slack.TeamId },
            ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "ana", ["team_id"] = host.Slack.TeamId },
            ["trigger_id"] = host.Slack.IssueTrigger(),
            ["view"] = view,
        };
    }
}
