using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Teams.Activities;
using CoalitionBot.Teams.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Answers invokes while Teams waits: <c>adaptiveCard/action</c> (Action.Execute and card refresh) with a card,
/// <c>task/fetch</c> and <c>task/submit</c> with a dialog. Replies meant only for the sender that cannot be shown in
/// place are queued to go to their 1:1 chat.
/// </summary>
internal sealed partial class InvokeHandler(
    IServiceScopeFactory scopes,
    AdaptiveCardRenderer renderer,
    QueuedActivityHandler queued,
    ILogger<InvokeHandler> logger)
{
    public const string CardAction = "adaptiveCard/action";
    public const string TaskFetch = "task/fetch";
    public const string TaskSubmit = "task/submit";

    public async Task<JsonObject> HandleAsync(Activity activity, CancellationToken ct)
    {
        try
        {
            switch (activity.Name)
            {
                case CardAction:
                    return await CardActionAsync(activity, ct).ConfigureAwait(false);
                case TaskFetch:
                case TaskSubmit:
                    return await DialogAsync(activity, ct).ConfigureAwait(false);
                default:
                    LogUnknownInvoke(logger, activity.Name ?? "(none)");
                    return [];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The person is looking at a spinner: tell them something went wrong rather than leave Teams guessing.
            LogInvokeFailed(logger, ex, activity.Name ?? "(none)");
            return activity.Name == CardAction
                ? InvokeResponses.Error(500, "InternalError", "Something went wrong. Please try again.")
                : InvokeResponses.DialogMessage("Something went wrong. Please try again.");
        }
    }

    private async Task<JsonObject> CardActionAsync(Activity activity, CancellationToken ct)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var verb = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var v) ? v.GetString() : null;
        JsonElement? data = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var d) ? d : null;
        var automatic = activity.Value is { ValueKind: JsonValueKind.Object } val && val.TryGetProperty("trigger", out var t)
            && string.Equals(t.GetString(), "automatic", StringComparison.OrdinalIgnoreCase);
        var content = InboundMapper.FromCardData(data, verb);
        if (content is null)
        {
            return InvokeResponses.Error(400, "BadRequest", "This button is not one CoalitionBot knows.");
        }

        var reply = await HandleAsync(activity, content, ct).ConfigureAwait(false);
        var personal = InboundMapper.IsPersonal(activity);

        // A card returned to a manual click replaces the message for everyone in the conversation; an automatic
        // refresh is shown to the one viewer only. Anything meant for the clicker alone goes to their 1:1 chat.
        switch (reply)
        {
            case MessageReply m:
                var parts = renderer.RenderMessage(m.Message);
                if (automatic)
                {
                    return InvokeResponses.Card(parts[^1]);
                }

                if (parts.Count == 1 && (m.Public || personal))
                {
                    return InvokeResponses.Card(parts[0]);
                }

                return QueueReply(activity, reply, personal) ? InvokeResponses.Toast(personal ? "Sent below." : "I sent you the answer in our private chat.") : Busy();
            case OpenFormReply f when personal:
                return InvokeResponses.Card(renderer.RenderForm(f.Form, null, FormHost.Card));
            case FormErrorsReply e:
                return InvokeResponses.Card(renderer.RenderForm(e.Form, e.Errors, FormHost.Card));
            case FormAcceptedReply accepted:
                var confirmation = renderer.RenderMessage(accepted.Confirmation);
                return InvokeResponses.Card(confirmation[^1]);
            case OpenFormReply:
                return QueueReply(activity, reply, personal) ? InvokeResponses.Toast("I sent you the form in our private chat.") : Busy();
            case DuplicateReply:
                return InvokeResponses.Toast("Already done.");
            default:
                return InvokeResponses.Error(500, "UnexpectedReply", "Something went wrong.");
        }
    }

    private async Task<JsonObject> DialogAsync(Activity activity, CancellationToken ct)
    {
        JsonElement? data = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("data", out var d) ? d : null;
        var content = InboundMapper.FromCardData(data);
        if (content is null)
        {
            return InvokeResponses.DialogMessage("This button is not one CoalitionBot knows.");
        }

        var reply = await HandleAsync(activity, content, ct).ConfigureAwait(false);
        switch (reply)
        {
            case OpenFormReply f:
                return InvokeResponses.Dialog(f.Form.Title, renderer.RenderForm(f.Form, null, FormHost.Dialog));
            case FormErrorsReply e:
                return InvokeResponses.Dialog(e.Form.Title, renderer.RenderForm(e.Form, e.Errors, FormHost.Dialog));
            case FormAcceptedReply accepted:
                // The dialog closes with a short note; the full confirmation (a receipt) goes to the person's chat.
                var receiptQueued = QueueReply(activity, reply, InboundMapper.IsPersonal(activity));
                return InvokeResponses.DialogMessage(receiptQueued
                    ? accepted.Confirmation.Summary
                    : accepted.Confirmation.Summary + " (Your answer is stored, but I could not send the receipt to our chat just now.)");
            case MessageReply m:
                return InvokeResponses.DialogMessage(m.Message.Summary);
            case DuplicateReply:
                return InvokeResponses.DialogMessage("Already done.");
            default:
                return InvokeResponses.DialogMessage("Something went wrong.");
        }
    }

    private async Task<Reply> HandleAsync(Activity activity, InboundContent content, CancellationToken ct)
    {
        var inbound = new Inbound(InboundMapper.DeliveryId(activity), InboundMapper.Actor(activity), InboundMapper.Place(activity), content);
        await using var services = scopes.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<IInboundHandler>().HandleAsync(inbound, ct).ConfigureAwait(false);
    }

    private bool QueueReply(Activity activity, Reply reply, bool personal)
    {
        var inbound = new Inbound(InboundMapper.DeliveryId(activity), InboundMapper.Actor(activity), InboundMapper.Place(activity), new CommandText(string.Empty));
        return queued.TryQueueReply(reply, new QueuedActivity(inbound, ConversationReference.From(activity), ReplyToId: null, personal));
    }

    private static JsonObject Busy() => InvokeResponses.Error(503, "Busy", "CoalitionBot is busy; please try again in a minute.");

    [LoggerMessage(EventId = LogEvents.InvokeFailed, Level = LogLevel.Error, Message = "Teams invoke {Name} failed")]
    private static partial void LogInvokeFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = LogEvents.InvokeIgnored, Level = LogLevel.Debug, Message = "Ignoring Teams invoke {Name}")]
    private static partial void LogUnknownInvoke(ILogger logger, string name);
}
