namespace CoalitionBot.Slack.Api;

/// <summary>A channel as conversations.list lists it: id, name, whether it is private and whether the bot is a member.</summary>
public sealed record SlackChannel(string Id, string Name, bool IsPrivate, bool IsMember);
