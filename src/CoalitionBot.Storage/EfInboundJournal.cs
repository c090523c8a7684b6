using CoalitionBot.Core.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Storage;

/// <summary>
/// The inbound journal in the database. Records and completions go through <see cref="JournalGroupCommit"/> (many
/// callers, one transaction); taking unfinished entries uses a short-lived context of its own.
/// </summary>
internal sealed class EfInboundJournal(IServiceScopeFactory scopes, JournalGroupCommit writer, TimeProvider clock) : IInboundJournal
{
    private const int MaxAttempts = 5;

    public Task RecordAsync(Platform platform, string key, string payload, CancellationToken cancellationToken) =>
        writer.RecordAsync(new InboundJournalEntry { Platform = platform, Key = key, Payload = payload, ReceivedAt = clock.GetUtcNow() }, cancellationToken);

    public Task CompleteAsync(Platform platform, string key, CancellationToken cancellationToken) =>
        writer.CompleteAsync(platform, key, clock.GetUtcNow(), cancellationToken);

    public async Task<IReadOnlyList<JournalEntry>> TakeUnfinishedAsync(Platform platform, DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var entries = await db.InboundJournal
            .Where(e => e.Platform == platform && e.CompletedAt == null && e.ReceivedAt < receivedBefore
                && (e.LastTriedAt == null || e.LastTriedAt < receivedBefore) && e.Attempts < MaxAttempts)
            .OrderBy(e => e.ReceivedAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Attempts++;
            entry.LastTriedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return entries.Select(e => new JournalEntry(e.Key, e.Payload, e.Attempts)).ToList();
    }
}
