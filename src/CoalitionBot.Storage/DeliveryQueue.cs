using CoalitionBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>
/// Claims due deliveries for one worker with a lease, so that several instances never send the same row at
/// once: PostgreSQL uses FOR UPDATE SKIP LOCKED; SQLite (one writer at a time) a conditional update. A row
/// whose worker died is claimable again when its lease runs out.
/// </summary>
public sealed class DeliveryQueue(CoalitionDbContext db, SqliteWriteGate sqliteWrites)
{
    public async Task<List<Delivery>> ClaimAsync(DateTimeOffset now, int batch, TimeSpan lease, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var until = now + lease;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Deliveries" SET "LeaseUntil" = {until}, "ClaimToken" = {token}
                WHERE "Id" IN (
                    SELECT "Id" FROM "Deliveries"
                    WHERE "State" = 'Pending' AND "NotBefore" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "NotBefore", "CreatedAt"
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            await sqliteWrites.WriteAsync(
                () => db.Deliveries
                    .Where(d => d.State == DeliveryState.Pending && d.NotBefore <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                    .OrderBy(d => d.NotBefore).ThenBy(d => d.CreatedAt)
                    .Take(batch)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.ClaimToken, token), ct),
                ct);
        }

        return await db.Deliveries.Where(d => d.ClaimToken == token && d.State == DeliveryState.Pending).OrderBy(d => d.NotBefore).ThenBy(d => d.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// Extends this worker's lease on one row just before sending it; false when the lease ran out and another
    /// worker may have taken the row (then this worker must not send it).
    /// </summary>
    public async Task<bool> RenewAsync(Guid id, Guid? token, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var until = now + lease;
        var renewed = await sqliteWrites.WriteAsync(
            () => db.Deliveries
                .Where(d => d.Id == id && d.ClaimToken == token && d.State == DeliveryState.Pending && d.LeaseUntil >= now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until), ct),
            ct,
            onlyForSqlite: !db.Database.IsNpgsql());
        return renewed == 1;
    }

    /// <summary>
    /// When the next pending delivery nobody holds is due, if any (the worker sleeps until then or until woken). A row
    /// another worker holds comes back at its lease's end at the latest, which the worker's poll covers.
    /// </summary>
    public Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, CancellationToken ct) =>
        db.Deliveries.Where(d => d.State == DeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NotBefore).Select(d => (DateTimeOffset?)d.NotBefore).FirstOrDefaultAsync(ct);
}
