using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Teams.Activities;
using CoalitionBot.Teams.Cards;
using CoalitionBot.Teams.Connector;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Sends the core's reply to a queued message. Teams has no ephemeral messages, so a reply meant for the sender
/// only (not <c>Public</c>) that arose in a channel or group chat goes to the sender's 1:1 chat with the bot.
/// </summary>
internal sealed partial class ReplySender(
    BotConnectorClient connector,
    OutboundActivities activities,
    AdaptiveCardRenderer renderer,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<ReplySender> logger)
{
    public const string PipelineKey = "CoalitionBot.Teams.Reply";

    public async Task SendAsync(Reply reply, QueuedActivity item, CancellationToken ct)
    {
        var (parts, isPublic) = reply switch
        {
            MessageReply m => (activities.For(m.Message), m.Public),
            OpenFormReply f => (Single(f.Form.Title, renderer.RenderForm(f.Form, null, FormHost.Card)), false),
            FormErrorsReply e => (Single(e.Form.Title, renderer.RenderForm(e.Form, e.Errors, FormHost.Card)), false),
            FormAcceptedReply a => (activities.For(a.Confirmation), false),
            _ => ((IReadOnlyList<JsonObject>)[], false),
        };
        if (parts.Count == 0)
        {
            return;
        }

        if (isPublic || item.Personal)
        {
            await ToConversationAsync(parts, item, ct).ConfigureAwait(false);
        }
        else
        {
            await PrivatelyAsync(parts, item, ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> ToConversationAsync(IReadOnlyList<JsonObject> parts, QueuedActivity item, CancellationToken ct)
    {
        var reference = item.Reference;
        var tenant = item.Inbound.Place.TenantId;
        var pipeline = pipelines.GetPipeline<ConnectorResult>(PipelineKey);
        foreach (var part in parts)
        {
            var result = await pipeline.ExecuteAsync(
                async token => item.ReplyToId is { } replyTo
                    ? await connector.ReplyAsync(reference.ServiceUrl!, tenant, item.Inbound.Place.ConversationId, replyTo, part, wait: true, token).ConfigureAwait(false)
                    : await connector.SendAsync(reference.ServiceUrl!, tenant, item.Inbound.Place.ConversationId, part, wait: true, token).ConfigureAwait(false),
                ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                LogReplyFailed(logger, result.Status, result.ErrorCode ?? "-");
                return false;
            }
        }

        return true;
    }

    private async Task PrivatelyAsync(IReadOnlyList<JsonObject> parts, QueuedActivity item, CancellationToken ct)
    {
        var reference = item.Reference;
        var tenant = item.Inbound.Place.TenantId;
        var pipeline = pipelines.GetPipeline<ConnectorResult>(PipelineKey);
        var chat = await pipeline.ExecuteAsync(
            async token => await connector.CreateConversationAsync(reference.ServiceUrl!, tenant, reference.Bot?.Id ?? string.Empty, reference.User?.Id ?? string.Empty, token).ConfigureAwait(false),
            ct).ConfigureAwait(false);
        if (chat.Succeeded && chat.Id is { Length: > 0 } chatId)
        {
            var allSent = true;
            foreach (var part in parts)
            {
                var sent = await pipeline.ExecuteAsync(
                    async token => await connector.SendAsync(reference.ServiceUrl!, tenant, chatId, part, wait: true, token).ConfigureAwait(false),
                    ct).ConfigureAwait(false);
                allSent &= sent.Succeeded;
            }

            if (allSent)
            {
                return;
            }
        }

        // The person has not installed the bot for themselves (or blocked it): say so where they asked.
        LogPrivateFailed(logger, chat.Status, chat.ErrorCode ?? "-");
        var notice = activities.For(Message.Text("I could not message you privately. Add CoalitionBot for yourself (Apps, then CoalitionBot, then Add) and try again."));
        await ToConversationAsync(notice, item, ct).ConfigureAwait(false);
    }

    private static IReadOnlyList<JsonObject> Single(string summary, JsonObject card) => [OutboundActivities.WithCard(summary, card)];

    [LoggerMessage(EventId = LogEvents.ReplyFailed, Level = LogLevel.Warning, Message = "Reply to a Teams activity failed: {Status} {Code}")]
    private static partial void LogReplyFailed(ILogger logger, int status, string code);

    [LoggerMessage(EventId = LogEvents.PrivateReplyFailed, Level = LogLevel.Warning, Message = "Could not open a 1:1 chat for a private reply: {Status} {Code}")]
    private static partial void LogPrivateFailed(ILogger logger, int status, string code);
}
