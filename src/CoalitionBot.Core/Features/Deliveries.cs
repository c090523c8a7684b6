using System.Text.Json;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// Queues proactive messages as Delivery rows in the current request's unit of work, so they are stored in
/// the same transaction as the change that caused them. One delivery per contact: to the chat identity
/// they used most recently.
/// </summary>
public static class Deliveries
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Chooses where each contact is reached (<see cref="ContactRoutes.UsableAsync"/>): the route they were reached on.</summary>
    public static Task<Dictionary<Guid, ContactIdentity>> ReachableAsync(RequestContext ctx, IReadOnlyCollection<Guid> contactIds, CancellationToken ct) =>
        ContactRoutes.UsableAsync(ctx.Data, contactIds, ct);

    /// <summary>
    /// Queues one message, unless a delivery with the same key exists already (a second circulation of the
    /// same version to the same person is not sent again).
    /// </summary>
    public static Delivery Enqueue(RequestContext ctx, ContactIdentity to, string purpose, string key, Memo? memo, Message message, DateTimeOffset? notBefore = null)
    {
        var delivery = new Delivery
        {
            IdempotencyKey = key,
            CoalitionId = ctx.CoalitionOrThrow.Id,
            MemoId = memo?.Id,
            ContactId = to.ContactId,
            IdentityId = to.Id,
            Platform = to.Platform,
            Route = ContactRoutes.Describe(to, null),
            Purpose = purpose,
            Payload = JsonSerializer.Serialize(CoalitionStamp.Apply(message, ctx.CoalitionOrThrow.Id), Json),
            NotBefore = notBefore ?? ctx.Now,
            CreatedAt = ctx.Now,
        };
        ctx.Data.Add(delivery);
        return delivery;
    }

    public static Message Read(Delivery delivery) =>
        JsonSerializer.Deserialize<Message>(delivery.Payload, Json) ?? throw new InvalidOperationException($"Delivery {delivery.Id} has no message.");

    /// <summary>Tells every coordinator of the coalition something, once per key.</summary>
    public static async Task NotifyCoordinatorsAsync(RequestContext ctx, string key, Message message, CancellationToken ct)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var coordinators = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.IsCoordinator).Select(c => c.Id), ct);
        var reach = await ReachableAsync(ctx, coordinators, ct);
        var existing = await ExistingKeysAsync(ctx, reach.Values.Select(i => $"{key}:{i.ContactId:N}").ToList(), ct);
        foreach (var identity in reach.Values.Where(i => !existing.Contains($"{key}:{i.ContactId:N}")))
        {
            Enqueue(ctx, identity, DeliveryPurpose.Notice, $"{key}:{identity.ContactId:N}", null, message);
        }
    }

    public static async Task<HashSet<string>> ExistingKeysAsync(RequestContext ctx, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            found.UnionWith(await ctx.Data.ListAsync(ctx.Data.Deliveries.Where(d => chunk.Contains(d.IdempotencyKey)).Select(d => d.IdempotencyKey), ct));
        }

        return found;
    }
}
