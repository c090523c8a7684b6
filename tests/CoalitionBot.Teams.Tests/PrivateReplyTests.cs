using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Tests.Support;
using Xunit;

namespace CoalitionBot.Teams.Tests;

/// <summary>Teams has no ephemeral messages: what is meant for one person in a shared conversation goes to their 1:1 chat.</summary>
public sealed class PrivateReplyTests
{
    [Fact]
    public async Task ChannelMention_UserBlockedBot_ToldInTheChannelThreadInstead()
    {
        await using var bot = await TeamsBot.StartAsync();
        bot.Simulator.BlockUser(bot.Activities.UserId);
        var activity = bot.Activities.ChannelMention("status M-12");

        await bot.SendAsync(activity);
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        var notice = Assert.Single(bot.Simulator.Activities);
        Assert.Equal(bot.Activities.ChannelConversationId, notice.ConversationId);
        Assert.Equal(activity["id"]!.GetValue<string>(), notice.ReplyToId);
        Assert.Contains("could not message you privately", notice.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionExecute_FormInChannel_ToastAndFormSentToOneToOneChat()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Execute(ActionIds.Sign, new JsonObject { ["cb.action"] = ActionIds.Sign, ["cb.value"] = "M-12" }, personal: false));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        Assert.Equal("application/vnd.microsoft.activity.message", body!["type"]!.GetValue<string>());
        var form = Assert.Single(bot.Simulator.Activities);
        Assert.Equal(bot.Activities.UserId, bot.Simulator.CreatedConversations[form.ConversationId]);
        Assert.Contains("displayName", form.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousDevelopmentMode_UnsignedRequestAccepted()
    {
        await using var bot = await TeamsBot.StartAsync(s => s["Teams:AppId"] = null, environment: "Development");

        using var response = await bot.SendAsync(bot.Activities.Message("list"), flavour: null);
        await bot.Handler.WaitForAsync(1, TeamsBot.Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public void RateLimiter_EighthWriteToOneConversation_ToldToWait()
    {
        using var limiter = new ConnectorRateLimiter();

        var results = Enumerable.Range(0, 8).Select(_ => limiter.TryAcquire("tenant", "a:1conversation")).ToList();

        Assert.All(results.Take(7), r => Assert.Null(r));
        Assert.NotNull(results[7]);
        Assert.Null(limiter.TryAcquire("tenant", "a:1another"));
    }
}
