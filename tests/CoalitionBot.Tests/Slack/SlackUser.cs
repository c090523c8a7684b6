using System.Text.Json.Nodes;
using CoalitionBot.Testing.Slack;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>
/// One person in Slack: types /memo in their DM with the bot, presses buttons on the bot's messages, fills in the
/// modal that opens, and reads their DM from the simulator's record. <paramref name="teamId"/>: a member of another
/// workspace than the simulator's own (a distributed install), whose commands carry that team.
/// </summary>
internal sealed class SlackUser(SlackHost host, SimulatedUser user, string? teamId = null)
{
    public string Id => user.Id;

    public string Name => user.Name;

    /// <summary>The app's DM with this person.</summary>
    public string Channel => host.Simulator.DirectChannelOf(user.Id);

    /// <summary>Everything the bot posted into this person's DM, oldest first, each as it reads now (after chat.update).</summary>
    public IReadOnlyList<SimulatedMessage> Dm => host.Simulator.Conversation(Channel);

    /// <summary>The newest message in the DM that has buttons (a memo card).</summary>
    public SimulatedMessage LastCard => Dm.Last(m => SlackBlocks.Buttons(m.Blocks).Any());

    /// <summary>Sends `/memo text` in the DM and returns the visible text of the bot's inline answer.</summary>
    public async Task<string> Says(string text) => SlackBlocks.Text((await SaysRaw(text))["blocks"]);

    /// <summary>Sends `/memo text` in the DM and returns the ack's JSON (response_type, text, blocks).</summary>
    public async Task<JsonObject> SaysRaw(string text)
    {
        var command = host.Simulator.SlashCommand(text, user.Id, Channel);
        if (teamId is not null)
        {
            command["team_id"] = teamId;
        }

        var ack = await host.CommandAsync(command);
        Assert.NotNull(ack);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        return ack;
    }

    /// <summary>Presses the button labelled <paramref name="label"/> on a DM message and returns the modal Slack opened for it.</summary>
    public async Task<JsonObject> Presses(SimulatedMessage message, string label)
    {
        var button = SlackBlocks.Buttons(message.Blocks).Single(b => (string?)b["text"]?["text"] == label);
        var before = host.Simulator.Views.Count;
        var ack = await host.InteractAsync(host.Simulator.ButtonPress((string)button["action_id"]!, (string)button["value"]!, message.Ts, user.Id, Channel));
        Assert.Null(ack); // block_actions are acked empty; the modal is opened with views.open right after that
        await host.Simulator.WaitUntilAsync(s => s.Views.Count > before);
        var opened = host.Simulator.Views.Skip(before).Select(v => v.View).ToList();
        return Assert.Single(opened);
    }

    /// <summary>Submits a modal with these values and returns the ack's JSON (null: the modal closes).</summary>
    public Task<JsonObject?> Submits(JsonObject view, IReadOnlyDictionary<string, string> values) =>
        host.InteractAsync(host.Simulator.ViewSubmission(view, values, user.Id));

    /// <summary>Waits (bounded, no polling) for a DM from the bot containing <paramref name="text"/>, after the first <paramref name="skip"/> messages.</summary>
    public async Task<SimulatedMessage> ReceivesAsync(string text, int skip = 0)
    {
        bool Has(SimulatedMessage m) => SlackBlocks.Text(m.Blocks).Contains(text, StringComparison.Ordinal) || (m.Text ?? string.Empty).Contains(text, StringComparison.Ordinal);
        await host.Simulator.WaitUntilAsync(_ => Dm.Skip(skip).Any(Has));
        return Dm.Skip(skip).First(Has);
    }
}
