using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// A cheap stamp of everything the memo page shows that others change (sign-ons, comments, deliveries, the memo's
/// state): when it differs from the last one, the page has something new to fetch. Works across instances.
/// </summary>
public sealed class MemoChangeQuery(IDataSession data)
{
    public async Task<string?> StampAsync(Guid coalitionId, string code, CancellationToken ct)
    {
        if (!MemoCode.TryParse(code, out var number)
            || await data.FirstOrDefaultAsync(data.Memos.Where(m => m.CoalitionId == coalitionId && m.Number == number), ct) is not { } memo)
        {
            return null;
        }

        var signOns = data.SignOns.Where(s => s.MemoId == memo.Id);
        var comments = data.Comments.Where(c => c.MemoId == memo.Id);
        var deliveries = data.Deliveries.Where(d => d.MemoId == memo.Id);
        var parts = new object?[]
        {
            memo.Status, memo.CurrentVersion, memo.Deadline,
            await data.CountAsync(signOns, ct),
            await data.FirstOrDefaultAsync(signOns.OrderByDescending(s => s.At).Select(s => (DateTimeOffset?)s.At), ct),
            await data.CountAsync(signOns.Where(s => s.AwaitingApproval || s.NeedsReconfirmation), ct),
            await data.CountAsync(comments, ct),
            await data.CountAsync(comments.Where(c => c.Resolved), ct),
            await data.CountAsync(deliveries.Where(d => d.State == DeliveryState.Pending), ct),
            await data.CountAsync(deliveries.Where(d => d.State == DeliveryState.Sent), ct),
            await data.CountAsync(deliveries.Where(d => d.State == DeliveryState.Failed), ct),
        };
        return string.Join("|", parts);
    }
}
