using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Cards;

/// <summary>
/// Keeps delivered memo cards true. After an answer (sign-on, decline, withdrawal, re-confirmation) the cards of that
/// memo sent to the signer's organisation are updated; after a new version, a close or a reopen, every card of the memo.
/// Each update is an outbox row (<see cref="DeliveryPurpose.CardUpdate"/>, <see cref="Delivery.ReplacesDeliveryId"/> =
/// the card), written with the change: it survives a restart and is sent in order after the card it replaces (the
/// outbox is serial per recipient, and <see cref="PrepareAsync"/> postpones it while that card is unsent).
/// What it shows is decided when it is sent (<see cref="LiveCard"/> on the stored state), so a burst of answers needs at
/// most one waiting update per card: a card that has one waiting gets no second. E-mail cannot be updated and is skipped.
/// </summary>
public static class CardUpdates
{
    /// <summary>The purposes whose message is a memo card.</summary>
    private static readonly string[] CardPurposes = [DeliveryPurpose.Circulation, DeliveryPurpose.NewVersion, DeliveryPurpose.Reminder];

    /// <summary>How long an update waits for the card it replaces when that card is still on its way.</summary>
    private static readonly TimeSpan WaitForCard = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Queues an update of every delivered card of <paramref name="memo"/> — of those sent to the signer
    /// <paramref name="signerKey"/> answers for (their organisation's contacts, or the person), or all when null — in the
    /// request's unit of work (the caller saves).
    /// </summary>
    public static async Task QueueAsync(RequestContext ctx, Memo memo, string? signerKey, CancellationToken ct)
    {
        var cards = await ctx.Data.ListAsync(ctx.Data.Deliveries.Where(d => d.MemoId == memo.Id && CardPurposes.Contains(d.Purpose)
            && (d.State == DeliveryState.Sent || d.State == DeliveryState.Pending) && d.Platform != Platform.Email), ct);
        if (signerKey is not null)
        {
            var contacts = await ByIdAsync(ctx.Data, cards.Select(c => c.ContactId).Distinct().ToList(), ct);
            cards = cards.Where(c => contacts.TryGetValue(c.ContactId, out var contact) && Memos.SignerKeyFor(memo, contact) == signerKey).ToList();
        }

        if (cards.Count == 0)
        {
            return;
        }

        var waiting = await WaitingAsync(ctx, cards.Select(c => (Guid?)c.Id).ToList(), ct);
        var request = Hash(ctx.InboundKey);
        var placeholder = JsonSerializer.Serialize(Message.Text($"{memo.Code}: the card as it is when this update is sent."), Deliveries.Json);
        foreach (var card in cards.Where(c => !waiting.Contains(c.Id)))
        {
            ctx.Data.Add(new Delivery
            {
                IdempotencyKey = $"{DeliveryPurpose.CardUpdate}:{card.Id:N}:{request}",
                CoalitionId = card.CoalitionId,
                MemoId = null, // belongs to the memo through the card it replaces; not a message of its own in the memo's delivery counts
                ContactId = card.ContactId,
                IdentityId = card.IdentityId,
                Platform = card.Platform,
                Route = card.Route,
                Purpose = DeliveryPurpose.CardUpdate,
                Payload = placeholder,
                NotBefore = card.NotBefore > ctx.Now ? card.NotBefore : ctx.Now,
                CreatedAt = ctx.Now,
                ReplacesDeliveryId = card.Id,
            });
        }
    }

    /// <summary>Decides, just before a claimed card update is sent, what it does: send the card as it is now, wait for the card, or nothing.</summary>
    public static async Task<CardUpdatePlan> PrepareAsync(IDataSession data, Delivery update, DateTimeOffset now, CancellationToken ct)
    {
        var card = update.ReplacesDeliveryId is { } id ? await data.FirstOrDefaultAsync(data.Deliveries.Where(d => d.Id == id), ct) : null;
        if (card is null)
        {
            return new CardUpdateDropped("The card to update is gone.");
        }

        if (card.State == DeliveryState.Pending)
        {
            return new CardUpdatePostponed((card.NotBefore > now ? card.NotBefore : now) + WaitForCard);
        }

        if (card.State != DeliveryState.Sent || string.IsNullOrEmpty(card.PlatformMessageId))
        {
            return new CardUpdateDropped("The card it would update was never delivered.");
        }

        var memo = card.MemoId is { } memoId ? await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == memoId), ct) : null;
        var contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == card.ContactId), ct);
        if (memo is null || contact is null)
        {
            return new CardUpdateDropped("The memo or the contact of the card is gone.");
        }

        var number = ShownVersion(card) ?? memo.CurrentVersion;
        var shown = await data.FirstOrDefaultAsync(data.Versions.Where(v => v.MemoId == memo.Id && v.Number == number), ct)
            ?? await data.FirstOrDefaultAsync(data.Versions.Where(v => v.MemoId == memo.Id && v.Number == memo.CurrentVersion), ct);
        if (shown is null)
        {
            return new CardUpdateDropped($"{memo.Code} has no version {number}.");
        }

        // Rendered here, outside any request: its buttons carry the memo's coalition like every other queued card.
        var message = Routing.CoalitionStamp.Apply(await RenderAsync(data, memo, shown, contact, ct), memo.CoalitionId);
        return new CardUpdateReady(message, card.PlatformMessageId);
    }

    /// <summary>The card of <paramref name="shown"/> as <paramref name="contact"/> should see it now (<see cref="LiveCard"/>), from the stored answer.</summary>
    public static async Task<Message> RenderAsync(IDataSession data, Memo memo, MemoVersion shown, Contact contact, CancellationToken ct)
    {
        var key = Memos.SignerKeyFor(memo, contact);
        var answer = key is null ? null : await data.FirstOrDefaultAsync(data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == key), ct);
        var answeredBy = answer is null ? null : await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == answer.ActorId).Select(c => c.Name), ct);
        return LiveCard.Render(memo, shown, answer, answeredBy, contact.TimeZone);
    }

    /// <summary>The version a card was sent for, from its key ("circulation:{memo}:v{n}:{contact}…", the reminders' likewise).</summary>
    private static int? ShownVersion(Delivery card) =>
        card.IdempotencyKey.Split(':') is [_, _, ['v', .. var digits], ..] && int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Cards that have an update waiting (queued, not yet taken by a worker), stored or added in this unit of work.</summary>
    private static async Task<HashSet<Guid>> WaitingAsync(RequestContext ctx, List<Guid?> cardIds, CancellationToken ct)
    {
        var now = ctx.Now;
        var waiting = ctx.Data.Added<Delivery>().Where(d => d.Purpose == DeliveryPurpose.CardUpdate && d.ReplacesDeliveryId is not null)
            .Select(d => d.ReplacesDeliveryId!.Value).ToHashSet();
        foreach (var chunk in cardIds.Chunk(500))
        {
            waiting.UnionWith(await ctx.Data.ListAsync(ctx.Data.Deliveries
                .Where(d => d.Purpose == DeliveryPurpose.CardUpdate && d.State == DeliveryState.Pending && chunk.Contains(d.ReplacesDeliveryId)
                    && (d.LeaseUntil == null || d.LeaseUntil < now))
                .Select(d => d.ReplacesDeliveryId!.Value), ct));
        }

        return waiting;
    }

    private static async Task<Dictionary<Guid, Contact>> ByIdAsync(IDataSession data, List<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Contact>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var contact in await data.ListAsync(data.Contacts.Where(c => chunk.Contains(c.Id)), ct))
            {
                found[contact.Id] = contact;
            }
        }

        return found;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16]);
}
