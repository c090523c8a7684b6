using System.Text.Json;
using CoalitionBot.Core.Conversation;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Writes each queued Teams message to the core's inbound journal before the 202, completes it after handling, and
/// gives back what a crashed process acknowledged but never handled. Without a journal (adapter tests) it does nothing.
/// </summary>
internal sealed partial class TeamsJournal(TimeProvider time, ILogger<TeamsJournal> logger, IInboundJournal? journal = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>False when the note could not be written: then the endpoint must not acknowledge.</summary>
    public async Task<bool> RecordAsync(QueuedActivity item, CancellationToken ct)
    {
        if (journal is null || item.Reply is not null)
        {
            return true;
        }

        try
        {
            await journal.RecordAsync(Platform.Teams, item.Inbound.DeliveryId, JsonSerializer.Serialize(item with { Reply = null }, Json), ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJournalFailed(logger, ex, item.Inbound.DeliveryId);
            return false;
        }
    }

    public Task CompleteAsync(QueuedActivity item, CancellationToken ct) =>
        journal is null || item.Reply is not null ? Task.CompletedTask : journal.CompleteAsync(Platform.Teams, item.Inbound.DeliveryId, ct);

    /// <summary>Messages acknowledged at least five minutes ago and never finished.</summary>
    public async Task<IReadOnlyList<QueuedActivity>> UnfinishedAsync(CancellationToken ct)
    {
        if (journal is null)
        {
            return [];
        }

        var entries = await journal.TakeUnfinishedAsync(Platform.Teams, time.GetUtcNow() - TimeSpan.FromMinutes(5), 200, ct).ConfigureAwait(false);
        return entries.Select(e => JsonSerializer.Deserialize<QueuedActivity>(e.Payload, Json)).OfType<QueuedActivity>().ToList();
    }

    [LoggerMessage(EventId = 4510, Level = LogLevel.Error, Message = "Could not record Teams activity {DeliveryId} in the inbound journal; answering 503 so it is delivered again")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, string deliveryId);
}
