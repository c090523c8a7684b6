using CoalitionBot.Core.Data;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Looks up, in small batches, the partner contacts added or imported since the last sweep (Slack and Teams by
/// e-mail, else the e-mail route), so a 76-contact import answers at once and people are linked before the memo goes out.
/// </summary>
public sealed class ReachSweep(IDataSession data, ContactReach reach)
{
    public const int BatchSize = 25;

    /// <summary>Runs batches until every contact with an e-mail has been looked up; returns how many were.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            data.Reset();
            var batch = await data.ListAsync(data.Contacts
                .Where(c => c.OrganisationId != null && c.Email != null && c.ReachCheckedAt == null)
                .OrderBy(c => c.CreatedAt).Take(BatchSize), ct);
            if (batch.Count == 0)
            {
                return total;
            }

            await reach.PrepareAsync(data, batch, ct);
            total += batch.Count;
        }
    }
}
