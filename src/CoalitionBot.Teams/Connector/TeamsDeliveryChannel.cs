using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Teams.Activities;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// The outbox's way into Teams. Opens the 1:1 chat when no conversation is known yet, sends (or updates) the card(s),
/// and turns every connector answer into sent / retry later / failed for good.
/// </summary>
internal sealed class TeamsDeliveryChannel(
    BotConnectorClient connector,
    OutboundActivities activities,
    IOptions<TeamsOptions> options) : IDeliveryChannel
{
    public Platform Platform => Platform.Teams;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = message.Target;
        var reference = ConversationReference.TryParse(target.Reference);
        var serviceUrl = reference?.ServiceUrl ?? options.Value.DefaultServiceUrl;
        var conversationId = target.ConversationId;
        if (string.IsNullOrEmpty(conversationId))
        {
            // Teams accepts the user's 29: id, or their Entra object id when we have never seen a 29: id.
            var member = reference?.User?.Id ?? target.UserId;
            var bot = reference?.Bot?.Id ?? "28:" + options.Value.AppId;
            var created = await connector.CreateConversationAsync(serviceUrl, target.TenantId, bot, member, cancellationToken).ConfigureAwait(false);
            if (!created.Succeeded || string.IsNullOrEmpty(created.Id))
            {
                // 403 without a block: the bot shares no team or chat with them and is not installed for them. Another
                // route (e-mail) may still reach them.
                return created is { Status: 403, ErrorCode: not ("MessageWritesBlocked" or "ConversationBlockedByUser") }
                    ? new DeliveryRouteFailed($"Teams creating the 1:1 chat: 403 {created.ErrorCode ?? "Forbidden"} (the bot shares no team with this person)")
                    : Outcome(created, "creating the 1:1 chat");
            }

            conversationId = created.Id;
        }

        var parts = activities.For(message.Message);
        if (message.ReplacesPlatformMessageId is { Length: > 0 } replaces)
        {
            // The card worth updating is the one with the buttons and counts: the last part.
            var updated = await connector.UpdateAsync(serviceUrl, target.TenantId, conversationId, replaces, parts[^1], wait: false, cancellationToken).ConfigureAwait(false);
            return updated.Succeeded ? new DeliverySent(replaces, conversationId) : Outcome(updated, "updating the card");
        }

        string? lastId = null;
        for (var i = 0; i < parts.Count; i++)
        {
            // Every part waits its turn at the rate limiter: pacing here keeps circulation at the pace Teams allows,
            // where bouncing a throttled first part back to the outbox would cost it seconds of back-off.
            var sent = await connector.SendAsync(serviceUrl, target.TenantId, conversationId, parts[i], wait: true, cancellationToken).ConfigureAwait(false);
            if (!sent.Succeeded)
            {
                return Outcome(sent, i == 0 ? "sending" : $"sending part {i + 1} of {parts.Count}", nothingSent: i == 0);
            }

            lastId = sent.Id ?? lastId;
        }

        return new DeliverySent(lastId ?? string.Empty, conversationId);
    }

    private static DeliveryOutcome Outcome(ConnectorResult result, string doing, bool nothingSent = false)
    {
        var reason = $"Teams {doing}: {(result.Status == 0 ? "no answer" : result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} {result.ErrorCode}".TrimEnd();
        if (result.RecipientBlocked)
        {
            return new DeliveryFailed(reason, RecipientUnreachable: true);
        }

        if (result.Transient)
        {
            // Held back by our own limiter before the first part went: a wait for its turn, not an attempt.
            return new DeliveryRetry(reason, result.RetryAfter, NotSent: nothingSent && result.LocallyThrottled);
        }

        return new DeliveryFailed(reason, RecipientUnreachable: false);
    }
}
