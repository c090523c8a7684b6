namespace CoalitionBot.Testing.Slack;

/// <summary>A conversation in the simulated workspace. Ids starting with D are DMs.</summary>
public sealed record SimulatedChannel(string Id, string Name, bool Archived = false);
