using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Reminders;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Looks up, in small batches, the partner contacts added or imported since the last sweep (Slack and Teams by
/// e-mail, else the e-mail route), so a 76-contact import answers at once and people are linked before the memo goes out.
/// A contact whose look-up a platform deferred (Slack's rate limit) is asked again once its
/// <see cref="Contact.ReachRetryAt"/> has passed, and then gets the open memos circulated while they waited.
/// </summary>
public sealed class ReachSweep(IDataSession data, ContactReach reach, IPersonalLinks links, TimeProvider clock)
{
    public const int BatchSize = 25;

    /// <summary>Runs batches until every contact with an e-mail has been looked up (or waits for a platform); returns how many were.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            data.Reset();
            var now = clock.GetUtcNow();
            var batch = await data.ListAsync(data.Contacts
                .Where(c => c.OrganisationId != null && c.Email != null && c.ReachCheckedAt == null && (c.ReachRetryAt == null || c.ReachRetryAt <= now))
                .OrderBy(c => c.CreatedAt).Take(BatchSize), ct);
            if (batch.Count == 0)
            {
                return total;
            }

            var waited = batch.Where(c => c.ReachRetryAt is not null).Select(c => c.Id).ToList();
            await reach.PrepareAsync(data, batch, ct);
            total += batch.Count;
            if (waited.Count > 0)
            {
                await CatchUpAsync(waited, ct);
            }
        }
    }

    /// <summary>The earliest instant a deferred look-up is due again (the hosted loop wakes then), or null when none waits.</summary>
    public async Task<DateTimeOffset?> NextRetryAsync(CancellationToken ct)
    {
        data.Reset();
        var due = await data.ListAsync(data.Contacts.Where(c => c.OrganisationId != null && c.Email != null && c.ReachCheckedAt == null && c.ReachRetryAt != null)
            .OrderBy(c => c.ReachRetryAt).Select(c => c.ReachRetryAt).Take(1), ct);
        return due.FirstOrDefault();
    }

    /// <summary>
    /// Sends the contacts whose look-up was deferred, and who now have a route, the current version of every open memo
    /// circulated meanwhile: the circulation they missed, with the same idempotency key, so nobody gets it twice.
    /// </summary>
    private async Task CatchUpAsync(List<Guid> contactIds, CancellationToken ct)
    {
        data.Reset();
        var contacts = await data.ListAsync(data.Contacts.Where(c => contactIds.Contains(c.Id) && c.ReachCheckedAt != null), ct);
        var now = clock.GetUtcNow();
        foreach (var group in contacts.GroupBy(c => c.CoalitionId))
        {
            var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == group.Key), ct);
            var circulated = await data.ListAsync(data.Deliveries
                .Where(d => d.CoalitionId == group.Key && d.Purpose == DeliveryPurpose.Circulation && d.MemoId != null)
                .Select(d => d.MemoId!.Value).Distinct(), ct);
            var memos = await data.ListAsync(data.Memos.Where(m => circulated.Contains(m.Id) && m.Status == MemoStatus.Open), ct);
            foreach (var memo in memos.Where(m => coalition is not null && (m.Deadline is null || m.Deadline > now)))
            {
                var ctx = SystemRequest.For(data, clock, coalition!, $"reach:{memo.Id:N}");
                var version = await data.FirstOrDefaultAsync(data.Versions.Where(v => v.MemoId == memo.Id && v.Number == memo.CurrentVersion), ct);
                if (version is not null)
                {
                    await CirculationFeature.QueueAsync(ctx, links, memo, version, DeliveryPurpose.Circulation, CirculationFeature.Intro(memo), ct, group.Select(c => c.Id).ToHashSet());
                }
            }
        }

        try
        {
            await data.SaveChangesAsync(ct);
        }
        catch (UniqueConflictException)
        {
            data.Reset(); // another instance (or a coordinator's circulate) queued them first
        }
    }
}
