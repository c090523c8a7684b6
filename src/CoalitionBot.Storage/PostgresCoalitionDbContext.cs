using CoalitionBot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>The model on PostgreSQL (several instances sharing one database); its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresCoalitionDbContext(DbContextOptions<PostgresCoalitionDbContext> options) : CoalitionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
