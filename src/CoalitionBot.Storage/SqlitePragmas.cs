using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoalitionBot.Storage;

/// <summary>
/// Every SQLite connection uses write-ahead logging (readers never block the writer) and waits for a busy
/// database instead of failing at once; synchronous=FULL keeps every committed sign-on through a power loss
/// (measured: NORMAL was no faster under a 1,000-request burst, because the bottleneck is queueing, not fsync).
/// The pragmas belong to the native connection, which the pool keeps open across EF's many open/close pairs,
/// so they run once per native connection, not on every open (a slash command opened it about seven times).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    /// <summary>Native connections that already ran <see cref="Pragmas"/>; an entry goes with its connection.</summary>
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    /// <summary>False once this native connection has run the pragmas (true when it has no handle to key on).</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out _);

    /// <summary>Marks the native connection done only after the pragmas ran, so a failed attempt is tried again.</summary>
    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Prepared.AddOrUpdate(handle, Prepared);
        }
    }
}
