using System.Threading.Channels;
using CoalitionBot.Core.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Storage;

/// <summary>
/// Group commit for the inbound journal: one writer loop takes every record and completion waiting at that moment
/// and stores them in one transaction, so a burst of acknowledgements pays one commit (and one fsync) per batch
/// instead of one each. Each caller's task completes only after the commit that holds its entry, so durability is
/// unchanged: nothing is acknowledged that a kill -9 could lose. While one batch commits, the next gathers.
/// A batch that fails is written again one entry at a time, so one bad entry fails only its own caller.
/// </summary>
internal sealed class JournalGroupCommit : IAsyncDisposable
{
    /// <summary>At most this many entries per transaction (a burst's batches stay short to commit).</summary>
    public const int MaxBatch = 500;

    private readonly Channel<Pending> pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly SqliteWriteGate gate;
    private readonly Task loop;

    public JournalGroupCommit(IServiceScopeFactory scopes, SqliteWriteGate gate)
    {
        this.scopes = scopes;
        this.gate = gate;
        // A thread of its own, written synchronously: SQLite's calls block (the commit's fsync above all), and must not
        // hold the pool threads the acknowledgements run on.
        loop = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Records an entry (ignored when its key is journaled already); completes once committed.</summary>
    public Task RecordAsync(InboundJournalEntry entry, CancellationToken cancellationToken) => Enqueue(new Pending(entry, null), cancellationToken);

    /// <summary>Marks an entry handled; completes once committed.</summary>
    public Task CompleteAsync(Platform platform, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        Enqueue(new Pending(new InboundJournalEntry { Platform = platform, Key = key, Payload = string.Empty }, at), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task Enqueue(Pending item, CancellationToken cancellationToken)
    {
        if (!pending.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(JournalGroupCommit), "The inbound journal is shutting down.");
        }

        return item.Done.Task.WaitAsync(cancellationToken);
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        while (pending.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                Write(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var one in batch)
                {
                    WriteOne(one);
                }
            }
            catch (Exception ex)
            {
                batch[0].Done.TrySetException(ex);
            }

            batch.Clear();
        }
    }

    private void WriteOne(Pending one)
    {
        try
        {
            Write([one]);
            one.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            one.Done.TrySetException(ex);
        }
    }

    /// <summary>One transaction: the batch's new entries inserted (repeats of stored keys left alone), its completions set.</summary>
    private void Write(IReadOnlyList<Pending> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            gate.Enter(); // SQLite's one writer, in turn with the other writes of this process
        }

        try
        {
            db.Database.OpenConnection();
            var connection = db.Database.GetDbConnection();
            using var transaction = connection.BeginTransaction();
            using (var statements = new JournalStatements(db, connection, transaction))
            {
                foreach (var (entry, completedAt) in batch.Select(p => (p.Entry, p.CompletedAt)))
                {
                    if (completedAt is { } at)
                    {
                        statements.Complete(entry, at);
                    }
                    else
                    {
                        statements.Insert(entry);
                    }
                }
            }

            transaction.Commit();
        }
        finally
        {
            if (sqlite)
            {
                gate.Leave();
            }
        }
    }

    /// <summary>A record (<paramref name="CompletedAt"/> null) or a completion, and its caller's task.</summary>
    private sealed record Pending(InboundJournalEntry Entry, DateTimeOffset? CompletedAt)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
