using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoalitionBot.Storage;

/// <summary>Lets `dotnet ef migrations add … --context SqliteCoalitionDbContext` build the model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoalitionDbContext>
{
    public SqliteCoalitionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add … --context PostgresCoalitionDbContext` build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCoalitionDbContext>
{
    public PostgresCoalitionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCoalitionDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
