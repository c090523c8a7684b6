using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Events API deliveries: acked at once, deduplicated on event_id, handled from the work queue.
/// Handles app_mention, message.im (never bot or subtype messages, so never our own) and app_home_opened.
/// </summary>
internal sealed partial class SlackEventProcessor(
    IInboundHandler handler,
    SlackReplyDispatcher dispatcher,
    SlackApiClient api,
    SlackWorkQueue queue,
    SlackDeduplicator deduplicator,
    SlackUserDirectory users,
    ILogger<SlackEventProcessor> log)
{
    private static readonly TimeSpan EventMemory = TimeSpan.FromHours(2);

    internal SlackAck Accept(JsonObject payload)
    {
        switch (payload.Str("type"))
        {
            case "url_verification":
                return SlackAck.Json(new JsonObject { ["challenge"] = payload.Str("challenge") ?? string.Empty });
            case "event_callback":
                var eventId = payload.Str("event_id");
                if (eventId is null)
                {
                    return new SlackAck(400, null);
                }

                var key = "event:" + eventId;
                if (!deduplicator.TryClaim(key, EventMemory))
                {
                    LogDuplicate(log, eventId);
                    return SlackAck.Empty;
                }

                if (!queue.TryEnqueue(ct => HandleAsync(payload, eventId, ct)))
                {
                    deduplicator.Release(key);
                    return SlackAck.Busy;
                }

                return SlackAck.Empty;
            default:
                return SlackAck.Empty;
        }
    }

    private async Task HandleAsync(JsonObject payload, string eventId, CancellationToken cancellationToken)
    {
        var ev = payload.Obj("event");
        var team = payload.Str("team_id") ?? ev.Str("team");
        var user = ev.Str("user");
        if (ev is null || team is null || user is null || ev.Has("bot_id") || ev.Has("subtype"))
        {
            return;
        }

        var botUser = payload.Arr("authorizations")?.OfType<JsonObject>().FirstOrDefault(a => a["is_bot"]?.GetValue<bool>() == true).Str("user_id");
        if (user == botUser)
        {
            return;
        }

        switch (ev.Str("type"))
        {
            case "message" when ev.Str("channel_type") == "im":
            case "app_mention":
                await CommandAsync(ev, eventId, team, user, botUser, cancellationToken).ConfigureAwait(false);
                break;
            case "app_home_opened" when ev.Str("tab") == "home":
                await PublishHomeAsync(eventId, team, user, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task CommandAsync(JsonObject ev, string eventId, string team, string user, string? botUser, CancellationToken cancellationToken)
    {
        var channel = ev.Str("channel");
        var text = StripMentions(ev.Str("text") ?? string.Empty, botUser);
        var place = SlackPlaces.Place(team, channel, null, user);
        var inbound = new Inbound(eventId, await ActorAsync(team, user, cancellationToken).ConfigureAwait(false), place, new CommandText(text.Length == 0 ? "help" : text));
        var reply = await handler.HandleAsync(inbound, cancellationToken).ConfigureAwait(false);
        var context = new ReplyContext(ReplyOrigin.Event, team, user, channel, place.Kind == PlaceKind.Direct, null, null, null, text);
        await dispatcher.DeliverEventReplyAsync(reply, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishHomeAsync(string eventId, string team, string user, CancellationToken cancellationToken)
    {
        var place = SlackPlaces.Place(team, null, null, user);
        var inbound = new Inbound(eventId, await ActorAsync(team, user, cancellationToken).ConfigureAwait(false), place, new CommandText("list"));
        var reply = await handler.HandleAsync(inbound, cancellationToken).ConfigureAwait(false);
        var message = reply switch
        {
            MessageReply m => m.Message,
            FormAcceptedReply a => a.Confirmation,
            _ => null,
        };
        if (message is not null)
        {
            await api.PublishViewAsync(user, BlockKitRenderer.RenderHome(message), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Actor> ActorAsync(string team, string user, CancellationToken cancellationToken)
    {
        var known = await users.GetAsync(user, cancellationToken).ConfigureAwait(false);
        var actor = SlackPlaces.Actor(team, user, known?.RealName ?? known?.Name);
        return known is null ? actor : actor with { Email = known.Email, TimeZone = known.TimeZone };
    }

    /// <summary>Removes mentions of the bot ("&lt;@U123&gt; sign M-1" → "sign M-1"); other mentions stay as typed.</summary>
    internal static string StripMentions(string text, string? botUser) =>
        MentionPattern().Replace(text, m => botUser is null || m.Groups[1].Value == botUser ? string.Empty : m.Value).Trim();

    [GeneratedRegex(@"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex MentionPattern();

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Dropped repeated Slack event {EventId}")]
    private static partial void LogDuplicate(ILogger logger, string eventId);
}
