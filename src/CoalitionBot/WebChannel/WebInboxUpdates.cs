using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.WebChannel;

/// <summary>Which inbox rows are updates of an earlier card, and of which row: through their deliveries' <c>ReplacesDeliveryId</c>.</summary>
internal static class WebInboxUpdates
{
    /// <summary>Inbox row id of each update among <paramref name="rows"/> → the inbox row id of the card it replaces.</summary>
    public static async Task<Dictionary<long, long>> ReplacedAsync(CoalitionDbContext db, IReadOnlyCollection<WebInboxMessage> rows, CancellationToken ct)
    {
        var deliveryIds = rows.Select(r => r.DeliveryId).ToList();
        var updates = await db.Deliveries.Where(d => deliveryIds.Contains(d.Id) && d.ReplacesDeliveryId != null)
            .Select(d => new { d.Id, Card = d.ReplacesDeliveryId!.Value }).ToListAsync(ct);
        if (updates.Count == 0)
        {
            return [];
        }

        var cardDeliveries = updates.Select(u => u.Card).Distinct().ToList();
        var cards = await db.WebInbox.Where(m => cardDeliveries.Contains(m.DeliveryId)).Select(m => new { m.Id, m.DeliveryId }).ToDictionaryAsync(m => m.DeliveryId, m => m.Id, ct);
        var byDelivery = rows.ToDictionary(r => r.DeliveryId, r => r.Id);
        return updates.Where(u => cards.ContainsKey(u.Card)).ToDictionary(u => byDelivery[u.Id], u => cards[u.Card]);
    }
}
