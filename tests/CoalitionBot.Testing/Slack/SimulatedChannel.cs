namespace CoalitionBot.Testing.Slack;

/// <summary>
/// A conversation in the simulated workspace. Ids starting with D are DMs. <paramref name="Private"/>: a private channel,
/// where only members may post (chat:write.public does not reach it); <paramref name="BotIsMember"/>: the app was invited;
/// <paramref name="Shared"/>: a Slack Connect channel shared with other organisations' workspaces.
/// </summary>
public sealed record SimulatedChannel(string Id, string Name, bool Archived = false, bool Private = false, bool BotIsMember = true, bool Shared = false);
