using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Events API deliveries: written to the inbound journal, acked, deduplicated on event_id, handled from the work
/// queue, and marked done; after a crash <see cref="RecoverAsync"/> handles what was acked but never finished.
/// Handles app_mention, message.im (never bot or subtype messages, so never our own) and app_home_opened.
/// </summary>
internal sealed partial class SlackEventProcessor(
    IInboundHandler handler,
    SlackReplyDispatcher dispatcher,
    SlackApiClient api,
    SlackWorkQueue queue,
    SlackDeduplicator deduplicator,
    SlackUserDirectory users,
    TimeProvider time,
    ILogger<SlackEventProcessor> log,
    IInboundJournal? journal = null)
{
    private static readonly TimeSpan EventMemory = TimeSpan.FromHours(2);

    internal async Task<SlackAck> AcceptAsync(JsonObject payload, CancellationToken cancellationToken)
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

                if (!await RecordAsync(eventId, payload, cancellationToken).ConfigureAwait(false)
                    || !queue.TryEnqueue(ct => HandleAndCompleteAsync(payload, eventId, ct)))
                {
                    deduplicator.Release(key);
                    return SlackAck.Busy;
                }

                return SlackAck.Empty;
            default:
                return SlackAck.Empty;
        }
    }

    /// <summary>Takes events acknowledged at least five minutes ago but never finished (the process died) and queues them again.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (journal is null)
        {
            return 0;
        }

        var entries = await journal.TakeUnfinishedAsync(Platform.Slack, time.GetUtcNow() - TimeSpan.FromMinutes(5), 200, cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var entry in entries)
        {
            if (JsonNode.Parse(entry.Payload) is JsonObject payload && queue.TryEnqueue(ct => HandleAndCompleteAsync(payload, entry.Key, ct)))
            {
                queued++;
            }
        }

        return queued;
    }

    private async Task<bool> RecordAsync(string eventId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (journal is null)
        {
            return true;
        }

        try
        {
            await journal.RecordAsync(Platform.Slack, eventId, payload.ToJsonString(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without a durable note we must not acknowledge: a 503 makes Slack deliver the event again.
            LogJournalFailed(log, ex, eventId);
            return false;
        }
    }

    private async Task HandleAndCompleteAsync(JsonObject payload, string eventId, CancellationToken cancellationToken)
    {
        await HandleAsync(payload, eventId, cancellationToken).ConfigureAwait(false);
        if (journal is not null)
        {
            await journal.CompleteAsync(Platform.Slack, eventId, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(EventId = 4310, Level = LogLevel.Error, Message = "Could not record Slack event {EventId} in the inbound journal; answering 503 so Slack retries")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, string eventId);
}
