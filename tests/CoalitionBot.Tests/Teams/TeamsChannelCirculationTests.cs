using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Teams;

/// <summary>
/// `circulate M-1 to here` in a channel of the coalition's team, and `to #Advocacy` from the coordinator's chat: one
/// card in the channel (a new post), a press by a partner of the directory signs for their organisation in a dialog,
/// a press by a team member the directory does not know asks which organisation they are with; once a coordinator
/// approves, they get the card in their own chat and their sign-on counts once.
/// </summary>
public sealed class TeamsChannelCirculationTests
{
    [Fact]
    public async Task CirculateToHere_PartnerSignsInADialogAndStrangerJoins_BothCountedOnce()
    {
        await using var host = await TeamsHost.StartAsync();
        var (team, advocacy, cora, coraChat) = await CoalitionTeamAsync(host);
        var sam = host.Simulator.AddTeamMember(team, "Sam Lee", "sam@gpn.org");
        var nadia = host.Simulator.AddTeamMember(team, "Nadia Noor", "nadia@peacewomen.org");
        await coraChat.Says("partners add Global Peace Network | International | CH");
        await coraChat.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org");
        await coraChat.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you to attach human rights conditions.");

        var answer = await InChannelAsync(host, team, advocacy, cora, "circulate M-1 to here");
        Assert.Contains("M-1 is open. 1 message queued", answer);
        Assert.Contains("M-1's card is on its way to this channel", answer);
        Assert.Equal(2, await host.DeliverAsync()); // Sam's chat (found in the team's roster) and the channel

        // A new post in the channel itself, not a reply in the thread the command was typed in.
        var card = Assert.Single(host.Simulator.Conversation(advocacy));
        Assert.Null(card.ReplyToId);
        Assert.Contains("If I don't know you yet", TeamsCards.Text(card.Card!));

        // Sam is in the directory: the channel card's button signs for Global Peace Network.
        var samForm = await PressesAsync(host, team, card, sam, "Sign on");
        Assert.Contains("Global Peace Network", TeamsCards.Text(samForm));
        var closed = await SubmitsAsync(host, team, card, sam, samForm, new() { ["signatory_title"] = "Director", ["attest"] = "true" });
        Assert.Contains("Global Peace Network has signed M-1", closed);

        // Nadia is not: she is asked which organisation she is with, and nothing is counted yet.
        var ask = await PressesAsync(host, team, card, nadia, "Sign on");
        Assert.Contains("Which organisation are you with", TeamsCards.Text(ask), StringComparison.OrdinalIgnoreCase);
        var asked = await SubmitsAsync(host, team, card, nadia, ask, new() { ["organisation"] = "Peace Women Network", ["title"] = "Director" });
        Assert.Contains("I asked the coordinators to confirm that you are with Peace Women Network", asked);
        await host.DeliverAsync();
        Assert.Contains(coraChat.Chat, a => a.Card is { } c && TeamsCards.Text(c).Contains("Join request #1: Nadia Noor <nadia@peacewomen.org>, Director", StringComparison.Ordinal));
        Assert.Single(host.Simulator.Conversation(advocacy)); // the channel saw nothing but the card
        Assert.Equal(1, await SignedAsync(host));

        Assert.Contains("is now a contact of Peace Women Network and may sign for it. I sent them M-1 to answer.", TeamsCards.Text(await coraChat.Says("partners approve 1")));
        await host.DeliverAsync();
        var nadiaChat = host.Simulator.Conversation(BotFrameworkSimulator.ChatIdFor(nadia.Id));
        Assert.Contains(nadiaChat, a => a.Card is { } c && TeamsCards.Text(c).Contains("M-1: Memo to the Secretary of State", StringComparison.Ordinal));

        // From the channel card again, now as a contact: the sign-on form for her organisation, one answer for it.
        var form = await PressesAsync(host, team, card, nadia, "Sign on");
        Assert.Contains("Peace Women Network", TeamsCards.Text(form));
        Assert.Contains("Peace Women Network has signed M-1", await SubmitsAsync(host, team, card, nadia, form, new() { ["signatory_title"] = "Director", ["category"] = "National", ["attest"] = "true" }));
        Assert.Equal(2, await SignedAsync(host));
        Assert.Contains("Version 1 of M-1 was already posted in this channel", await InChannelAsync(host, team, advocacy, cora, "circulate M-1 to here"));
    }

    [Fact]
    public async Task CirculateToChannelByName_FromTheCoordinatorsChat_FoundInTheTeamsChannels()
    {
        await using var host = await TeamsHost.StartAsync();
        var (team, advocacy, _, coraChat) = await CoalitionTeamAsync(host);
        await coraChat.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");
        await coraChat.Says("circulate M-1");

        Assert.Contains("I found no channel called #Press", TeamsCards.Text(await coraChat.Says("circulate M-1 to #Press")));
        Assert.Contains("M-1's card is on its way to #advocacy in Rights Before Arms Coalition", TeamsCards.Text(await coraChat.Says("circulate M-1 to #advocacy")).Replace("Advocacy", "advocacy", StringComparison.Ordinal));
        Assert.Contains("on its way to #General in Rights Before Arms Coalition", TeamsCards.Text(await coraChat.Says("circulate M-1 to #general")));
        await host.DeliverAsync();

        Assert.Single(host.Simulator.Conversation(advocacy));
        Assert.Single(host.Simulator.Conversation(team.Id)); // General: the channel whose id is the team's
    }

    [Fact]
    public async Task CirculateToChannelOfATeamTheBotLeft_CoordinatorToldNobodyMarkedUnreachable()
    {
        await using var host = await TeamsHost.StartAsync();
        var (team, advocacy, cora, coraChat) = await CoalitionTeamAsync(host);
        await coraChat.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");
        await coraChat.Says("circulate M-1");
        Assert.Contains("on its way to this channel", await InChannelAsync(host, team, advocacy, cora, "circulate M-1 to here"));

        await host.Simulator.UninstallBotAsync(host.Http, host.Messages, team); // removed before the outbox sent the card
        await host.DeliverAsync();
        await host.DeliverAsync();

        Assert.Empty(host.Simulator.Conversation(advocacy));
        Assert.Contains(coraChat.Chat, a => a.Card is { } c && TeamsCards.Text(c).Contains("I could not post a message in a Teams channel", StringComparison.Ordinal)
            && TeamsCards.Text(c).Contains("403 BotNotInConversationRoster", StringComparison.Ordinal) && TeamsCards.Text(c).Contains("Add me to its team", StringComparison.Ordinal));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Contacts.CountAsync(c => c.Unreachable));
    }

    [Fact]
    public async Task CirculateToHere_InTheCoordinatorsOwnChat_AskedToTypeItInTheChannel()
    {
        await using var host = await TeamsHost.StartAsync();
        var (_, _, _, coraChat) = await CoalitionTeamAsync(host);
        await coraChat.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");

        Assert.Contains("Type `circulate M-3 to here` in the channel itself, mentioning me", TeamsCards.Text(await coraChat.Says("circulate M-1 to here")));
        Assert.Contains("is not a channel", TeamsCards.Text(await coraChat.Says("circulate M-1 to #")));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        Assert.Equal(MemoStatus.Draft, (await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Memos.SingleAsync()).Status); // a bad target opens nothing
    }

    /// <summary>The coalition's team with an Advocacy channel, the bot added to it, and Cora (a member) its coordinator, set up in her 1:1 chat.</summary>
    private static async Task<(SimulatedTeam Team, string Advocacy, SimulatedMember Cora, TeamsUser CoraChat)> CoalitionTeamAsync(TeamsHost host)
    {
        var team = host.Simulator.AddTeam("Rights Before Arms Coalition");
        var advocacy = team.AddChannel("Advocacy");
        var cora = host.Simulator.AddTeamMember(team, "Cora Coordinator", "cora@coalition.org");
        host.Simulator.AddMember(cora.Id, cora.AadObjectId, cora.Name, cora.Email);
        Assert.All(await host.Simulator.InstallBotAsync(host.Http, host.Messages, team), s => Assert.True((int)s < 300, s.ToString()));
        var chat = new TeamsUser(host, new TeamsActivityFactory(host.Simulator)
        {
            UserId = cora.Id,
            UserAadObjectId = cora.AadObjectId,
            UserName = cora.Name,
            PersonalConversationId = BotFrameworkSimulator.ChatIdFor(cora.Id), // the chat POST /v3/conversations opens with her
        }, inChannel: false);
        Assert.Contains("you are its coordinator", TeamsCards.Text(await chat.Says("setup Rights Before Arms")));
        return (team, advocacy, cora, chat);
    }

    /// <summary>A member mentions the bot in a channel post; returns the bot's answer, which Teams can only show privately in their 1:1 chat.</summary>
    private static async Task<string> InChannelAsync(TeamsHost host, SimulatedTeam team, string channel, SimulatedMember member, string text)
    {
        var before = host.Simulator.Activities.Count;
        using var response = await host.PostAsync(host.Simulator.ChannelMention(team, channel, member, text));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var chat = BotFrameworkSimulator.ChatIdFor(member.Id);
        var timeout = TeamsHost.Timeout();
        for (var count = before + 1; ; count++)
        {
            await host.Simulator.WaitForActivitiesAsync(count, timeout);
            if (host.Simulator.Activities[count - 1] is { Method: "POST", Card: { } card } activity && activity.ConversationId == chat)
            {
                host.Clock.Advance(TimeSpan.FromMinutes(1));
                return TeamsCards.Text(card);
            }
        }
    }

    /// <summary>Presses a button of the channel card as this member; returns the form the dialog Teams opens shows.</summary>
    private static async Task<JsonObject> PressesAsync(TeamsHost host, SimulatedTeam team, RecordedActivity card, SimulatedMember member, string title)
    {
        var action = TeamsCards.Actions(card.Card!).Single(a => a["title"]?.GetValue<string>() == title);
        using var response = await host.PostAsync(host.Simulator.ChannelPress(team, card, member, action));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("continue", body["task"]?["type"]?.GetValue<string>());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        return body["task"]!["value"]!["card"]!["content"]!.AsObject();
    }

    /// <summary>Fills in the dialog's form and submits it; returns the note the dialog closes with.</summary>
    private static async Task<string> SubmitsAsync(TeamsHost host, SimulatedTeam team, RecordedActivity card, SimulatedMember member, JsonObject form, Dictionary<string, string> fields)
    {
        var data = (JsonObject)form["actions"]!.AsArray().Single()!["data"]!.DeepClone();
        foreach (var input in TeamsCards.InputIds(form))
        {
            data[input] = fields.TryGetValue(input, out var value) ? value : Initial(form, input);
        }

        using var response = await host.PostAsync(host.Simulator.ChannelDialogSubmit(team, card, member, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        return body["task"]?["value"] is JsonValue note ? note.GetValue<string>() : body.ToJsonString();
    }

    /// <summary>What an input shows before anyone types (Teams submits it as it is).</summary>
    private static string? Initial(JsonObject form, string id) =>
        Flatten(form).FirstOrDefault(e => e["id"]?.GetValue<string>() == id)?["value"]?.GetValue<string>();

    private static IEnumerable<JsonObject> Flatten(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).SelectMany(Flatten)),
        JsonArray a => a.SelectMany(Flatten),
        _ => [],
    };

    private static async Task<int> SignedAsync(TeamsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().SignOns.CountAsync(s => s.State == SignOnState.Signed);
    }
}
