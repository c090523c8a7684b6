using CoalitionBot.Core.Features;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace CoalitionBot.WebChannel;

/// <summary>
/// Delivers proactive messages on the web channel by putting them in the person's inbox, which the browser polls. An
/// update (a card that changed) rewrites the card's inbox row and adds a row of its own that replaces it, so a browser
/// that already shows the card swaps it in place (<see cref="WebChannelEndpoints"/>' inbox says which row it replaces).
/// </summary>
public sealed class WebDeliveryChannel(IServiceScopeFactory scopes, TimeProvider clock) : IDeliveryChannel
{
    public Platform Platform => Platform.Web;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var target = message.Target;
        var contactId = await db.Identities
            .Where(i => i.Platform == Platform.Web && i.TenantId == target.TenantId && i.UserId == target.UserId)
            .Select(i => (Guid?)i.ContactId).FirstOrDefaultAsync(cancellationToken);
        if (contactId is null)
        {
            return new DeliveryFailed("This person has no web-channel identity.", RecipientUnreachable: true);
        }

        var existing = await db.WebInbox.Where(m => m.DeliveryId == message.DeliveryId).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return new DeliverySent(message.ReplacesPlatformMessageId ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture), target.ConversationId);
        }

        var payload = JsonSerializer.Serialize(message.Message, Deliveries.Json);
        WebInboxMessage? card = null;
        if (message.ReplacesPlatformMessageId is { } replaces)
        {
            card = long.TryParse(replaces, System.Globalization.CultureInfo.InvariantCulture, out var cardId)
                ? await db.WebInbox.FirstOrDefaultAsync(m => m.Id == cardId && m.ContactId == contactId.Value, cancellationToken)
                : null;
            if (card is null)
            {
                return new DeliveryFailed("The card to update is not in this person's inbox.", RecipientUnreachable: false);
            }

            card.Payload = payload;
        }

        var row = new WebInboxMessage
        {
            ContactId = contactId.Value,
            DeliveryId = message.DeliveryId,
            Payload = payload,
            At = clock.GetUtcNow(),
        };
        db.WebInbox.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new DeliverySent((card ?? row).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), target.ConversationId);
    }
}
