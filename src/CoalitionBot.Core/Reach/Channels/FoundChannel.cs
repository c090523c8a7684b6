namespace CoalitionBot.Core.Reach.Channels;

/// <summary>
/// A channel found by name: its conversation id (what a message is posted to), its name, and the team it belongs to on
/// Teams (null on Slack). <paramref name="BotMayPost"/> is false for a channel the bot cannot post in yet (a Slack
/// channel it was not invited to that is not public).
/// </summary>
public sealed record FoundChannel(string Id, string Name, string? Team, bool BotMayPost)
{
    /// <summary>How the bot names it back: "#advocacy", or "#General in Rights Coalition" on Teams.</summary>
    public string Label => Team is null ? "#" + Name : $"#{Name} in {Team}";
}
