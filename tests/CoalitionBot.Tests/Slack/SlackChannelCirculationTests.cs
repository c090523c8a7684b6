using System.Text.Json.Nodes;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>
/// `circulate M-1 to here` in a Slack Connect channel shared with a partner's workspace: one card in the channel, a
/// press by a partner of the directory signs for it, a press by someone of the other workspace (their user.team_id is
/// theirs) asks to join; once a coordinator approves, they get the card in a DM and their sign-on counts once.
/// </summary>
public sealed class SlackChannelCirculationTests
{
    private const string Shared = "C0SHARED";

    [Fact]
    public async Task CirculateToSharedChannel_PartnerSignsAndConnectStrangerJoins_BothCountedOnce()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var sam = host.User("Sam Lee", "sam@gpn.org");
        host.Simulator.AddSharedChannel(Shared, "rights-coalition");
        var nadia = new SlackUser(host, host.Simulator.AddConnectMember("Nadia Noor", "nadia@peacewomen.org", "T0PEACE"));
        await cora.Says("setup Rights Before Arms");
        await cora.Says("partners add Global Peace Network | International | CH");
        await cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org");
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you to attach human rights conditions.");

        var posted = await SaysIn(host, cora, Shared, "circulate M-1 to here");
        Assert.Contains("M-1 is open. 1 message queued", posted);
        Assert.Contains("M-1's card is on its way to this channel", posted);
        Assert.Equal(2, await host.DeliverAsync()); // Sam's DM and the channel
        var card = Assert.Single(host.Simulator.Messages, m => m.Channel == Shared);
        Assert.Contains("If I don't know you yet", SlackBlocks.Text(card.Blocks));

        // Sam is in the directory (found by e-mail): the channel card's button signs for Global Peace Network.
        var samForm = await PressesIn(host, sam.Id, card, "Sign on");
        Assert.Null(await sam.Submits(samForm, SlackCycleTests.Fields("Global Peace Network", "Sam Lee", "Coordinator", "International")));
        await host.Simulator.WaitUntilAsync(s => s.Messages.Any(m => m.EphemeralUser == sam.Id && SlackBlocks.Text(m.Blocks).Contains("has signed M-1", StringComparison.Ordinal)));

        // Nadia is of another workspace: asked which organisation she is with, her e-mail from users.info.
        var ask = await PressesIn(host, nadia.Id, card, "Sign on");
        Assert.Equal("Join the coalition", (string?)ask["title"]?["text"]);
        Assert.Equal("nadia@peacewomen.org", (string?)ask["blocks"]!.AsArray().OfType<JsonObject>().Single(b => (string?)b["block_id"] == "email")["element"]!["initial_value"]);
        Assert.Null(await nadia.Submits(ask, new Dictionary<string, string> { ["organisation"] = "Peace Women Network", ["title"] = "Director" }));
        await host.DeliverAsync();
        await cora.ReceivesAsync("Join request #1: Nadia Noor"); // in her DM, not in the channel the card was posted to
        Assert.Single(host.Simulator.Messages, m => m.Channel == Shared && m.EphemeralUser is null);
        Assert.Equal(1, await CountAsync(host, db => db.SignOns.CountAsync(s => s.State == SignOnState.Signed)));

        Assert.Contains("is now a contact of Peace Women Network and may sign for it. I sent them M-1 to answer.", await cora.Says("partners approve 1"));
        await host.DeliverAsync();
        var identity = await CountAsync(host, db => db.Identities.CountAsync(i => i.UserId == nadia.Id && i.TenantId == "T0PEACE"));
        Assert.Equal(1, identity);
        await SlackCycleTests.SignsAsync(nadia, "Sign on", "Peace Women Network", "Nadia Noor", "Director", "International");

        Assert.Equal(2, await CountAsync(host, db => db.SignOns.CountAsync(s => s.State == SignOnState.Signed)));
        Assert.Empty(host.Problems());
    }

    [Fact]
    public async Task CirculateToPrivateChannel_BotNotInvited_CoordinatorToldNotMarkedUnreachable()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        host.Simulator.Channels["G0SECRET"] = new SimulatedChannel("G0SECRET", "secret", Private: true, BotIsMember: false);
        await cora.Says("setup Rights Before Arms");
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");
        await cora.Says("circulate M-1");

        // /memo sends names unescaped: looked up in the channels Slack lists, never guessed. A private channel is listed
        // only to its members.
        Assert.Contains("I found no channel called #secret that I can post in", await cora.Says("circulate M-1 to #secret"));

        // In a DM message Slack sends a channel picked from its list as <#G…|name>.
        await host.EventAsync(host.Simulator.EventCallback(host.Simulator.DirectMessage("circulate M-1 to <#G0SECRET|secret>", cora.Id)));
        await cora.ReceivesAsync("on its way to #secret");
        await host.DeliverAsync();
        await host.DeliverAsync();

        await cora.ReceivesAsync("I could not post a message in channel G0SECRET about M-1: channel_not_found. Invite me to the channel");
        Assert.Equal(0, await CountAsync(host, db => db.Contacts.CountAsync(c => c.Unreachable)));
    }

    [Fact]
    public async Task CirculateToChannelByTypedName_LookedUpInSlacksChannelList_PostedThere()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        for (var i = 0; i < 250; i++)
        {
            host.Simulator.Channels[$"C0MANY{i:D3}"] = new SimulatedChannel($"C0MANY{i:D3}", $"project-{i}"); // more than one page of conversations.list
        }

        host.Simulator.Channels["CZPRESS"] = new SimulatedChannel("CZPRESS", "press-room", BotIsMember: false); // public: chat:write.public posts there
        await cora.Says("setup Rights Before Arms");
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");
        await cora.Says("circulate M-1");

        Assert.Contains("M-1's card is on its way to #press-room", await cora.Says("circulate M-1 to #Press-Room"));
        Assert.Equal(2, host.Simulator.CountCalls("conversations.list")); // 252 channels: two pages of 200
        Assert.Contains("I found no channel called #old-campaign", await cora.Says("circulate M-1 to #old-campaign")); // archived
        await host.DeliverAsync();

        Assert.Single(host.Simulator.Messages, m => m.Channel == "CZPRESS" && m.EphemeralUser is null);
    }

    private static async Task<string> SaysIn(SlackHost host, SlackUser user, string channel, string text)
    {
        var ack = await host.CommandAsync(host.Simulator.SlashCommand(text, user.Id, channel));
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        return SlackBlocks.Text(ack!["blocks"]);
    }

    private static async Task<JsonObject> PressesIn(SlackHost host, string userId, SimulatedMessage card, string label)
    {
        var button = SlackBlocks.Buttons(card.Blocks).Single(b => (string?)b["text"]?["text"] == label);
        var before = host.Simulator.Views.Count;
        Assert.Null(await host.InteractAsync(host.Simulator.ButtonPress((string)button["action_id"]!, (string)button["value"]!, card.Ts, userId, card.Channel)));
        await host.Simulator.WaitUntilAsync(s => s.Views.Count > before);
        return Assert.Single(host.Simulator.Views.Skip(before)).View;
    }

    private static async Task<int> CountAsync(SlackHost host, Func<CoalitionDbContext, Task<int>> query)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }
}
