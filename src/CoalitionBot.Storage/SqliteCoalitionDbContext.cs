using CoalitionBot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>The model on SQLite (the zero-set-up default); its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteCoalitionDbContext(DbContextOptions<SqliteCoalitionDbContext> options) : CoalitionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);

        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so queries on times translate.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();
    }
}
