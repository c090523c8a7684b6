using CoalitionBot.Core.Features;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace CoalitionBot.WebChannel;

/// <summary>Delivers proactive messages on the web channel by putting them in the person's inbox, which the browser polls.</summary>
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
            return new DeliverySent(id.ToString(System.Globalization.CultureInfo.InvariantCulture), target.ConversationId);
        }

        var row = new WebInboxMessage
        {
            ContactId = contactId.Value,
            DeliveryId = message.DeliveryId,
            Payload = JsonSerializer.Serialize(message.Message, Deliveries.Json),
            At = clock.GetUtcNow(),
        };
        db.WebInbox.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new DeliverySent(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), target.ConversationId);
    }
}
