using CoalitionBot.Core.Outbox.Budget;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Storage.Outbox;

/// <summary>
/// The platforms' rate budgets in the database, so every instance on it sends within one budget instead of each
/// within its own. Each slot row is taken with a compare-and-swap — insert if absent, or update only if it still
/// holds the time that was read — so two instances racing for a slot cannot both get it; the loser reads again.
/// Same statements on SQLite and PostgreSQL.
/// </summary>
public sealed class DatabaseSendBudget(IServiceScopeFactory scopes, SqliteWriteGate sqliteWrites, TimeProvider time) : ISendBudget
{
    private const int Attempts = 50;

    public async ValueTask<SendReservation> ReserveAsync(SendBudgetKey budget, TimeSpan longestWait, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var sqlite = !db.Database.IsNpgsql();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var slots = await db.SendBudgetSlots.AsNoTracking().Where(s => s.Budget == budget.Name)
                .Select(s => new { s.Slot, s.AtTicks }).ToListAsync(cancellationToken);
            var now = time.GetUtcNow();
            var step = SendWindow.Next(slots.Select(s => (s.Slot, new DateTimeOffset(s.AtTicks, TimeSpan.Zero))).ToList(), budget, now, longestWait);
            if (step.RefusedFor is { } wait)
            {
                return SendReservation.Refused(budget, now, wait);
            }

            var at = step.At.UtcTicks;
            var taken = await sqliteWrites.WriteAsync(
                () => step.Previous is { } previous
                    ? db.SendBudgetSlots.Where(s => s.Budget == budget.Name && s.Slot == step.Slot && s.AtTicks == previous.UtcTicks)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.AtTicks, at), cancellationToken)
                    : db.Database.ExecuteSqlInterpolatedAsync(
                        $"""INSERT INTO "SendBudgetSlots" ("Budget", "Slot", "AtTicks") VALUES ({budget.Name}, {step.Slot}, {at}) ON CONFLICT DO NOTHING""",
                        cancellationToken),
                cancellationToken,
                onlyForSqlite: sqlite);
            if (taken == 1)
            {
                return new SendReservation(budget, step.Slot, step.At, null);
            }
        }

        // Many instances racing for the same slots: ask again shortly rather than spin.
        return SendReservation.Refused(budget, time.GetUtcNow(), TimeSpan.FromSeconds(1));
    }

    public async ValueTask AnsweredAsync(SendReservation reservation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (!reservation.Granted || now <= reservation.At.UtcTicks)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var name = reservation.Budget.Name;
        var reserved = reservation.At.UtcTicks;
        await sqliteWrites.WriteAsync(
            () => db.SendBudgetSlots.Where(s => s.Budget == name && s.Slot == reservation.Slot && s.AtTicks == reserved)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AtTicks, now), cancellationToken),
            cancellationToken,
            onlyForSqlite: !db.Database.IsNpgsql());
    }
}
