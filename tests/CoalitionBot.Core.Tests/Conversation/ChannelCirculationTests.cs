using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>`circulate M-1 to #channel`: one card for everyone there; known people sign for their organisation, strangers ask to join.</summary>
public sealed class ChannelCirculationTests
{
    [Fact]
    public async Task CirculateToChannel_KnownAndUnknownPress_StrangerCountedOnceAfterApproval()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var nadia = chat.Bot.Person("Nadia Noor", "nadia@peacewomen.org");

        Assert.Contains("M-1's card is on its way to #partners", (await chat.Cora.Says("circulate M-1 to #partners")).Text);
        Assert.Contains("already posted in #partners", (await chat.Cora.Says("circulate M-1 to #partners")).Text);
        await chat.Bot.DeliverAsync();
        var card = Assert.Single(chat.Bot.PostedIn("partners"));
        Assert.Contains(card.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons), b => b.ActionId == ActionIds.Sign && b.Value == "M-1");

        // Sam is in the directory: the channel card's button signs for Global Peace Network, exactly as in a DM.
        var samForm = (await chat.Sam.PressesIn("partners", ActionIds.Sign, "M-1")).Form!;
        Assert.Equal(FormIds.SignOn, samForm.FormId);
        Assert.Contains("Global Peace Network has signed M-1", (await chat.Sam.Submits(samForm, new() { ["signatory_title"] = "Director", ["attest"] = "true" })).Text);

        // Nadia is not: she is asked which organisation she is with, and nothing is counted.
        var ask = (await nadia.PressesIn("partners", ActionIds.Sign, "M-1")).Form!;
        Assert.Equal(FormIds.JoinRequest, ask.FormId);
        Assert.Equal("nadia@peacewomen.org", ask.Fields.Single(f => f.Id == "email").Initial);
        var asked = await nadia.Submits(ask, new() { ["organisation"] = "Peace Women Network", ["title"] = "Director" });
        Assert.Contains("I asked the coordinators to confirm that you are with Peace Women Network", asked.Text);
        await chat.Bot.DeliverAsync();
        Assert.Contains(chat.Cora.Inbox, m => Flat(m).Contains("Join request #1: Nadia Noor <nadia@peacewomen.org>, Director", StringComparison.Ordinal) && Flat(m).Contains("`partners approve 1`", StringComparison.Ordinal));
        Assert.Equal(FormIds.JoinRequest, (await nadia.PressesIn("partners", ActionIds.Decline, "M-1")).Form!.FormId);
        Assert.Contains("#1 · Nadia Noor <nadia@peacewomen.org>, Director — says they are with \"Peace Women Network\"", (await chat.Cora.Says("partners requests")).Text);
        Assert.Equal(1, await SignedAsync(chat));

        var approved = await chat.Cora.Says("partners approve 1");
        Assert.Contains("Nadia Noor <nadia@peacewomen.org> is now a contact of Peace Women Network and may sign for it. I sent them M-1 to answer.", approved.Text);
        Assert.Contains("Peace Women Network is new in the directory", approved.Text);
        Assert.Contains("was already approved", (await chat.Cora.Says("partners approve 1")).Text);
        Assert.Contains("No join requests are waiting", (await chat.Cora.Says("partners requests")).Text);

        await chat.Bot.DeliverAsync();
        var dm = Assert.Single(nadia.Inbox);
        Assert.Contains("A coordinator confirmed you as a contact of Peace Women Network", Flat(dm));
        // A new organisation has no category yet: she chooses one (the coordinators are asked to confirm it).
        var form = (await nadia.Presses(ActionIds.Sign, "M-1")).Form!;
        Assert.Contains("Peace Women Network has signed M-1", (await nadia.Submits(form, new() { ["signatory_title"] = "Director", ["category"] = "National", ["attest"] = "true" })).Text);
        form = (await nadia.PressesIn("partners", ActionIds.Sign, "M-1")).Form!; // from the channel card again: still one answer
        Assert.Equal(FormIds.SignOn, form.FormId);
        Assert.Contains("Peace Women Network has signed M-1", (await nadia.Submits(form, new() { ["category"] = "National", ["attest"] = "true" })).Text);
        Assert.Equal(2, await SignedAsync(chat));
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "join.approved")));
    }

    [Fact]
    public async Task CirculateToChannel_StatusReachCountsContactsOnly()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        var before = ReachLine((await chat.Cora.Says("status M-1")).Text);

        await chat.Cora.Says("circulate M-1 to #partners");
        await chat.Bot.DeliverAsync();

        Assert.Single(chat.Bot.PostedIn("partners"));
        Assert.Equal(before, ReachLine((await chat.Cora.Says("status M-1")).Text)); // the channel's card is not a contact reached
    }

    private static string ReachLine(string status) => status.Split('\n').Single(l => l.Contains("Reach:", StringComparison.Ordinal));

    [Fact]
    public async Task ApproveJoinRequest_ProbableDuplicateName_WarnsAndAddsTheOrganisation()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var omar = chat.Bot.Person("Omar Farouk", "omar@gpn.example");
        var ask = (await omar.PressesIn("partners", ActionIds.Sign, "M-1")).Form!;
        await omar.Submits(ask, new() { ["organisation"] = "The Global Peace Network", ["title"] = "Campaigner" });

        var approved = await chat.Cora.Says("partners approve #1");

        Assert.Contains("It is probably the same as: Global Peace Network", approved.Text);
        Assert.Contains("`partners merge <keep> | The Global Peace Network`", approved.Text);
    }

    [Fact]
    public async Task DeclineRequest_NothingCounted_PartnerCannotApproveOrDecline()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var omar = chat.Bot.Person("Omar Farouk", "omar@unknown.example");
        var ask = (await omar.PressesIn("partners", ActionIds.Sign, "M-1")).Form!;
        await omar.Submits(ask, new() { ["organisation"] = "Unknown Org", ["title"] = "Campaigner" });

        Assert.Contains("Only coordinators", (await chat.Sam.Says("partners approve 1")).Text);
        Assert.Contains("is declined", (await chat.Cora.Says("partners decline-request 1")).Text);
        Assert.Contains("was already declined", (await chat.Cora.Says("partners approve 1")).Text);
        Assert.Contains("There is no join request #7", (await chat.Cora.Says("partners approve 7")).Text);
        Assert.Contains("Usage: `partners approve <n>`", (await chat.Cora.Says("partners approve Omar")).Text);
        Assert.Equal(FormIds.JoinRequest, (await omar.PressesIn("partners", ActionIds.Sign, "M-1")).Form!.FormId);
        Assert.Equal(0, await chat.Bot.QueryAsync(db => db.Contacts.CountAsync(c => c.Email == "omar@unknown.example")));
    }

    [Theory]
    [InlineData("circulate M-1 to partners", "is not a channel")]
    [InlineData("circulate M-9 to #partners", "M-9")]
    public async Task CirculateToChannel_BadTarget_Refused(string command, string expected)
    {
        await using var chat = await CoalitionChat.StartAsync();

        Assert.Contains(expected, (await chat.Cora.Says(command)).Text);
        await chat.Bot.DeliverAsync();
        Assert.Empty(chat.Bot.PostedIn("partners"));
    }

    private static Task<int> SignedAsync(CoalitionChat chat) =>
        chat.Bot.QueryAsync(db => db.SignOns.CountAsync(s => s.State == SignOnState.Signed));

    private static string Flat(Message message) => string.Join("\n", message.Blocks.OfType<TextBlock>().Select(b => b.Text));
}
