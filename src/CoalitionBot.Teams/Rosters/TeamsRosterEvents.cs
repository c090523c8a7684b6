using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Rosters;
using CoalitionBot.Teams.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Rosters;

/// <summary>
/// Keeps the stored teams and group chats in step with what Teams tells the bot: added to one (conversationUpdate with
/// the bot in membersAdded, installationUpdate add) → stored and its roster read; removed (the bot in membersRemoved,
/// installationUpdate remove, teamDeleted) → deactivated; others joined or left → their roster marked changed (leavers
/// are forgotten at once) and read again. Personal chats have no roster.
/// </summary>
internal sealed partial class TeamsRosterEvents(TeamsRosters rosters, IOptions<TeamsOptions> options, ILogger<TeamsRosterEvents> logger)
{
    /// <summary>Handles a membership or installation event; any other activity is left alone. Throws when the store is unreachable.</summary>
    public async Task ObserveAsync(Activity activity, CancellationToken ct)
    {
        if (rosters.Store is not { } store || activity.Type is not ("conversationUpdate" or "installationUpdate")
            || activity.Conversation?.Id is null || InboundMapper.IsPersonal(activity))
        {
            return;
        }

        var team = Team(activity);
        var placeId = team?.Id ?? activity.Conversation.Id;
        var bot = activity.Recipient?.Id ?? "28:" + options.Value.AppId;
        var action = activity.Action ?? string.Empty;
        var botRemoved = activity.MembersRemoved?.Any(m => m.Id == bot) == true
            || (activity.Type == "installationUpdate" && action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
            || string.Equals(EventType(activity), "teamDeleted", StringComparison.OrdinalIgnoreCase);
        if (botRemoved)
        {
            await store.DeactivateAsync(Platform.Teams, placeId, ct).ConfigureAwait(false);
            LogLeft(logger, placeId);
            return;
        }

        var left = (activity.MembersRemoved ?? []).SelectMany(m => new[] { m.Id, m.AadObjectId }).OfType<string>().ToList();
        if (left.Count > 0)
        {
            await store.RemoveMembersAsync(Platform.Teams, placeId, left, ct).ConfigureAwait(false);
        }

        var botAdded = activity.MembersAdded?.Any(m => m.Id == bot) == true
            || (activity.Type == "installationUpdate" && action.StartsWith("add", StringComparison.OrdinalIgnoreCase));
        if (botAdded || activity.MembersAdded is { Count: > 0 })
        {
            // Any event from a team proves the bot is in it: a team it joined before rosters were kept is picked up too.
            var kind = team is null ? PlaceKind.GroupChat : PlaceKind.Channel;
            var place = new RosterPlace(Platform.Teams, placeId, InboundMapper.Tenant(activity), kind, activity.ServiceUrl ?? options.Value.DefaultServiceUrl, bot, team?.Name ?? activity.Conversation.Name);
            await store.AddPlaceAsync(place, ct).ConfigureAwait(false);
            if (botAdded)
            {
                LogJoined(logger, placeId, kind);
            }
        }

        if (botAdded || left.Count > 0 || activity.MembersAdded is { Count: > 0 })
        {
            rosters.RequestRead(placeId);
        }
    }

    private static (string Id, string? Name)? Team(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
        && team.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } teamId
            ? (teamId, team.TryGetProperty("name", out var name) ? name.GetString() : null)
            : null;

    private static string? EventType(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("eventType", out var type) ? type.GetString() : null;

    [LoggerMessage(EventId = LogEvents.BotAddedToPlace, Level = LogLevel.Information, Message = "The bot was added to Teams {Kind} {PlaceId}; reading its roster")]
    private static partial void LogJoined(ILogger logger, string placeId, PlaceKind kind);

    [LoggerMessage(EventId = LogEvents.BotLeftPlace, Level = LogLevel.Information, Message = "The bot left Teams place {PlaceId}; its roster is no longer searched")]
    private static partial void LogLeft(ILogger logger, string placeId);
}
