using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Tests.Conversation;
using Xunit;

namespace CoalitionBot.Core.Tests.Reach;

public sealed class WaitingMemosTests
{
    [Fact]
    public async Task PartnerSaysHi_ToldWhichMemoWaits_WithItsButtons()
    {
        await using var chat = await CoalitionChat.StartAsync();

        var reply = await chat.Sam.Says("hi");

        Assert.Contains("One memo is waiting for your answer", reply.Text);
        Assert.Contains("M-1: Memo to the Secretary of State", reply.Text);
        Assert.DoesNotContain("I don't know the command", reply.Text);
        Assert.Contains(reply.Message!.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons), b => b.ActionId == ActionIds.Sign && b.Value == "M-1");
    }

    [Fact]
    public async Task PartnerWhoAnswered_SaysHello_ToldNothingWaits()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");

        Assert.Contains("No memo is waiting for your answer", (await chat.Sam.Says("Hello, what is this?")).Text);
    }

    [Fact]
    public async Task StrangerSaysHi_ToldHowToJoin()
    {
        await using var chat = await CoalitionChat.StartAsync();

        var reply = await chat.Stranger.Says("hi there");

        Assert.Contains("I don't know you yet. To join, ask a coordinator", reply.Text);
    }
}
