using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Reach.Rosters;

/// <summary>
/// A place the bot was added to: a Teams team (<paramref name="PlaceId"/> is the team id) or group chat.
/// <paramref name="ServiceUrl"/> is where the platform answers for it; <paramref name="BotId"/> the bot's id there.
/// </summary>
public sealed record RosterPlace(Platform Platform, string PlaceId, string TenantId, PlaceKind Kind, string ServiceUrl, string BotId, string? Name);
