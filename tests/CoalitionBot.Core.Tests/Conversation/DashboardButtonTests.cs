using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Testing.Conversation;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>The Dashboard button on a status does what typing `dashboard` does: a one-time link, for coordinators, in a direct message only.</summary>
public sealed class DashboardButtonTests
{
    [Fact]
    public async Task Status_HasADashboardButton_PressingItGivesTheOneTimeLink()
    {
        await using var chat = await CoalitionChat.StartAsync();

        var status = await chat.Cora.Says("status M-1");
        var button = Assert.Single(status.Buttons, b => b.Label == "Dashboard");
        var pressed = await chat.Cora.Presses(button.ActionId, button.Value);

        Assert.Equal(ActionIds.Dashboard, button.ActionId);
        Assert.Contains("Your dashboard link works once", pressed.Text);
        var link = Assert.Single(pressed.Buttons);
        Assert.Contains("/dashboard/sign-in/", link.Url);
        var typed = await chat.Cora.Says("dashboard");
        Assert.NotEqual(link.Url, Assert.Single(typed.Buttons).Url); // each press is a fresh link, like each `dashboard`
    }

    [Fact]
    public async Task DashboardButton_PressedByAPartner_IsRefused_WithoutALink()
    {
        await using var chat = await CoalitionChat.StartAsync();

        var pressed = await chat.Amira.Presses(ActionIds.Dashboard, "M-1");

        Assert.Contains("Only coordinators", pressed.Text);
        Assert.DoesNotContain(pressed.Buttons, b => b.Url is not null);
    }

    [Fact]
    public async Task DashboardButton_PressedInAChannel_IsRefused_LikeTheCommand()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var place = new Place(chat.Cora.Actor.Identity.Platform, chat.Cora.Actor.Identity.TenantId, "team-channel", PlaceKind.Channel);

        var reply = new BotReply(await chat.Bot.Handler.HandleAsync(
            new Inbound(Guid.NewGuid().ToString("N"), chat.Cora.Actor, place, new ButtonAction(ActionIds.Dashboard, "M-1")), CancellationToken.None));

        Assert.Contains("A sign-in link is personal", reply.Text);
        Assert.Empty(reply.Buttons);
    }
}
