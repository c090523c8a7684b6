using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Storage.Tests.Postgres;

/// <summary>PostgreSQL's timestamptz takes only UTC DateTimeOffsets from Npgsql; the store normalises instead of failing.</summary>
public sealed class UtcTimestampTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Save_DeadlineWithLocalOffset_StoredAsSameInstantInUtc()
    {
        var postgres = await Requirement.PostgresAsync(output);

        var options = new DbContextOptionsBuilder<PostgresCoalitionDbContext>().UseNpgsql(await postgres.CreateDatabaseAsync()).Options;
        var berlin = new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.FromHours(1));
        var memo = new Memo { Title = "T", Addressee = "A", Deadline = berlin, CreatedAt = berlin };
        await using (var db = new PostgresCoalitionDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Memos.Add(memo);
            await db.SaveChangesAsync();
        }

        await using (var db = new PostgresCoalitionDbContext(options))
        {
            var stored = await db.Memos.SingleAsync(m => m.Deadline < berlin.AddMinutes(1) && m.Deadline > berlin.AddMinutes(-1));
            Assert.Equal(berlin, stored.Deadline);
            Assert.Equal(TimeSpan.Zero, stored.Deadline!.Value.Offset);
        }
    }
}
