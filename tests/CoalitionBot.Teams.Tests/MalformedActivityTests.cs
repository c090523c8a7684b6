using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Teams.Tests.Support;
using CoalitionBot.Testing.Fuzz;
using CoalitionBot.Testing.Teams;
using CsCheck;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CoalitionBot.Teams.Tests;

/// <summary>Issue #12: an authenticated but malformed activity is answered 4xx (or 200 and ignored), never 5xx; bodies are read only after the token.</summary>
public sealed class MalformedActivityTests
{
    [Theory]
    [InlineData("entities")]
    [InlineData("tenant")]
    [InlineData("timezone")]
    public async Task Post_NonStringWhereTeamsSendsString_NotServerError(string where)
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.ChannelMention("list");
        switch (where)
        {
            case "entities":
                activity["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["text"] = 5, ["mentioned"] = new JsonObject { ["id"] = 7 } });
                break;
            case "tenant":
                activity["channelData"]!["tenant"]!["id"] = 5;
                break;
            default:
                activity["entities"]![0]!["timezone"] = new JsonArray(1);
                break;
        }

        using var response = await bot.SendAsync(activity);

        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Post_LoneSurrogateInText_AcceptedWithReplacement()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Message("status LONE").ToJsonString().Replace("LONE", "\\ud800", StringComparison.Ordinal);

        using var response = await SendRawAsync(bot, activity, bot.Simulator.IssueToken());
        await bot.Handler.WaitForAsync(1, TeamsBot.Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Core.Conversation.CommandText("status \uFFFD"), Assert.Single(bot.Handler.Received).Content);
    }

    [Fact]
    public async Task Post_ValidTokenButNotJson_400AndOneWarning()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await SendRawAsync(bot, """{"type":"message", """, bot.Simulator.IssueToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(bot.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("not an activity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WebchatTokenActingAsTeamsUser_ForbiddenAndLogged()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Message("status");
        activity["channelId"] = "webchat";

        using var response = await bot.SendAsync(activity, TokenFlavour.UnendorsedKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Handler.Received);
        Assert.Contains(bot.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("webchat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_AnonymousModeWithRemoteServiceUrl_Forbidden()
    {
        await using var bot = await TeamsBot.StartAsync(s => s["Teams:AppId"] = null, environment: "Development");
        var activity = bot.Activities.Message("status");
        activity["serviceUrl"] = "https://smba.trafficmanager.net/emea/";

        using var response = await bot.SendAsync(activity, flavour: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Handler.Received);
    }

    [Fact]
    public async Task Post_HugeChunkedBodyWithoutToken_401BeforeTheBodyIsRead()
    {
        await using var bot = await TeamsBot.StartAsync();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(bot.Messages.Host, bot.Messages.Port, TeamsBot.Timeout());
        var stream = tcp.GetStream();
        var chunk = new string('{', 64 * 1024);
        var head = $"POST {bot.Messages.AbsolutePath} HTTP/1.1\r\nHost: {bot.Messages.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{chunk.Length:x}\r\n{chunk}\r\n";

        // One 64 KB chunk of a body announced as chunked, then nothing: the body never ends. An answer at all means
        // the endpoint answered without reading the body to its end.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TeamsBot.Timeout());
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, TeamsBot.Timeout());

        Assert.StartsWith("HTTP/1.1 401", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheCap_413()
    {
        await using var bot = await TeamsBot.StartAsync();
        var big = "{\"type\":\"message\",\"text\":\"" + new string('x', 600 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Messages) { Content = new StringContent(big, Encoding.UTF8, "application/json") };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bot.Simulator.IssueToken());

        using var response = await bot.Http.SendAsync(request, TeamsBot.Timeout());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_MessageWithOnlyAnAttachment_AnsweredWithHelp()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Message(string.Empty);
        activity.Remove("text");
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/a.png" });

        using var response = await bot.SendAsync(activity);
        await bot.Handler.WaitForAsync(1, TeamsBot.Timeout());

        Assert.Equal(new Core.Conversation.CommandText("help"), Assert.Single(bot.Handler.Received).Content);
    }

    [Fact]
    public void RenderForm_OrganisationNameInAttestation_Escaped()
    {
        var form = Some.SignOnForm("M-12");
        form = form with
        {
            Fields = [.. form.Fields.Select(f => f.Id == "attest" ? f with { Label = "I sign for [Evil](https://evil.example) <at>Boss</at>" } : f)],
        };

        var card = new Cards.AdaptiveCardRenderer().RenderForm(form, null, Cards.FormHost.Card);
        var toggle = card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "attest")!;

        Assert.Equal("I sign for \\[Evil\\]\\(https://evil.example\\) \\<at\\>Boss\\</at\\>", toggle["title"]!.GetValue<string>());
    }

    /// <summary>Property: generated malformed activities, validly signed, never get a 5xx nor log an error.</summary>
    [Fact]
    public async Task Post_GeneratedMalformedActivities_No5xxAndNoErrorLogged()
    {
        await using var bot = await TeamsBot.StartAsync();
        var token = bot.Simulator.IssueToken();
        var statuses = new List<int>();

        foreach (var template in new[] { bot.Activities.ChannelMention("status"), bot.Activities.Submit(new JsonObject { ["cb.form"] = "signon", ["display_name"] = "x" }), bot.Activities.Task("task/fetch", new JsonObject { ["cb.action"] = "sign" }) })
        {
            await MalformedJson.From(template).SampleAsync(
                async json =>
                {
                    using var response = await SendRawAsync(bot, json, token);
                    statuses.Add((int)response.StatusCode);
                },
                iter: 120,
                threads: 1);
        }

        Assert.DoesNotContain(statuses, s => s >= 500);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    private static async Task<HttpResponseMessage> SendRawAsync(TeamsBot bot, string json, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Messages) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await bot.Http.SendAsync(request, TeamsBot.Timeout());
    }
}
