using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// The outbox asks, just before it sends a reminder, whether it is still wanted: a reminder cancelled while it was
/// being claimed, or one whose organisation answered a moment ago, must not go out.
/// </summary>
public static class ReminderRelevance
{
    /// <summary>Why this delivery should no longer be sent, or null when it should (every non-reminder is always wanted).</summary>
    public static async Task<string?> WhyNotWantedAsync(IDataSession data, Delivery delivery, CancellationToken ct)
    {
        if (delivery.Purpose != DeliveryPurpose.Reminder || delivery.MemoId is not { } memoId)
        {
            return null;
        }

        var memo = await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == memoId), ct);
        if (memo is not { Status: MemoStatus.Open })
        {
            return "The memo is no longer open.";
        }

        var contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == delivery.ContactId), ct);
        if (contact is null || Memos.SignerKeyFor(memo, contact) is not { } key)
        {
            return "The contact is no longer in the directory.";
        }

        var answer = await data.FirstOrDefaultAsync(data.SignOns.Where(s => s.MemoId == memoId && s.SignerKey == key), ct);
        return answer is null || answer is { State: SignOnState.Signed, NeedsReconfirmation: true } ? null : "They answered.";
    }
}
