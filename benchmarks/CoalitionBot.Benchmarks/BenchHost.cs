using CoalitionBot.Storage;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Load;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Benchmarks;

/// <summary>A seeded SQLite database in a temporary folder and the host started on it as a separate process.</summary>
internal static class BenchHost
{
    public static async Task<(HostProcess Host, string Folder)> StartAsync(int partners, bool openMemo, Func<Core.Domain.Contact, int, Core.Domain.ContactIdentity>? identity, Dictionary<string, string> environment)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coalitionbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "bot.db")}";
        var options = new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite(connection).Options;
        await using (var db = new SqliteCoalitionDbContext(options))
        {
            await db.Database.MigrateAsync();
            await BulkCoalition.SeedAsync(db, partners, DateTimeOffset.UtcNow, openMemo, identity);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        environment["Storage__ConnectionString"] = connection;
        environment["Reminders__Enabled"] = "false";
        var host = await HostProcess.StartAsync(HostProcess.FreePort(), environment, TimeSpan.FromMinutes(2));
        return (host, folder);
    }

    public static SqliteCoalitionDbContext Open(string folder) =>
        new(new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bot.db")}").Options);

    /// <summary>
    /// With <c>BENCH_PAUSE_SECONDS=N</c> set, prints the host's process id and waits N seconds before the measured
    /// work starts, so a profiler can be attached (<c>dotnet-trace collect -p PID</c>); without it, returns at once.
    /// </summary>
    public static async Task PauseForProfilerAsync(int processId)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_PAUSE_SECONDS"), out var seconds) && seconds > 0)
        {
            Console.WriteLine($"    host pid {processId}: waiting {seconds} s for a profiler (BENCH_PAUSE_SECONDS)");
            await Task.Delay(TimeSpan.FromSeconds(seconds));
        }
    }
}
