using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Neutral identities and places from Slack ids.</summary>
internal static class SlackPlaces
{
    public static Actor Actor(string teamId, string userId, string? name) =>
        new(new ChatIdentity(Platform.Slack, teamId, userId), string.IsNullOrWhiteSpace(name) ? null : name);

    /// <summary>D… is a DM, G… or an mpdm-* name a group, anything else a channel.</summary>
    public static Place Place(string teamId, string? channelId, string? channelName, string userId)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return new Place(Platform.Slack, teamId, userId, PlaceKind.Direct);
        }

        var kind = channelId[0] switch
        {
            'D' => PlaceKind.Direct,
            _ when channelName is "directmessage" => PlaceKind.Direct,
            _ when channelName?.StartsWith("mpdm-", StringComparison.Ordinal) == true => PlaceKind.GroupChat,
            _ => PlaceKind.Channel,
        };
        return new Place(Platform.Slack, teamId, channelId, kind);
    }
}
