using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

public sealed class MemoCycleTests
{
    [Fact]
    public async Task WholeCycle_ThroughChat_CompilesExactList()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        Assert.Single(chat.Amira.Inbox);
        Assert.Contains("M-1: Memo to the Secretary of State", chat.Amira.Inbox[0].Summary);

        var signed = await chat.Amira.SignsOn("M-1", "The Human Rights Advocates (HRA)");
        Assert.Contains("has signed M-1", signed.Text);

        var second = await chat.Ben.Presses(ActionIds.Sign, "M-1");
        Assert.Contains("already signed", second.Text);
        Assert.Contains("Amira Haddad", second.Text);
        await chat.Ben.Submits(second.Form!, new() { ["signatory_title"] = "Deputy Director", ["attest"] = "true" });

        await chat.Sam.SignsOn("M-1");
        var declined = await chat.Lucia.Says("decline M-1 Our board has not met");
        Assert.Contains("declines M-1", declined.Text);

        var comment = await chat.Sam.Says("comment M-1 §2 Please name the vetting law.");
        Assert.Contains("comment #1", comment.Text);

        var status = await chat.Cora.Says("status M-1");
        Assert.Contains("Signed: 2", status.Text);
        Assert.Contains("Declined: 1", status.Text);
        Assert.Contains("No answer: 0", status.Text);

        var count = await chat.Bot.QueryAsync(db => db.SignOns.CountAsync());
        Assert.Equal(3, count);

        await chat.Cora.Says("close M-1");
        var compiled = await chat.Cora.Says("compile M-1 final");
        Assert.Contains("now final", compiled.Text);
        Assert.Contains("## Signatories (2)\n\n### International\n\n- Global Peace Network\n- The Human Rights Advocates (HRA)\n", compiled.Text);
        Assert.Contains("[HTML] | [Plain text] | [CSV] | [Word: memo + list] | [Audit certificate (Word)] | [Audit certificate (CSV)]", compiled.Text);
        Assert.DoesNotContain("Fundación", compiled.Text);
    }
}
