namespace CoalitionBot.Storage;

/// <summary>
/// SQLite takes one writer at a time. Letting many requests race for its lock makes them sleep and retry
/// (hundreds of milliseconds each under load); queueing them here instead hands the lock over at once, in order.
/// One per process; PostgreSQL does not use it.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task EnterAsync(CancellationToken ct) => _gate.WaitAsync(ct);

    public void Enter() => _gate.Wait();

    public void Leave() => _gate.Release();

    /// <summary>Runs one write (an ExecuteUpdate, say) inside the gate; <paramref name="onlyForSqlite"/> false runs it directly (PostgreSQL).</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct, bool onlyForSqlite = true)
    {
        if (!onlyForSqlite)
        {
            return await write();
        }

        await EnterAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            Leave();
        }
    }
}
