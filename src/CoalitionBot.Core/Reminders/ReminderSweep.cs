using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Routing;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// One pass of the bot's own jobs: close memos whose deadline passed, queue due reminders, escalations and
/// digests. Safe on several instances at once: closing is keyed like an inbound item, and every message has
/// an idempotency key whose unique index turns a second queueing into a no-op.
/// </summary>
public sealed partial class ReminderSweep(IDataSession data, TimeProvider clock, ILogger<ReminderSweep> logger, Reach.IPersonalLinks links)
{
    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var coalitions = (await data.ListAsync(data.Coalitions, ct)).ToDictionary(c => c.Id);
        var open = await data.ListAsync(data.Memos.Where(m => m.Status == MemoStatus.Open), ct);
        var closed = 0;
        var queued = 0;
        foreach (var memo in open)
        {
            if (!coalitions.TryGetValue(memo.CoalitionId, out var coalition))
            {
                continue;
            }

            try
            {
                if (memo.Deadline is { } deadline && deadline <= now)
                {
                    closed += await CloseAtDeadlineAsync(coalition, memo.Id, deadline, ct) ? 1 : 0;
                    continue;
                }

                var queue = new ReminderQueue(data, coalition, memo, now);
                queued += await IdempotentInsert.InsertAsync(data, await ReminderLinks.AttachAsync(data, links, clock, coalition, memo, await queue.DueAsync(ct), ct), ct);
                queued += await IdempotentInsert.InsertAsync(data, await new DigestQueue(data, clock, coalition, memo, now).DueAsync(ct), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken memo must not stop reminders for the others.
                data.Reset();
                LogMemoFailed(logger, e, memo.Code);
            }
        }

        return new SweepResult(closed, queued);
    }

    /// <summary>Closes the memo as a coordinator's `close` would (audited), and sends coordinators the status.</summary>
    private async Task<bool> CloseAtDeadlineAsync(Coalition coalition, Guid memoId, DateTimeOffset deadline, CancellationToken ct)
    {
        var key = $"deadline:{memoId:N}:{deadline.UtcTicks}";
        var inboundKey = SystemRequest.InboundKey(key);
        if (await data.CountAsync(data.ProcessedInbound.Where(p => p.Key == inboundKey), ct) > 0)
        {
            return false; // closed at this deadline before, and reopened by a coordinator since
        }

        data.Reset();
        var memo = await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == memoId), ct);
        if (memo is not { Status: MemoStatus.Open })
        {
            return false;
        }

        var ctx = SystemRequest.For(data, clock, coalition, key);
        await CirculationFeature.CloseAsync(ctx, memo, ct);
        var status = await StatusFeature.BuildAsync(ctx, memo, ct);
        var lead = $"{memo.Code} closed at its deadline. Type `compile {memo.Code}` for the final list.";
        await Deliveries.NotifyCoordinatorsAsync(ctx, $"closed:{memo.Id:N}:{deadline.UtcTicks}", new Message(lead, [new TextBlock(lead, Strong: true), .. status.Blocks]), ct);
        try
        {
            await ctx.SaveAsync(ct);
            return true;
        }
        catch (DuplicateInboundException)
        {
            return false; // another instance closed it at the same moment
        }
        catch (UniqueConflictException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = LogEvents.ReminderMemoFailed, Level = LogLevel.Error, Message = "The reminder sweep failed for memo {Memo}; it tries again next time")]
    private static partial void LogMemoFailed(ILogger logger, Exception exception, string memo);
}
