using System.Text.Json;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// Inserts deliveries whose idempotency keys another instance may be inserting at the same moment. The
/// unique key decides: a conflict means "already queued" and is dropped, never checked for first. The whole
/// batch goes in one save; only when that conflicts is each row tried on its own.
/// </summary>
internal static class IdempotentInsert
{
    public static Delivery NewDelivery(Guid coalitionId, ContactIdentity to, string purpose, string key, Guid? memoId, Message message, DateTimeOffset notBefore, DateTimeOffset now) => new()
    {
        IdempotencyKey = key,
        CoalitionId = coalitionId,
        MemoId = memoId,
        ContactId = to.ContactId,
        IdentityId = to.Id,
        Platform = to.Platform,
        Route = Reach.ContactRoutes.Describe(to, null),
        Purpose = purpose,
        Payload = JsonSerializer.Serialize(Routing.CoalitionStamp.Apply(message, coalitionId), Deliveries.Json),
        NotBefore = notBefore,
        CreatedAt = now,
    };

    /// <summary>Inserts the rows; returns how many this call stored (the rest were queued by someone else).</summary>
    public static async Task<int> InsertAsync(IDataSession data, IReadOnlyList<Delivery> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        data.Reset();
        foreach (var row in rows)
        {
            data.Add(row);
        }

        try
        {
            await data.SaveChangesAsync(ct);
            return rows.Count;
        }
        catch (UniqueConflictException)
        {
            data.Reset();
        }

        var stored = 0;
        foreach (var row in rows)
        {
            data.Add(row);
            try
            {
                await data.SaveChangesAsync(ct);
                stored++;
            }
            catch (UniqueConflictException)
            {
                data.Reset(); // another instance queued this one first
            }
        }

        return stored;
    }
}
