using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>How far the memo cards queued since a moment (one circulate or publish) have got, read from the outbox's rows.</summary>
public sealed class CirculationProgressQuery(IDataSession data, TimeProvider clock)
{
    public async Task<CirculationProgress?> LoadAsync(Guid coalitionId, string code, DateTimeOffset since, CancellationToken ct)
    {
        if (!MemoCode.TryParse(code, out var number)
            || await data.FirstOrDefaultAsync(data.Memos.Where(m => m.CoalitionId == coalitionId && m.Number == number), ct) is not { } memo)
        {
            return null;
        }

        var rows = await data.ListAsync(data.Deliveries
            .Where(d => d.MemoId == memo.Id && d.CreatedAt >= since && d.State != DeliveryState.Cancelled
                && (d.Purpose == DeliveryPurpose.Circulation || d.Purpose == DeliveryPurpose.NewVersion))
            .Select(d => new { d.State, d.NotBefore }), ct);
        var now = clock.GetUtcNow();
        return new CirculationProgress(
            rows.Count(r => r.State == DeliveryState.Sent),
            rows.Count(r => r.State == DeliveryState.Failed),
            rows.Count(r => r.State == DeliveryState.Pending && r.NotBefore <= now),
            rows.Count(r => r.State == DeliveryState.Pending && r.NotBefore > now));
    }
}
