using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reminders;

namespace CoalitionBot.Core.Outbox;

/// <summary>
/// The domain's half of recording a delivery that will not be sent. The outbox (Storage) claims the row, marks it
/// failed and asks this handler before it saves, so the consequences are stored in the same transaction as the
/// failure: the contact is marked unreachable when the platform says so, and every coordinator is told — once
/// per failed delivery, by the notices' unique idempotency keys (a second recording conflicts, it never repeats them).
/// </summary>
public sealed class DeliveryOutcomeHandler(IDataSession data, TimeProvider clock)
{
    /// <summary>
    /// Adds what follows from <paramref name="outcome"/> (a <see cref="DeliveryFailed"/>, a <see cref="DeliveryRouteFailed"/>,
    /// or the last <see cref="DeliveryRetry"/> when attempts ran out) to the current unit of work; the caller saves.
    /// </summary>
    public async Task FailedAsync(Delivery delivery, DeliveryOutcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case DeliveryFailed failed:
                await TellCoordinatorsAsync(delivery, failed.RecipientUnreachable, ct);
                break;
            case DeliveryRouteFailed:
                // The outbox hands a failed route to Reach.RouteFallback, which queues the next route; one that reaches
                // here (recorded without the fallback) is a failure of this message, not of the person.
                await TellCoordinatorsAsync(delivery, unreachable: false, ct);
                break;
            default: // passing failures until the attempts ran out
                await TellCoordinatorsAsync(delivery, unreachable: false, ct);
                break;
        }
    }

    private async Task TellCoordinatorsAsync(Delivery delivery, bool unreachable, CancellationToken ct)
    {
        if (delivery.Purpose is DeliveryPurpose.Notice or DeliveryPurpose.CardUpdate)
        {
            return; // never chase a failed notice with more notices; a card that cannot be updated (deleted, archived) is no news
        }

        var contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == delivery.ContactId), ct);
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == delivery.CoalitionId), ct);
        if (contact is null || coalition is null)
        {
            return;
        }

        var advice = "";
        if (unreachable && delivery.ChannelId is null) // a channel that refused is not the coordinator who circulated to it
        {
            // The route is closed for this contact (the next circulation tries another one) and coordinators learn why.
            var identity = await data.FirstOrDefaultAsync(data.Identities.Where(i => i.Id == delivery.IdentityId), ct);
            advice = Reach.Unreachability.Mark(contact, identity, delivery.Platform, delivery.LastError ?? "refused");
        }

        var memoNumber = delivery.MemoId is { } memoId ? await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == memoId).Select(m => (int?)m.Number), ct) : null;
        var text = delivery.ChannelId is { } channel ? $"I could not post a message in {(delivery.Platform == Platform.Teams ? "a Teams channel (" + channel + ")" : "channel " + channel)}"
            + (memoNumber is { } c ? $" about {MemoCode.Format(c)}" : "") + $": {delivery.LastError}. "
            + (delivery.Platform == Platform.Teams ? "Add me to its team (Apps → CoalitionBot → Add to a team), then circulate again." : "Invite me to the channel, then circulate again.")
            : $"I could not deliver a message to {contact.Name}" + (memoNumber is { } n ? $" about {MemoCode.Format(n)}" : "") + $": {delivery.LastError}."
            + advice;
        var ctx = SystemRequest.For(data, clock, coalition, $"delivery-failed:{delivery.Id:N}"); // never saved: the outbox saves
        await Deliveries.NotifyCoordinatorsAsync(ctx, $"failed:{delivery.Id:N}", Message.Text(text), ct);
    }
}
