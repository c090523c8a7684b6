using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Core.Replies;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Events API deliveries, through the receiver kit's <see cref="InboundIntake"/>: deduplicated on event_id, written to
/// the inbound journal, acked, handled from the work queue, and marked done; after a crash the kit's recovery replays
/// what was acked but never finished (<see cref="Replay"/>).
/// Handles app_mention, message.im (never bot or subtype messages, so never our own) and app_home_opened.
/// </summary>
internal sealed partial class SlackEventProcessor(
    IInboundHandler handler,
    SlackReplyDispatcher dispatcher,
    SlackApiClient api,
    InboundIntake intake,
    SlackUserDirectory users,
    Installations.SlackUninstalls uninstalls,
    ILogger<SlackEventProcessor> log,
    Core.Telemetry.BotTelemetry? telemetry = null) : IJournalReplay
{
    private static readonly TimeSpan EventMemory = TimeSpan.FromHours(2);

    public Platform Platform => Platform.Slack;

    internal async Task AcceptAsync(JsonObject payload, Acknowledgement<SlackAck> ack, CancellationToken cancellationToken)
    {
        switch (payload.Str("type"))
        {
            case "url_verification":
                await ack.AckAsync(SlackAck.Json(new JsonObject { ["challenge"] = payload.Str("challenge") ?? string.Empty })).ConfigureAwait(false);
                return;
            case "event_callback" when payload.Str("event_id") is { } eventId:
                var outcome = await intake.AcceptAsync(
                    new DeliveryKey(Platform.Slack, eventId), EventMemory, payload.ToJsonString(), Handling(payload, eventId), cancellationToken).ConfigureAwait(false);
                if (outcome == IntakeOutcome.Duplicate)
                {
                    LogDuplicate(log, eventId);
                }

                await ack.AckAsync(outcome == IntakeOutcome.Busy ? SlackAck.Busy : SlackAck.Empty).ConfigureAwait(false);
                return;
            case "event_callback":
                await ack.AckAsync(new SlackAck(400, null)).ConfigureAwait(false);
                return;
            default:
                await ack.AckAsync(SlackAck.Empty).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Handles a journaled event again (the process died after acking it).</summary>
    public HandleDelivery? Replay(JournalEntry entry)
    {
        try
        {
            return JsonNode.Parse(entry.Payload) is JsonObject payload ? Handling(payload, entry.Key) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private HandleDelivery Handling(JsonObject payload, string eventId) => async ct =>
    {
        await HandleAsync(payload, eventId, ct).ConfigureAwait(false);
        return null;
    };

    private async Task HandleAsync(JsonObject payload, string eventId, CancellationToken cancellationToken)
    {
        var ev = payload.Obj("event");
        var team = payload.Str("team_id") ?? ev.Str("team");
        using var scope = Installations.SlackTeamScope.Enter(team);
        if (ev.Str("type") is "app_uninstalled" or "tokens_revoked" && team is not null)
        {
            await uninstalls.DeactivateAsync(team, ev.Str("type")!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var user = ev.Str("user");
        if (ev is null || team is null || user is null || ev.Has("bot_id") || ev.Has("subtype"))
        {
            return;
        }

        var botUser = payload.Arr("authorizations")?.OfType<JsonObject>().FirstOrDefault(a => a.IsTrue("is_bot")).Str("user_id");
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
        using var replying = telemetry?.Start("coalitionbot.inbound.reply", Platform.Slack)?.SetTag(Core.Telemetry.TelemetryTags.DeliveryId, eventId);
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

    [LoggerMessage(EventId = LogEvents.DuplicateEvent, Level = LogLevel.Information, Message = "Dropped repeated Slack event {EventId}")]
    private static partial void LogDuplicate(ILogger logger, string eventId);
}
