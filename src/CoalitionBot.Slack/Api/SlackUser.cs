namespace CoalitionBot.Slack.Api;

/// <summary>What users.info / users.lookupByEmail tell us about a person.</summary>
public sealed record SlackUser(string Id, string TeamId, string? Name, string? RealName, string? Email, string? TimeZone, bool Deleted, bool IsBot);
