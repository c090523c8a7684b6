using CoalitionBot.Testing.Postgres;
using CoalitionBot.Testing.Support;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Storage.Tests.Postgres;

public sealed class PostgresServerTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task SharedServer_TwoDatabases_AreIndependent()
    {
        var postgres = await Requirement.PostgresAsync(output);

        var first = await postgres.CreateDatabaseAsync();
        var second = await postgres.CreateDatabaseAsync();

        await ExecuteAsync(first, "CREATE TABLE memo (title text); INSERT INTO memo VALUES ('Human rights, not military aid')");

        Assert.Equal(1L, await ScalarAsync(first, "SELECT count(*) FROM memo"));
        Assert.Equal(0L, await ScalarAsync(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'memo'"));
        Assert.NotEqual(await ScalarAsync(first, "SELECT current_database()"), await ScalarAsync(second, "SELECT current_database()"));
    }

    [SkippableFact]
    public async Task TryStartAsync_OwnServer_AcceptsConnectionsThenStopsAndCleansUp()
    {
        await Requirement.PostgresAsync(output);

        var result = await PostgresServer.TryStartAsync();
        Assert.True(result.Started, result.Reason);
        var server = result.Server;
        var root = server.RootDirectory;

        await using (server)
        {
            var version = (string?)await ScalarAsync(server.ConnectionString, "SHOW server_version");
            output.WriteLine($"PostgreSQL {version} on port {server.Port}");
            Assert.False(string.IsNullOrEmpty(version));
        }

        Assert.False(Directory.Exists(root));
        await Assert.ThrowsAnyAsync<Exception>(() => ScalarAsync(server.ConnectionString + ";Pooling=false;Timeout=3", "SELECT 1"));
    }

    [SkippableFact]
    public async Task CreateDatabaseAsync_UnsafeName_Throws()
    {
        var postgres = await Requirement.PostgresAsync(output);

        await Assert.ThrowsAsync<ArgumentException>(() => postgres.CreateDatabaseAsync("x\"; DROP DATABASE postgres; --"));
    }

    [Fact]
    public void FindBinDirectory_SeveralVersions_HighestByNumberNotText()
    {
        var root = Directory.CreateTempSubdirectory("coalitionbot-bin-test-").FullName;
        try
        {
            foreach (var version in new[] { "9.6", "15", "16", "notaversion" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
                File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
                File.WriteAllText(Path.Combine(bin, "initdb"), "");
            }

            Directory.CreateDirectory(Path.Combine(root, "17", "bin")); // client-only: no server binaries

            Assert.Equal(Path.Combine(root, "16", "bin"), PostgresServer.FindBinDirectory(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void FindBinDirectory_NothingInstalled_Null()
    {
        Assert.Null(PostgresServer.FindBinDirectory(Path.Combine(Path.GetTempPath(), "coalitionbot-no-such-" + Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void Check_MissingAndNotRequired_WritesWhyAndSkips()
    {
        var lines = new CollectingOutput();

        var skip = Assert.Throws<SkipException>(() => Requirement.Check("PostgreSQL", Requirement.RequirePostgres, "not installed", lines, _ => null));

        Assert.StartsWith("PostgreSQL is not available: not installed.", skip.Message, StringComparison.Ordinal);
        Assert.StartsWith("SKIPPED: PostgreSQL is not available: not installed.", Assert.Single(lines.Lines));
    }

    [Fact]
    public void Check_MissingAndRequired_Throws()
    {
        var error = Assert.Throws<RequirementMissingException>(
            () => Requirement.Check("PostgreSQL", Requirement.RequirePostgres, "not installed", new CollectingOutput(), name => name == Requirement.RequirePostgres ? "1" : null));

        Assert.Contains("COALITIONBOT_REQUIRE_POSTGRES=1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Present_ReturnsSilently()
    {
        var lines = new CollectingOutput();

        Requirement.Check("PostgreSQL", Requirement.RequirePostgres, null, lines, _ => "1");
        Assert.Empty(lines.Lines);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private sealed class CollectingOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
