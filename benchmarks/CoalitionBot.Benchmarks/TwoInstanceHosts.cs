using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Load;
using CoalitionBot.Testing.Postgres;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL cluster with fsync on, seeded with N contacts, and two host processes on it (the
/// circulation is started at <see cref="First"/>); null when no PostgreSQL server is installed.
/// </summary>
internal sealed class TwoInstanceHosts(PostgresServer server, string connection, HostProcess first, HostProcess second) : IAsyncDisposable
{
    public HostProcess First => first;

    public static async Task<TwoInstanceHosts?> StartAsync(string target, int count, Func<Contact, int, ContactIdentity> identity, Dictionary<string, string> environment)
    {
        var started = await PostgresServer.TryStartAsync(durable: true);
        if (!started.Started)
        {
            BenchTargets.Check(target, "runs", "not run: " + started.Reason, false);
            return null;
        }

        var connection = await started.Server.CreateDatabaseAsync();
        await using (var db = Open(connection))
        {
            await db.Database.MigrateAsync();
            await BulkCoalition.SeedAsync(db, count, DateTimeOffset.UtcNow, openMemo: false, identity);
        }

        environment["Storage__Provider"] = "Postgres";
        environment["Storage__ConnectionString"] = connection;
        environment["Reminders__Enabled"] = "false";
        var first = await HostProcess.StartAsync(HostProcess.FreePort(), environment, TimeSpan.FromMinutes(2));
        var second = await HostProcess.StartAsync(HostProcess.FreePort(), environment, TimeSpan.FromMinutes(2));
        return new TwoInstanceHosts(started.Server, connection, first, second);
    }

    public static PostgresCoalitionDbContext Open(string connection) =>
        new(new DbContextOptionsBuilder<PostgresCoalitionDbContext>().UseNpgsql(connection).Options);

    /// <summary>Waits until no delivery is pending; returns how many were sent.</summary>
    public async Task<int> SentWhenSettledAsync()
    {
        await using var check = Open(connection);
        while (await check.Deliveries.CountAsync(d => d.State == DeliveryState.Pending) > 0)
        {
            await Task.Delay(200);
        }

        return await check.Deliveries.CountAsync(d => d.State == DeliveryState.Sent);
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await server.DisposeAsync();
    }
}
