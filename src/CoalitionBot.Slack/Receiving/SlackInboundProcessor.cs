using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Core.Replies;
using CoalitionBot.Slack.Rendering;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Everything after parsing, shared by the HTTP endpoints and the Socket Mode client: a verified payload in,
/// the ack out (within Slack's 3 s), slow work queued after it.
/// </summary>
internal sealed partial class SlackInboundProcessor(
    IInboundHandler handler,
    SlackReplyDispatcher dispatcher,
    SlackEventProcessor events,
    RecentDeliveries recent,
    SlackUserDirectory users,
    TimeProvider time,
    IOptionsMonitor<SlackOptions> options,
    IHostApplicationLifetime lifetime,
    FormIntake forms,
    ILogger<SlackInboundProcessor> log,
    Core.Telemetry.BotTelemetry? telemetry = null)
{
    /// <summary>Action id of the "Open the form" button we post where no trigger_id exists (DMs, mentions).</summary>
    public const string OpenFormActionId = "slack.form";

    private static readonly TimeSpan DoubleClickWindow = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Receives one verified payload and returns Slack's answer as soon as it is acknowledged (HTTP response or
    /// Socket Mode ack); what follows the ack (opening a modal, the reply of a slow handler) goes on after it.
    /// </summary>
    public async Task<SlackAck> ReceiveAsync(SlackPayloadKind kind, JsonObject payload, CancellationToken cancellationToken)
    {
        var ack = new Acknowledgement<SlackAck>(SlackAck.Deadline, KindName(kind), time, log, telemetry);
        var processing = ProcessAsync(kind, payload, ack, cancellationToken);
        await Task.WhenAny(ack.Acknowledged, processing).ConfigureAwait(false);
        if (!ack.IsAcknowledged)
        {
            await processing.ConfigureAwait(false); // a failure before the ack is the caller's to answer
            await ack.AckAsync(SlackAck.Empty).ConfigureAwait(false);
        }

        _ = AfterAckAsync(processing, kind);
        return await ack.Acknowledged.ConfigureAwait(false);
    }

    /// <summary>Decides the answer and acks it through <paramref name="ack"/> (exactly once), then finishes what must follow the ack.</summary>
    internal Task ProcessAsync(SlackPayloadKind kind, JsonObject payload, Acknowledgement<SlackAck> ack, CancellationToken cancellationToken)
    {
        // Every Slack call made for this request uses the token of the workspace it came from (the work continues in that scope).
        using var team = Installations.SlackTeamScope.Enter(payload.Str("team_id") ?? payload.Obj("team").Str("id"));
        return kind switch
        {
            SlackPayloadKind.SlashCommand => CommandAsync(payload, ack),
            SlackPayloadKind.Interactive => InteractionAsync(payload, ack),
            SlackPayloadKind.Event => events.AcceptAsync(payload, ack, cancellationToken),
            _ => ack.AckAsync(SlackAck.Empty),
        };
    }

    private static string KindName(SlackPayloadKind kind) => kind switch
    {
        SlackPayloadKind.SlashCommand => "slash command",
        SlackPayloadKind.Interactive => "interaction",
        _ => "event",
    };

    private async Task AfterAckAsync(Task processing, SlackPayloadKind kind)
    {
        try
        {
            await processing.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAfterAckFailed(log, KindName(kind), ex);
        }
    }

    private Task CommandAsync(JsonObject payload, Acknowledgement<SlackAck> ack)
    {
        var team = payload.Str("team_id");
        var user = payload.Str("user_id");
        var trigger = payload.Str("trigger_id");
        if (team is null || user is null || trigger is null)
        {
            return ack.AckAsync(new SlackAck(400, null));
        }

        var channel = payload.Str("channel_id");
        var place = SlackPlaces.Place(team, channel, payload.Str("channel_name"), user);
        var text = (payload.Str("text") ?? string.Empty).Trim();
        var inbound = new Inbound(
            $"slack:command:{team}:{trigger}",
            Actor(team, user, payload.Str("user_name")),
            place,
            new CommandText(text.Length == 0 ? "help" : text));
        var context = new ReplyContext(ReplyOrigin.Command, team, user, channel, place.Kind == PlaceKind.Direct, trigger, payload.Str("response_url"), null, text);
        return RespondWithinBudgetAsync(inbound, context, ack);
    }

    private Task InteractionAsync(JsonObject payload, Acknowledgement<SlackAck> ack)
    {
        var team = payload.Obj("user").Str("team_id") ?? payload.Obj("team").Str("id");
        var user = payload.Obj("user").Str("id");
        if (team is null || user is null)
        {
            return ack.AckAsync(new SlackAck(400, null));
        }

        var name = payload.Obj("user").Str("username") ?? payload.Obj("user").Str("name");
        return payload.Str("type") switch
        {
            "block_actions" => BlockActionAsync(payload, team, user, name, ack),
            "view_submission" => ViewSubmissionAsync(payload, team, user, name, ack),
            _ => ack.AckAsync(SlackAck.Empty),
        };
    }

    private Task BlockActionAsync(JsonObject payload, string team, string user, string? name, Acknowledgement<SlackAck> ack)
    {
        var action = payload.Arr("actions")?.FirstOrDefault() as JsonObject;
        if (action is null || action.Has("url") || action.Str("action_id") is not { } slackActionId)
        {
            // Link buttons send block_actions too; the browser already did the work.
            return ack.AckAsync(SlackAck.Empty);
        }

        var actionId = SlackActionId.Decode(slackActionId);
        var value = action.Str("value") ?? action.Obj("selected_option").Str("value") ?? string.Empty;
        var container = payload.Obj("container");
        var view = payload.Obj("view");
        var channel = payload.Obj("channel").Str("id") ?? container.Str("channel_id");
        var where = container.Str("message_ts") ?? view.Str("id") ?? "-";
        if (!recent.TryClaim(new DeliveryKey(Platform.Slack, $"click:{team}:{user}:{actionId}:{value}:{where}"), DoubleClickWindow))
        {
            LogDoubleClick(log, actionId, user);
            return ack.AckAsync(SlackAck.Empty);
        }

        var place = channel is null
            ? SlackPlaces.Place(team, null, null, user)
            : SlackPlaces.Place(team, channel, payload.Obj("channel").Str("name"), user);
        InboundContent content = actionId == OpenFormActionId ? new CommandText(value) : new ButtonAction(actionId, value);
        var inbound = new Inbound($"slack:action:{team}:{user}:{action.Str("action_ts") ?? where}", Actor(team, user, name), place, content);
        var context = new ReplyContext(
            ReplyOrigin.Action, team, user, channel, place.Kind == PlaceKind.Direct, payload.Str("trigger_id"), payload.Str("response_url"), view.Str("type"));
        return RespondWithinBudgetAsync(inbound, context, ack);
    }

    private Task ViewSubmissionAsync(JsonObject payload, string team, string user, string? name, Acknowledgement<SlackAck> ack)
    {
        if (ViewSubmission(payload, team, user, name) is not var (inbound, context))
        {
            return ack.AckAsync(SlackAck.Empty);
        }

        return SignOnFields.MayAckFirst(inbound) ? AckFirstAsync(inbound, payload, context, ack) : RespondWithinBudgetAsync(inbound, context, ack);
    }

    /// <summary>The neutral form submission a view_submission carries, and where its answer goes; null without a form id.</summary>
    private (Inbound Inbound, ReplyContext Context)? ViewSubmission(JsonObject payload, string team, string user, string? name)
    {
        var view = payload.Obj("view");
        var metadata = FormMetadata.TryParse(view.Str("private_metadata"));
        var formId = metadata?.FormId ?? view.Str("callback_id");
        if (formId is null)
        {
            return null;
        }

        var fields = ModalRenderer.ReadValues(view.Obj("state").Obj("values"));
        var place = SlackPlaces.Place(team, metadata?.ChannelId, null, user);
        // A modal resubmitted after response_action "errors" keeps its id and hash; only the trigger_id is new with
        // each submission (a Socket Mode redelivery repeats it), so it is what tells a correction from a repeat.
        var inbound = new Inbound(
            $"slack:view:{team}:{user}:{view.Str("id")}:{payload.Str("trigger_id") ?? view.Str("hash")}",
            Actor(team, user, name),
            place,
            new FormSubmission(formId, metadata?.Context ?? string.Empty, fields));
        var context = new ReplyContext(
            ReplyOrigin.ViewSubmission, team, user, metadata?.ChannelId, place.Kind == PlaceKind.Direct, payload.Str("trigger_id"), null, "modal");
        return (inbound, context);
    }

    /// <summary>
    /// A sign-on whose fields are fine: journaled (one group commit with the others arriving now), then answered with the
    /// handler's reply if it comes within <see cref="SlackOptions.JournaledFormWait"/>, else acked empty (the modal
    /// closes) with the reply following in the DM. A journal that cannot be written falls back to handling inline.
    /// </summary>
    private async Task AckFirstAsync(Inbound inbound, JsonObject payload, ReplyContext context, Acknowledgement<SlackAck> ack)
    {
        var wait = options.CurrentValue.JournaledFormWait;
        var (outcome, reply) = await forms.AcceptAsync(
            inbound, payload.ToJsonString(), wait < ack.Remaining ? wait : ack.Remaining, (r, _) => dispatcher.FollowUpQueued(r, context), lifetime.ApplicationStopping,
            () => Installations.SlackTeamScope.Enter(context.TeamId)).ConfigureAwait(false);
        switch (outcome)
        {
            case IntakeOutcome.Busy:
                await RespondWithinBudgetAsync(inbound, context, ack).ConfigureAwait(false);
                return;
            case IntakeOutcome.Accepted when reply is not null:
                await dispatcher.AnswerAsync(reply, context, ack).ConfigureAwait(false);
                return;
            default:
                await ack.AckAsync(SlackAck.Empty).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>The handling of a sign-on journaled before its ack (<see cref="AckFirstAsync"/>), after a crash; null when the payload is not one.</summary>
    internal HandleDelivery? Replay(JsonObject payload)
    {
        var team = payload.Obj("user").Str("team_id") ?? payload.Obj("team").Str("id");
        var user = payload.Obj("user").Str("id");
        if (team is null || user is null || payload.Str("type") != "view_submission"
            || ViewSubmission(payload, team, user, payload.Obj("user").Str("username") ?? payload.Obj("user").Str("name")) is not var (inbound, context))
        {
            return null;
        }

        // The handling and its reply use the token of the workspace the submission came from.
        return forms.Replay(inbound, (r, _) => dispatcher.FollowUpQueued(r, context), () => Installations.SlackTeamScope.Enter(team));
    }

    /// <summary>
    /// Runs the handler; if it answers within the budget (the inline budget, never past the ack's deadline) the answer
    /// rides in the ack, otherwise it follows later.
    /// </summary>
    private async Task RespondWithinBudgetAsync(Inbound inbound, ReplyContext context, Acknowledgement<SlackAck> ack)
    {
        var stopping = lifetime.ApplicationStopping;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var inline = options.CurrentValue.InlineReplyBudget;
        var delay = Task.Delay(inline < ack.Remaining ? inline : ack.Remaining, time, budget.Token);

        // The store's SQLite calls complete synchronously, so a handler called inline would run most of its work
        // before returning a task, and the budget would only start after it: under a burst, acks came after 8 s.
        // Started on the pool, the budget holds from the moment the payload arrived.
        var handling = Task.Run(() => handler.HandleAsync(inbound, stopping), CancellationToken.None);
        if (await Task.WhenAny(handling, delay).ConfigureAwait(false) != handling)
        {
            LogSlowHandler(log, inbound.DeliveryId);
            await ack.AckAsync(SlackAck.Empty).ConfigureAwait(false);
            dispatcher.FollowUpLater(handling, context);
            return;
        }

        await budget.CancelAsync().ConfigureAwait(false);
        Reply reply;
        try
        {
            reply = await handling.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(log, inbound.DeliveryId, ex);
            await ack.AckAsync(context.Origin == ReplyOrigin.Command
                ? SlackAck.Json(SlackReplySender.InlineBody(Message.Text("Sorry, something went wrong. Please try again in a moment."), false))
                : SlackAck.Empty).ConfigureAwait(false);
            return;
        }

        await dispatcher.AnswerAsync(reply, context, ack).ConfigureAwait(false);
    }

    private Actor Actor(string team, string user, string? name)
    {
        var known = users.Cached(user);
        var actor = SlackPlaces.Actor(team, user, known?.RealName ?? name);
        return known is null ? actor : actor with { Email = known.Email, TimeZone = known.TimeZone };
    }

    [LoggerMessage(EventId = LogEvents.DoubleClick, Level = LogLevel.Information, Message = "Ignored a repeated click on {ActionId} by {UserId}")]
    private static partial void LogDoubleClick(ILogger logger, string actionId, string userId);

    [LoggerMessage(EventId = LogEvents.SlowHandler, Level = LogLevel.Information, Message = "Handler for {DeliveryId} is slow: acknowledged, the answer follows")]
    private static partial void LogSlowHandler(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = LogEvents.HandlerFailed, Level = LogLevel.Error, Message = "Handler failed for {DeliveryId}")]
    private static partial void LogHandlerFailed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(EventId = LogEvents.AfterAckFailed, Level = LogLevel.Error, Message = "Work after the ack of a Slack {Kind} failed")]
    private static partial void LogAfterAckFailed(ILogger logger, string kind, Exception exception);
}
